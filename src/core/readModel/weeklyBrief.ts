/**
 * The weekly brief (本周简报) of one risk week: sentences in zh-CN and English, each with the
 * figures it states (src/shared/weeklyBrief/types.ts). Built from the same readers the pages use, so
 * a brief line and the page it belongs to never disagree:
 *
 * - the week's five-colour map and each town's change of level against the week before, with
 *   the indicators that drove it (value against baseline, and last week's value);
 * - source warnings raised, gone into rectification and closed within the week, and joint
 *   supervision started in it;
 * - 四平台 events reported, closed, newly overdue and rated in the week, against the week before;
 * - 云上板凳 sessions held in the week and their outcomes; disputes received and resolved at source.
 *
 * The week runs Monday 00:00 to the end of its Sunday, or to the as-of instant while it runs.
 * Counts "in the week" are differences of the cumulative figures at its two ends, read exactly
 * as the pages read them looking back (asOf.ts), so the brief of a past week does not move.
 */
import type { IndicatorId, Level, Vocabulary } from '../../shared/contract';
import { LEVELS, ratePct } from '../../shared/contract';
import { addDays } from '../../shared/districtTime';
import { BRIEF_EN, BRIEF_ZH, type BriefCatalogue } from '../../shared/weeklyBrief/messages';
import type { BriefFigure, BriefSentence, WeeklyBriefModel } from '../../shared/weeklyBrief/types';
import { formatMessage, LOCALES, type Locale } from '../../shared/i18n';
import { datedBy } from '../../shared/queries';
import type { PageId } from '../../shared/wall/pages';
import type { WarningView } from '../../shared/readModel';
import { severity } from '../../shared/risk';
import { resolveAsOf, type AsOfPoint, type LookbackReader } from './asOf';
import type { AssessedWeeksReader } from './assessedWeeks';
import type { ConsultationsAtReader } from './consultationsAt';
import type { ReadContext } from './context';
import type { EventTotalsReader } from './eventTotals';
import type { WarningsReader } from './warnings';

/** Indicators named per change of level: the ones adding the most to the score. */
export const BRIEF_DRIVERS = 2;
const DAY_MS = 86_400_000;

type Key = keyof BriefCatalogue & string;
type Params = Record<string, string | number>;
/** One locale's texts; parameters are checked against the catalogue by brief/messages.test.ts. */
interface Tx {
  (key: Key, params?: Params): string;
  readonly locale: Locale;
}
const CATALOGUES: Record<Locale, Readonly<Record<Key, string>>> = { 'zh-CN': BRIEF_ZH, en: BRIEF_EN };
const T = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign((key: Key, params?: Params) => formatMessage(CATALOGUES[locale][key], params), { locale })]),
) as Record<Locale, Tx>;

/** Figures rounded as printed: at most one decimal. */
const shown = (n: number) => Math.round(n * 10) / 10;

