import type { Level, WarningStatus } from '../../../shared/contract';
import { LEVEL_COLORS, LEVEL_INK, LEVEL_NAMES, LEVELS } from '../charts/levels';
import { useL } from '../i18n';
import { WARNING_STATUS_NAMES } from './format';

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

/** A level chip: colour word + risk ("橙 较高风险"). */
export function LevelBadge(props: { level: Level | null; short?: boolean }) {
  const l = useL();
  if (!props.level) return <span className="level-badge level-none">{l('未评级', 'Unrated')}</span>;
  const n = LEVEL_NAMES[props.level];
  return (
    <span
      className="level-badge"
      data-level={props.level}
      style={{ background: LEVEL_COLORS[props.level], color: LEVEL_INK[props.level] }}
    >
      {props.short ? l(n.colourZh, n.colourEn) : l(`${n.colourZh} · ${n.riskZh}`, `${n.colourEn} · ${n.riskEn}`)}
    </span>
  );
}

/** 红/橙/黄/蓝/绿 = 高/较高/中/较低/低风险. */
export function LevelLegend(props: { counts?: Record<Level, number> }) {
  const l = useL();
  return (
    <ul className="level-legend">
      {LEVELS.map((lv) => (
        <li key={lv}>
          <i style={{ background: LEVEL_COLORS[lv] }} />
          {l(`${LEVEL_NAMES[lv].colourZh} ${LEVEL_NAMES[lv].riskZh}`, `${LEVEL_NAMES[lv].colourEn} ${LEVEL_NAMES[lv].shortEn}`)}
          {props.counts && <b>{props.counts[lv] ?? 0}</b>}
        </li>
      ))}
    </ul>
  );
}

export function StatusTag(props: { status: WarningStatus }) {
  const l = useL();
  const n = WARNING_STATUS_NAMES[props.status];
  return (
    <span className={`status-tag status-${props.status}`} data-status={props.status}>
      {l(n.zh, n.en)}
    </span>
  );
}
