/** The briefing pack's own texts (the brief's sentences have theirs in src/shared/weeklyBrief/messages.ts). */
import type { Locale } from '../../shared/i18n';
import type { PageId } from '../../shared/wall/pages';

export interface PackText {
  cover: string;
  district: string;
  week: string;
  asOf: string;
  live: string;
  sources: string;
  sourceState: Record<string, string>;
  brief: string;
  map: string;
  mapKind: Record<'official' | 'approximate' | 'schematic', string>;
  cache: string;
  figures: string;
  pages: Record<PageId, string>;
  stamp: string;
  none: string;
}

export const PACK_TEXT: Record<Locale, PackText> = {
  'zh-CN': {
    cover: '汇报材料',
    district: '区域',
    week: '评估周',
    asOf: '数据截至',
    live: '（本周尚未结束，按实时数据）',
    sources: '各数据源新鲜度',
    sourceState: { fresh: '正常', stale: '数据滞后', down: '中断', unknown: '未知' },
    brief: '本周简报',
    map: '地图',
    mapKind: { official: '标准地图', approximate: '近似', schematic: '示意图' },
    cache: '缓存状态',
    figures: '图表数据 SHA-256',
    pages: { overview: '平安总览', risk: '五色图', events: '四平台', consultation: '云上板凳 · 矛盾化解' },
    stamp: '截至 {asOf} · 数据：{sources} · 地图：{map} · SHA-256 {hash} · {page}',
    none: '无',
  },
  en: {
    cover: 'Briefing pack',
    district: 'District',
    week: 'Risk week',
    asOf: 'Figures as of',
    live: '(the week is still running: live figures)',
    sources: 'Freshness of each source',
    sourceState: { fresh: 'fresh', stale: 'stale', down: 'down', unknown: 'unknown' },
    brief: 'Weekly brief',
    map: 'Map',
    mapKind: { official: 'official', approximate: 'approximate', schematic: 'schematic' },
    cache: 'Cache state',
    figures: 'Figures SHA-256',
    pages: { overview: 'Overview', risk: 'Five-colour map', events: 'Four platforms', consultation: 'Cloud Bench · disputes' },
    stamp: 'As of {asOf} · data: {sources} · map: {map} · SHA-256 {hash} · {page}',
    none: 'none',
  },
};

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
}
