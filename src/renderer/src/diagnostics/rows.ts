import type { Diagnostics } from '../../../shared/ipc';
import { revealInvisible } from '../../../shared/text/invisible';

export interface DiagnosticsSection {
  id: string;
  title: string;
  rows: Array<{ label: string; value: string; alert?: boolean }>;
}

type L = (zh: string, en: string) => string;

const time = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

/** What the operators' diagnostics page lists, in order, as label/value rows. Pure. */
export function diagnosticsSections(d: Diagnostics, l: L): DiagnosticsSection[] {
  const sources: DiagnosticsSection['rows'] = d.health
    ? d.health.sources.map((s) => ({
        label: `${s.sourceId} · ${s.url}`,
        value:
          `${stateText(s.state, l)} · ${l('最近成功', 'last success')} ${time(s.lastSuccessAt)}` +
          (s.lastError ? ` · ${revealInvisible(s.lastError)}` : '') +
          (s.consecutiveFailures > 0 ? ` · ${l('连续失败', 'failures')} ${s.consecutiveFailures}` : ''),
        alert: s.state !== 'ok',
      }))
    : [{ label: l('数据源', 'Sources'), value: d.healthError ?? '—', alert: true }];

  return [
    { id: 'sources', title: l('数据源状态', 'Source health'), rows: sources },
    {
      id: 'config',
      title: l('配置', 'Configuration'),
      rows: [
        { label: l('配置文件', 'Config file'), value: `${d.config.path}${d.config.exists ? '' : l('（不存在，使用默认配置）', ' (absent: defaults in use)')}` },
        { label: l('加载时间', 'Loaded'), value: time(d.config.loadedAt) },
        {
          label: l('最近错误', 'Last error'),
          value: d.config.lastError ? `${time(d.config.lastError.at)} ${d.config.lastError.message}` : l('无', 'none'),
          alert: d.config.lastError !== null,
        },
        ...d.config.warnings.map((w) => ({ label: l('未知字段', 'Unknown field'), value: w, alert: true })),
      ],
    },
    {
      id: 'core',
      title: l('核心进程', 'Core process'),
      rows: [
        { label: l('状态', 'State'), value: `${d.core.state}${d.core.pid ? ` (pid ${d.core.pid})` : ''}`, alert: d.core.state !== 'running' },
        { label: l('重启次数', 'Restarts'), value: String(d.core.restarts) },
        { label: l('最近退出', 'Last exit'), value: d.core.lastExit ? `${time(d.core.lastExit.at)} ${d.core.lastExit.reason}` : '—' },
        ...(d.core.nextStartAt ? [{ label: l('下次启动', 'Next start'), value: time(d.core.nextStartAt), alert: true }] : []),
      ],
    },
    {
      id: 'wall',
      title: l('大屏', 'Wall'),
      rows: [
        { label: l('模式', 'Mode'), value: `${d.wall.mode} ${d.wall.bounds.width}×${d.wall.bounds.height} @ ${d.wall.bounds.x},${d.wall.bounds.y}` },
        ...d.wall.displays.map((s) => ({
          label: `${l('显示器', 'Display')} ${s.index}${s.primary ? l('（主）', ' (primary)') : ''}`,
          value: `${s.bounds.width}×${s.bounds.height} @ ${s.bounds.x},${s.bounds.y} · ${s.scaleFactor}× · ${s.used ? l('使用中', 'in use') : l('未使用', 'unused')}`,
        })),
        ...d.wall.notices.map((n) => ({ label: l('提示', 'Notice'), value: n, alert: true })),
        { label: l('阻止息屏', 'Display sleep blocked'), value: d.wall.displaySleepBlocked ? l('是', 'yes') : l('否', 'no') },
        { label: l('开机启动', 'Start at login'), value: d.wall.startAtLogin ? l('是', 'yes') : l('否', 'no') },
      ],
    },
    {
      id: 'security',
      title: l('安全存储', 'Secure storage'),
      rows: [{ label: d.secureStorage.backend, value: d.secureStorage.problem ?? l('可用', 'usable'), alert: !d.secureStorage.usable }],
    },
    {
      id: 'logs',
      title: l('日志', 'Logs'),
      rows: [{ label: l('目录', 'Folder'), value: d.logs.dir }, ...d.logs.files.map((f) => ({ label: l('文件', 'File'), value: f }))],
    },
    {
      id: 'versions',
      title: l('版本', 'Versions'),
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

function stateText(state: 'ok' | 'degraded' | 'down', l: L): string {
  if (state === 'ok') return l('正常', 'ok');
  if (state === 'degraded') return l('降级', 'degraded');
  return l('中断', 'down');
}
