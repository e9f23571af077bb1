import type { Vocabulary } from '../../../shared/contract';
import type { TownRisk, WarningView } from '../../../shared/readModel';
import { countUnit } from '../i18n/units';
import { html, type SafeHtml } from './escapeHtml';
import { LEVEL_COLORS, LEVEL_NAMES } from './levels';
import { srcHtml } from '../text/sourceText';

type L = (zh: string, en: string) => string;

function fmt(v: number, unit: string): string {
  const digits = Number.isInteger(v) ? 0 : 1;
  const n = v.toFixed(digits);
  return unit === '%' ? `${n}%` : `${n} ${countUnit(v, unit, digits)}`;
}

/**
 * A town's five-colour tooltip: level, composite score, the five dimension scores and the
 * twelve indicators with units, and the town's warnings still being acted on. Every name and
 * value is escaped (see html``): warning titles and town names come from outside.
 */
export function townRiskTooltip(t: TownRisk, vocab: Vocabulary, l: L, warnings: WarningView[] = []): SafeHtml {
  const en = l('zh', 'en') === 'en';
  const lv = LEVEL_NAMES[t.level];
  const dims = vocab.dimensions.map(
    (d) => html`<tr><td>${l(d.zh, d.en)}</td><td class="tt-num">${t.dimensionScores[d.id]?.toFixed(0) ?? '—'} ${l('分', 'pts')}</td></tr>`,
  );
  const inds = vocab.indicators.map((i) => {
    const v = t.indicators[i.id];
    const level = t.indicatorLevels[i.id];
    const dot = level ? html`<i style="display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;background:${LEVEL_COLORS[level]}"></i>` : '';
    return html`<tr><td>${dot}${l(i.zh, i.en)}</td><td class="tt-num">${v == null ? '—' : fmt(v, en ? i.unitEn : i.unitZh)}</td></tr>`;
  });
  return html`<div class="tt"><div style="font-size:24px;font-weight:bold">${srcHtml(t.name)}</div>
<div><span style="color:${LEVEL_COLORS[t.level]};font-weight:bold">${l(`${lv.colourZh} · ${lv.riskZh}`, `${lv.colourEn} · ${lv.riskEn}`)}</span> · ${l('综合', 'score')} ${t.score.toFixed(0)} ${l('分', 'pts')} · ${l('周', 'week')} ${t.weekStart}</div>
<table style="border-spacing:12px 0;margin-left:-12px"><tr><td style="vertical-align:top"><table>${dims}</table></td><td style="vertical-align:top"><table>${inds}</table></td></tr></table>${openWarnings(t, warnings, l)}</div>`;
}

const STATUS = { open: ['待整改', 'open'], rectifying: ['整改中', 'rectifying'], closed: ['已销号', 'closed'] } as const;

function openWarnings(t: TownRisk, warnings: WarningView[], l: L): SafeHtml | string {
  const mine = warnings.filter((w) => w.town.code === t.code && w.status !== 'closed').slice(0, 3);
  if (!mine.length) return '';
  return html`<div style="margin-top:6px;border-top:1px solid #3A5578;padding-top:4px">${mine.map(
    (w) => html`<div data-tip-warning="${w.id}"><b style="color:${LEVEL_COLORS[w.level]}">${l('预警', 'Warning')}</b> ${srcHtml(w.title)}（${l(STATUS[w.status][0], STATUS[w.status][1])}）</div>`,
  )}</div>`;
}
