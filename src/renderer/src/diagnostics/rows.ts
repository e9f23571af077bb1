import type { Diagnostics } from '../../../shared/ipc';
import { revealInvisible } from '../../../shared/text/invisible';
import type { T } from '../i18n';

export interface DiagnosticsSection {
  id: string;
  title: string;
  rows: Array<{ label: string; value: string; alert?: boolean }>;
}

const time = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

/** What the operators' diagnostics page lists, in order, as label/value rows. Pure. */
export function diagnosticsSections(d: Diagnostics, t: T): DiagnosticsSection[] {
  const sources: DiagnosticsSection['rows'] = d.health
    ? d.health.sources.map((s) => ({
        label: `${s.sourceId} · ${s.url}`,
        value:
          `${stateText(s.state, t)} · ${t('diag.lastSuccess')} ${time(s.lastSuccessAt)}` +
          (s.lastError ? ` · ${revealInvisible(s.lastError)}` : '') +
          (s.consecutiveFailures > 0 ? ` · ${t('diag.failures')} ${s.consecutiveFailures}` : ''),
        alert: s.state !== 'ok',
      }))
    : [{ label: t('diag.sources'), value: d.healthError ?? '—', alert: true }];

  return [
    { id: 'sources', title: t('diag.sourceHealth'), rows: sources },
    {
      id: 'config',
      title: t('diag.config'),
      rows: [
        { label: t('diag.configFile'), value: `${d.config.path}${d.config.exists ? '' : t('diag.configAbsent')}` },
        { label: t('diag.loaded'), value: time(d.config.loadedAt) },
        {
          label: t('diag.lastError'),
          value: d.config.lastError ? `${time(d.config.lastError.at)} ${d.config.lastError.message}` : t('diag.none'),
          alert: d.config.lastError !== null,
        },
        ...d.config.warnings.map((w) => ({ label: t('diag.unknownField'), value: w, alert: true })),
      ],
    },
    {
      id: 'core',
      title: t('diag.core'),
      rows: [
        { label: t('diag.state'), value: `${d.core.state}${d.core.pid ? ` (pid ${d.core.pid})` : ''}`, alert: d.core.state !== 'running' },
        { label: t('diag.restarts'), value: String(d.core.restarts) },
        { label: t('diag.lastExit'), value: d.core.lastExit ? `${time(d.core.lastExit.at)} ${d.core.lastExit.reason}` : '—' },
        ...(d.core.nextStartAt ? [{ label: t('diag.nextStart'), value: time(d.core.nextStartAt), alert: true }] : []),
      ],
    },
    {
      id: 'wall',
      title: t('diag.wall'),
      rows: [
        { label: t('diag.mode'), value: `${d.wall.mode} ${d.wall.bounds.width}×${d.wall.bounds.height} @ ${d.wall.bounds.x},${d.wall.bounds.y}` },
        ...d.wall.displays.map((s) => ({
          label: `${t('diag.display')} ${s.index}${s.primary ? t('diag.primary') : ''}`,
          value: `${s.bounds.width}×${s.bounds.height} @ ${s.bounds.x},${s.bounds.y} · ${s.scaleFactor}× · ${s.used ? t('diag.inUse') : t('diag.unused')}`,
        })),
        ...d.wall.notices.map((n) => ({ label: t('diag.notice'), value: n, alert: true })),
        { label: t('diag.sleepBlocked'), value: d.wall.displaySleepBlocked ? t('diag.yes') : t('diag.no') },
        { label: t('diag.startAtLogin'), value: d.wall.startAtLogin ? t('diag.yes') : t('diag.no') },
      ],
    },
    {
      id: 'security',
      title: t('diag.secureStorage'),
      rows: [{ label: d.secureStorage.backend, value: d.secureStorage.problem ?? t('diag.usable'), alert: !d.secureStorage.usable }],
    },
    {
      id: 'logs',
      title: t('diag.logs'),
      rows: [{ label: t('diag.folder'), value: d.logs.dir }, ...d.logs.files.map((f) => ({ label: t('diag.file'), value: f }))],
    },
    {
      id: 'versions',
      title: t('diag.versions'),
      rows: [
        { label: 'App', value: `${d.versions.app}${d.app.packaged ? '' : ' (dev)'} · ${d.app.platform}/${d.app.arch}` },
        { label: 'Electron', value: d.versions.electron },
        { label: 'Chrome', value: d.versions.chrome },
        { label: 'Node', value: `${d.versions.node}${d.versions.coreNode ? ` (core ${d.versions.coreNode})` : ''}` },
        { label: 'SQLite', value: d.versions.sqlite ?? '—' },
      ],
    },
  ];
}

function stateText(state: 'ok' | 'degraded' | 'down', t: T): string {
  if (state === 'ok') return t('diag.ok');
  if (state === 'degraded') return t('diag.degraded');
  return t('diag.down');
}