export function createWeeklyBriefQuery(
  ctx: ReadContext,
  deps: {
    risk: AssessedWeeksReader;
    vocabulary: (sources: string | null) => Vocabulary;
    warnings: WarningsReader;
    events: EventTotalsReader;
    consultationsAt: ConsultationsAtReader;
    lookback: LookbackReader;
  },
) {
  return (params: { week: string }, point: AsOfPoint): WeeklyBriefModel => {
    const weekStart = ctx.time.weekStartOf(Date.parse(`${params.week}T12:00:00${ctx.time.offsetText}`));
    const previousWeekStart = addDays(weekStart, -7);
    // The two ends of the week and of the week before, never later than the point asked for.
    const endOf = (date: string): AsOfPoint => {
      const p = resolveAsOf(ctx.time, date, ctx.now());
      return p.at >= point.at ? point : p;
    };
    const end = endOf(addDays(weekStart, 6));
    const prev = endOf(addDays(weekStart, -1));
    const prev2 = endOf(addDays(weekStart, -8));
    const weekFrom = Date.parse(`${weekStart}T00:00:00${ctx.time.offsetText}`);
    const weekEnd = end.today < weekStart ? weekStart : end.today;
    const sentences: BriefSentence[] = [];

    /** A sentence: its text per locale from one key, the as-of appended, and its figures. */
    const say = (id: string, page: PageId, key: Key, params: (t: Tx) => Params, figures: BriefFigure[], asOf: string) => {
      const text = Object.fromEntries(
        LOCALES.map((l) => {
          const t = T[l];
          const body = t(key, params(t));
          return [l, `${body}${t('asOf', { date: asOf })}`];
        }),
      ) as Record<Locale, string>;
      sentences.push({ id, page, text, figures });
    };
    const unitOf = (key: Key): Record<Locale, string> =>
      Object.fromEntries(LOCALES.map((l) => [l, T[l](key)])) as Record<Locale, string>;
    const fig = (id: string, value: number, unit: Key | Record<Locale, string>, asOf: string): BriefFigure => ({
      id,
      value,
      unit: typeof unit === 'string' ? unitOf(unit) : unit,
      asOf,
    });
    const level = (t: Tx, l: Level) => t(`level.${l}`);

    // --- the five-colour map and changes of level (the risk page) ---
    const vocab = deps.vocabulary(ctx.sources);
    const h = deps.risk.history(point.live ? undefined : point.at);
    const week = h.byWeek.get(weekStart);
    const before = h.byWeek.get(previousWeekStart);
    if (week) {
      const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
      for (const w of week.values()) counts[w.risk.level]++;
      say('risk.levels', 'overview', 'risk.levels', () => ({ week: weekStart, ...counts }),
        LEVELS.map((l) => fig(l, counts[l], 'unit.towns', weekEnd)), weekEnd);
      let unchanged = 0;
      for (const [code, now] of [...week].sort(([a], [b]) => a.localeCompare(b))) {
        const was = before?.get(code);
        if (!was) continue;
        if (was.risk.level === now.risk.level) {
          unchanged++;
          continue;
        }
        const up = severity(now.risk.level) > severity(was.risk.level);
        // What drove it: the indicators whose share of the score moved most in the change's direction.
        const share = (w: typeof now) => new Map(w.explanation.contributors.map((c) => [c.indicator, c.contribution]));
        const [nowShare, wasShare] = [share(now), share(was)];
        const moved = (id: IndicatorId) => (nowShare.get(id) ?? 0) - (wasShare.get(id) ?? 0);
        const drivers = [...new Set([...nowShare.keys(), ...wasShare.keys()])]
          .map((id) => ({ id, by: up ? moved(id) : -moved(id) }))
          .filter((d) => d.by > 0)
          .sort((a, b) => b.by - a.by || a.id.localeCompare(b.id))
          .slice(0, BRIEF_DRIVERS)
          .map((d) => d.id);
        const figures: BriefFigure[] = [
          fig('score', shown(now.risk.score), 'unit.points', weekEnd),
          fig('score.previous', shown(was.risk.score), 'unit.points', prev.today),
        ];
        const indicatorUnit = (id: IndicatorId) => {
          const v = vocab.indicators.find((i) => i.id === id);
          return { 'zh-CN': v?.unitZh ?? '', en: v?.unitEn ?? '' };
        };
        for (const id of drivers) {
          figures.push(
            fig(id, shown(now.risk.indicators[id]), indicatorUnit(id), weekEnd),
            fig(`${id}.baseline`, shown(now.risk.baselines[id]), indicatorUnit(id), weekEnd),
            fig(`${id}.previous`, shown(was.risk.indicators[id]), indicatorUnit(id), prev.today),
          );
        }
        say(`risk.change.${code}`, 'risk', up ? 'risk.up' : 'risk.down', (t) => ({
          town: now.risk.name,
          from: level(t, was.risk.level),
          to: level(t, now.risk.level),
          score: shown(now.risk.score),
          previousScore: shown(was.risk.score),
          drivers: drivers
            .map((id) => {
              const v = vocab.indicators.find((i) => i.id === id);
              return t('risk.driver', {
                indicator: (t.locale === 'en' ? v?.en : v?.zh) ?? id,
                value: shown(now.risk.indicators[id]),
                baseline: shown(now.risk.baselines[id]),
                previous: shown(was.risk.indicators[id]),
                unit: (t.locale === 'en' ? v?.unitEn : v?.unitZh) ?? '',
              });
            })
            .join(t('join')),
        }), figures, weekEnd);
      }
      if (before) say('risk.unchanged', 'risk', 'risk.unchanged', () => ({ towns: unchanged }), [fig('towns', unchanged, 'unit.towns', weekEnd)], weekEnd);
    } else {
      const towns = before?.size ?? 0;
      say('risk.notPublished', 'overview', 'risk.notPublished', () => ({ week: weekStart, previous: previousWeekStart, towns }),
        [fig('towns.previous', towns, 'unit.towns', prev.today)], weekEnd);
    }

    // --- warnings (the overview's warning list) ---
    const warnings = deps.warnings.list(Number.MAX_SAFE_INTEGER, end.live ? undefined : end.at);
    const inWeek = (iso: string) => {
      const ms = Date.parse(iso);
      return ms >= weekFrom && ms <= end.at;
    };
    const firstStep = (w: WarningView, status: WarningView['status']) => w.history.find((s) => s.status === status)?.at ?? null;
    const days = (w: WarningView, at: string) => Math.max(0, Math.floor((Date.parse(at) - Date.parse(w.issuedAt)) / DAY_MS));
    const raised = warnings.filter((w) => inWeek(w.issuedAt));
    const rectified = warnings.filter((w) => {
      const at = firstStep(w, 'rectifying');
      return at !== null && inWeek(at);
    });
    const closed = warnings.filter((w) => {
      const at = firstStep(w, 'closed');
      return at !== null && inWeek(at) && w.status === 'closed';
    });
    const open = warnings.filter((w) => w.status !== 'closed').length;
    say('warnings.summary', 'overview', 'warnings.summary', () => ({ raised: raised.length, rectified: rectified.length, closed: closed.length, open }), [
      fig('raised', raised.length, 'unit.warnings', weekEnd),
      fig('rectified', rectified.length, 'unit.warnings', weekEnd),
      fig('closed', closed.length, 'unit.warnings', weekEnd),
      fig('open', open, 'unit.warnings', weekEnd),
    ], weekEnd);
    const byOrder = (a: WarningView, b: WarningView) => severity(b.level) - severity(a.level) || a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id);
    for (const w of [...raised].sort(byOrder)) {
      say(`warnings.raised.${w.id}`, 'risk', 'warnings.raised', (t) => ({ level: level(t, w.level), town: w.town.name, title: w.title, communities: w.communities.length }),
        [fig('communities', w.communities.length, { 'zh-CN': '个社区', en: 'communities' }, weekEnd)], weekEnd);
    }
    for (const w of [...rectified].sort(byOrder)) {
      const d = days(w, firstStep(w, 'rectifying')!);
      say(`warnings.rectified.${w.id}`, 'risk', 'warnings.rectified', (t) => ({ level: level(t, w.level), town: w.town.name, days: d }),
        [fig('days', d, { 'zh-CN': '天', en: 'days' }, weekEnd)], weekEnd);
    }
    for (const w of [...closed].sort(byOrder)) {
      const d = days(w, firstStep(w, 'closed')!);
      say(`warnings.closed.${w.id}`, 'risk', 'warnings.closed', (t) => ({ level: level(t, w.level), town: w.town.name, days: d }),
        [fig('days', d, { 'zh-CN': '天', en: 'days' }, weekEnd)], weekEnd);
    }
    for (const w of warnings.filter((x) => x.jointSupervision && inWeek(x.jointSupervision.startedAt)).sort(byOrder)) {
      const departments = w.jointSupervision!.departments;
      say(`warnings.joint.${w.id}`, 'overview', 'warnings.joint', (t) => ({ level: level(t, w.level), town: w.town.name, departments: departments.join(t('join')), count: departments.length }),
        [fig('departments', departments.length, 'unit.departments', weekEnd)], weekEnd);
    }

    // --- 四平台 (the events page): this week against the week before ---
    const [e0, e1, e2] = [prev2, prev, end].map((p) => deps.events.totals(p));
    const intake = e2.flow.reported - e1.flow.reported;
    const intakePrevious = e1.flow.reported - e0.flow.reported;
    const closedEvents = e2.flow.closed - e1.flow.closed;
    say('events.intake', 'events', 'events.intake', () => ({ reported: intake, previous: intakePrevious, closed: closedEvents }), [
      fig('reported', intake, 'unit.events', weekEnd),
      fig('reported.previous', intakePrevious, 'unit.events', prev.today),
      fig('closed', closedEvents, 'unit.events', weekEnd),
    ], weekEnd);
    const overdue = { accept: e2.acceptOverdue - e1.acceptOverdue, handle: e2.handleOverdue - e1.handleOverdue };
    const overduePrevious = { accept: e1.acceptOverdue - e0.acceptOverdue, handle: e1.handleOverdue - e0.handleOverdue };
    say('events.overdue', 'events', 'events.overdue', () => ({ ...overdue, acceptPrevious: overduePrevious.accept, handlePrevious: overduePrevious.handle }), [
      fig('accept', overdue.accept, 'unit.events', weekEnd),
      fig('handle', overdue.handle, 'unit.events', weekEnd),
      fig('accept.previous', overduePrevious.accept, 'unit.events', prev.today),
      fig('handle.previous', overduePrevious.handle, 'unit.events', prev.today),
    ], weekEnd);
    const rated = e2.rated - e1.rated;
    const rate = ratePct(e2.satisfiedOrBasically - e1.satisfiedOrBasically, rated);
    const ratePrevious = ratePct(e1.satisfiedOrBasically - e0.satisfiedOrBasically, e1.rated - e0.rated);
    say('events.satisfaction', 'events', 'events.satisfaction', () => ({ rated, rate, previous: ratePrevious }), [
      fig('rated', rated, 'unit.events', weekEnd),
      fig('satisfaction', rate, 'unit.pct', weekEnd),
      fig('satisfaction.previous', ratePrevious, 'unit.pct', prev.today),
    ], weekEnd);

    // --- 云上板凳 and disputes (the consultation page) ---
    const held = deps.consultationsAt.consultations(end.at).filter((r) => r.status === 'ended' && r.scheduled_at >= weekFrom && r.scheduled_at <= end.at);
    const outcome = (o: string) => held.filter((r) => r.outcome === o).length;
    const [agreed, partly, notAgreed] = [outcome('agreed'), outcome('partlyAgreed'), outcome('notAgreed')];
    say('consult.sessions', 'consultation', 'consult.sessions', () => ({ held: held.length, agreed, partly, notAgreed }), [
      fig('held', held.length, 'unit.sessions', weekEnd),
      fig('agreed', agreed, 'unit.sessions', weekEnd),
      fig('partlyAgreed', partly, 'unit.sessions', weekEnd),
      fig('notAgreed', notAgreed, 'unit.sessions', weekEnd),
    ], weekEnd);
    const disputesAt = (p: AsOfPoint) => {
      const rows = deps.consultationsAt.disputes(p.at);
      return { received: rows.length, atSource: rows.filter((r) => r.resolved_at_source).length };
    };
    const [d0, d1, d2] = [prev2, prev, end].map(disputesAt);
    const received = d2.received - d1.received;
    const atSource = d2.atSource - d1.atSource;
    const atSourcePrevious = d1.atSource - d0.atSource;
    const atSourceRate = ratePct(atSource, received);
    say('consult.disputes', 'consultation', 'consult.disputes', () => ({ received, atSource, rate: atSourceRate, previous: atSourcePrevious }), [
      fig('received', received, 'unit.cases', weekEnd),
      fig('resolvedAtSource', atSource, 'unit.cases', weekEnd),
      fig('resolvedAtSourceRate', atSourceRate, 'unit.pct', weekEnd),
      fig('resolvedAtSource.previous', atSourcePrevious, 'unit.cases', prev.today),
    ], weekEnd);

    return {
      asOf: ctx.asOf(datedBy('weeklyBrief'), point),
      lookback: deps.lookback(point),
      weekStart,
      weekEnd,
      previousWeekStart,
      sentences,
    };
  };
}
