import type { Vocabulary } from '../../../shared/contract';
import type { TownRisk, WarningView } from '../../../shared/readModel';
import type { T } from '../i18n';
import { countUnit } from '../i18n/units';
import { html, type SafeHtml } from './escapeHtml';
import { LEVEL_COLORS, levelKey } from './levels';
import { srcHtml } from '../text/sourceText';


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
export function townRiskTooltip(town: TownRisk, vocab: Vocabulary, t: T, warnings: WarningView[] = []): SafeHtml {
  const en = t.locale === 'en';
  const dims = vocab.dimensions.map(
    (d) => html`<tr><td>${en ? d.en : d.zh}</td><td class="tt-num">${town.dimensionScores[d.id]?.toFixed(0) ?? '—'} ${t('unit.points')}</td></tr>`,
  );
  const inds = vocab.indicators.map((i) => {
    const v = town.indicators[i.id];
    const level = town.indicatorLevels[i.id];
    const dot = level ? html`<i style="display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;background:${LEVEL_COLORS[level]}"></i>` : '';
    return html`<tr><td>${dot}${en ? i.en : i.zh}</td><td class="tt-num">${v == null ? '—' : fmt(v, en ? i.unitEn : i.unitZh)}</td></tr>`;
  });
  return html`<div class="tt"><div style="font-size:24px;font-weight:bold">${srcHtml(town.name)}</div>
<div><span style="color:${LEVEL_COLORS[town.level]};font-weight:bold">${t(levelKey(town.level, 'colour'))} · ${t(levelKey(town.level, 'risk'))}</span> · ${t('tip.score')} ${town.score.toFixed(0)} ${t('unit.points')} · ${t('common.week')} ${town.weekStart}</div>
<table style="border-spacing:12px 0;margin-left:-12px"><tr><td style="vertical-align:top"><table>${dims}</table></td><td style="vertical-align:top"><table>${inds}</table></td></tr></table>${openWarnings(town, warnings, t)}</div>`;
}

function openWarnings(town: TownRisk, warnings: WarningView[], t: T): SafeHtml | string {
  const mine = warnings.filter((w) => w.town.code === town.code && w.status !== 'closed').slice(0, 3);
  if (!mine.length) return '';
  return html`<div style="margin-top:6px;border-top:1px solid #3A5578;padding-top:4px">${mine.map(
    (w) => html`<div data-tip-warning="${w.id}"><b style="color:${LEVEL_COLORS[w.level]}">${t('tip.warning')}</b> ${srcHtml(w.title)}（${t(`warnStatus.${w.status}`)}）</div>`,
  )}</div>`;
}
