import type { Level, WarningStatus } from '../../../shared/contract';
import { LEVEL_COLORS, LEVEL_INK, levelKey, LEVELS } from '../charts/levels';
import { useT } from '../i18n';

/** A big number with its unit and label. */
export function Kpi(props: { label: string; value: string; unit?: string; note?: string; tone?: 'good' | 'bad'; testId?: string }) {
  return (
    <div className={`kpi ${props.tone ? `kpi-${props.tone}` : ''}`} data-kpi={props.testId}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">
        <span className="kpi-number">{props.value}</span>
        {props.unit && <span className="kpi-unit">{props.unit}</span>}
      </div>
      {props.note && <div className="kpi-note">{props.note}</div>}
    </div>
  );
}

/** A level chip: colour word + risk ("橙 · 较高风险"). */
export function LevelBadge(props: { level: Level | null; short?: boolean }) {
  const t = useT();
  if (!props.level) return <span className="level-badge level-none">{t('level.unrated')}</span>;
  const colour = t(levelKey(props.level, 'colour'));
  return (
    <span
      className="level-badge"
      data-level={props.level}
      style={{ background: LEVEL_COLORS[props.level], color: LEVEL_INK[props.level] }}
    >
      {props.short ? colour : `${colour} · ${t(levelKey(props.level, 'risk'))}`}
    </span>
  );
}

/** 红/橙/黄/蓝/绿 = 高/较高/中/较低/低风险. */
export function LevelLegend(props: { counts?: Record<Level, number> }) {
  const t = useT();
  return (
    <ul className="level-legend">
      {LEVELS.map((lv) => (
        <li key={lv}>
          <i data-level={lv} style={{ backgroundColor: LEVEL_COLORS[lv] }} />
          {`${t(levelKey(lv, 'colour'))} ${t(levelKey(lv, 'short'))}`}
          {props.counts && <b>{props.counts[lv] ?? 0}</b>}
        </li>
      ))}
    </ul>
  );
}

export function StatusTag(props: { status: WarningStatus }) {
  const t = useT();
  return (
    <span className={`status-tag status-${props.status}`} data-status={props.status}>
      {t(`warnStatus.${props.status}`)}
    </span>
  );
}
