/**
 * What a briefing pack (汇报材料, issue 12 §3) says, before anything is drawn: the district, the
 * as-of, each source's freshness, the weekly brief, the map's provenance, the cache state it
 * came from and a SHA-256 of its figures. Built from the registry's queries only, so the hub and
 * the desktop app make the same pack from the same cache — and the same hash.
 */
import { createHash } from 'node:crypto';
import type { WeeklyBriefModel } from '../../shared/weeklyBrief/types';
import { asOfForWeek } from '../../shared/lookback';
import { districtTime } from '../../shared/districtTime';
import type { QueryName, QueryParams, QueryResult } from '../../shared/queries';
import type { IsoDate } from '../../shared/readModel';
import { PAGE_IDS, type PageId } from '../../shared/wall/pages';

export type Ask = <K extends QueryName>(name: K, params: QueryParams<K>) => Promise<QueryResult<K>>;

export interface PackRequest {
  /** Any day of the risk week to brief. */
  week: IsoDate;
  pages: PageId[];
}

export interface PackModel {
  district: string;
  title: string | null;
  week: { start: IsoDate; end: IsoDate };
  /** The look-back date every page is printed at; null when the week is still running (live). */
  asOf: IsoDate | null;
  /** The instant the figures count up to, as shown: the end of `asOf`, or the cache's newest data when live. */
  asOfText: string;
  pages: PageId[];
  /** Each source's freshness; `asOfLocal` is its as-of in district time ("2026-12-04 20:31"). */
  sources: Array<{ id: string; state: string; asOf: string | null; asOfLocal: string | null; staleSince: string | null }>;
  map: { kind: 'official' | 'approximate' | 'schematic'; labelZh: string; labelEn: string };
  brief: WeeklyBriefModel['sentences'];
  /** The cache the pack came from: each source's last successful sync, per endpoint, and the schema. */
  cacheState: { schemaVersion: number; sources: Array<{ id: string; lastSuccessAt: string | null; endpoints: Array<{ name: string; lastSuccessAt: string | null }> }> };
  cacheStateSha256: string;
  /** Every figure of the pack (the brief's, with unit and as-of), in a fixed order. */
  figures: Array<{ sentence: string; id: string; value: number; unit: string; asOf: IsoDate }>;
  figuresSha256: string;
}

export class PackRequestError extends Error {
  override readonly name = 'PackRequestError';
}

/** Canonical JSON: keys sorted at every level, so equal content hashes equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Parse `--pages overview,risk` (or the presenter's list): known pages, each once, in the given order. */
export function parsePages(raw: string | readonly string[]): PageId[] {
  const list = (typeof raw === 'string' ? raw.split(',') : [...raw]).map((p) => p.trim()).filter(Boolean);
  if (list.length === 0) throw new PackRequestError(`pages: none given; expected some of ${PAGE_IDS.join(', ')}`);
  const out: PageId[] = [];
  for (const p of list) {
    if (!(PAGE_IDS as readonly string[]).includes(p)) throw new PackRequestError(`pages: unknown page "${p.slice(0, 40)}"; expected some of ${PAGE_IDS.join(', ')}`);
    if (!out.includes(p as PageId)) out.push(p as PageId);
  }
  return out;
}

export async function buildPackModel(ask: Ask, req: PackRequest, nowMs: number): Promise<PackModel> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.week) || Number.isNaN(Date.parse(`${req.week}T00:00:00Z`))) throw new PackRequestError(`week: expected a date YYYY-MM-DD, got "${String(req.week).slice(0, 40)}"`);
  const config = await ask('config', {});
  const time = districtTime(config.timeZone);
  const asOf = asOfForWeek(time, req.week, nowMs);
  const localText = (ms: number): string => new Date(ms + time.offsetMs).toISOString().slice(0, 16).replace('T', ' ');
  const common = asOf ? { asOf } : {};
  const [meta, health, map, brief] = await Promise.all([ask('meta', common), ask('health', {}), ask('map', common), ask('weeklyBrief', { week: req.week, ...common })]);
  if (!meta.district || meta.towns.length === 0) throw new PackRequestError('the cache holds no district data yet: sync it first (npm run sync, or let the cockpit run)');

  const cacheState = {
    schemaVersion: health.cache.schemaVersion,
    sources: health.sources
      .map((s) => ({ id: s.sourceId, lastSuccessAt: s.lastSuccessAt, endpoints: s.endpoints.map((e) => ({ name: e.name, lastSuccessAt: e.lastSuccessAt })).sort((a, b) => a.name.localeCompare(b.name)) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
  const figures = brief.sentences
    .flatMap((s) => s.figures.map((f) => ({ sentence: s.id, id: f.id, value: f.value, unit: f.unit['zh-CN'], asOf: f.asOf })))
    .sort((a, b) => (a.sentence === b.sentence ? a.id.localeCompare(b.id) : a.sentence.localeCompare(b.sentence)));
  return {
    district: meta.district.name,
    title: config.title,
    week: { start: brief.weekStart, end: brief.weekEnd },
    asOf,
    asOfText: asOf ? `${asOf} 24:00` : localText(Date.parse(brief.asOf ?? health.now)),
    pages: req.pages,
    sources: health.freshness.map((f) => ({ id: f.sourceId, state: f.state, asOf: f.asOf, asOfLocal: f.asOf ? localText(Date.parse(f.asOf)) : null, staleSince: f.staleSince })),
    map: { kind: map.kind, labelZh: map.labelZh, labelEn: map.labelEn },
    brief: brief.sentences,
    cacheState,
    cacheStateSha256: sha256(canonicalJson(cacheState)),
    figures,
    figuresSha256: sha256(canonicalJson(figures)),
  };
}
