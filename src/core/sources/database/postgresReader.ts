/**
 * A PostgreSQL source: one SELECT (or a view) per feed, read in (column, key) order from where
 * the last committed page stopped. The connection is read-only three ways: every session starts
 * with default_transaction_read_only, every statement is sent as a prepared statement (so a
 * query holds exactly one statement), and the docs ask for a role that may only SELECT.
 * A connection that fails is health like any other source's failure; the pool reconnects.
 *
 * The feed cursor is JSON { c, k }: the incremental column's and the key's values of the last
 * row read, as PostgreSQL's own text — passed back as parameters of the column's own type, so
 * a timestamp keeps its microseconds and nothing is read twice or skipped.
 */
import type pg from 'pg';
import type { DbFeedConfig, PostgresSourceConfig } from '../../../shared/sources';
import { FEEDS } from '../../../shared/contract';
import { PageRejected } from '../../sync/pageRejected';
import type { FeedRead, FeedSpec, ReaderDeps, SnapshotRead, SourceReader } from '../../sync/reader';
import { compileExpression, evaluate } from '../mapping/expression';
import { compileRecordMapping, explainIssues, type RecordMapping } from '../mapping/recordMapping';
import { resolveSecretRef } from '../secrets';
import { rowTypes } from './rowTypes';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A bare relation name ("events_v", "gov.events_v") is read whole; anything else is a query. */
export function relationOrQuery(query: string): string {
  const trimmed = query.trim().replace(/;+\s*$/, '');
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(trimmed)) {
    return `SELECT * FROM ${trimmed.split('.').map(quoteIdent).join('.')}`;
  }
  return trimmed;
}

interface FeedPlan {
  config: DbFeedConfig;
  first: string;
  next: string;
  mapping: RecordMapping;
}

function planFeed(name: string, config: DbFeedConfig, pageRows: number, timezone: string): FeedPlan {
  const c = quoteIdent(config.incremental.column);
  const k = quoteIdent(config.incremental.key);
  const inner = relationOrQuery(config.query);
  const select = `SELECT feed.*, feed.${c}::text AS "__cursor_c", feed.${k}::text AS "__cursor_k" FROM (${inner}) AS feed`;
  const order = `ORDER BY feed.${c}, feed.${k} LIMIT ${pageRows}`;
  const shape = (FEEDS[name as keyof typeof FEEDS].record as unknown as { shape: Record<string, unknown> }).shape;
  return {
    config,
    first: `${select} WHERE feed.${c} IS NOT NULL ${order}`,
    next: `${select} WHERE (feed.${c}, feed.${k}) > ($1, $2) ${order}`,
    mapping: compileRecordMapping(config.fields, { timezone, sameNamedRest: Object.keys(shape) }),
  };
}

export function createPostgresReader(source: PostgresSourceConfig, deps: ReaderDeps = {}): SourceReader {
  const location = `postgres://${source.host}:${source.port}/${source.database}`;
  let pool: pg.Pool | null = null;
  let secrets: string[] = [];
  const plans = new Map<string, FeedPlan>();
  for (const [name, config] of Object.entries(source.feeds)) if (config) plans.set(name, planFeed(name, config, source.pageRows, source.timezone));
  const snapshots = new Map(
    Object.entries(source.snapshots).flatMap(([name, config]) =>
      config
        ? [[name, { config, text: relationOrQuery(config.query), select: compileExpression(config.select), mapping: compileRecordMapping(config.fields, { timezone: source.timezone }) }] as const]
        : [],
    ),
  );

  async function connection(): Promise<pg.Pool> {
    if (pool) return pool;
    const password = source.password ? await resolveSecretRef(source.password, deps, 'password') : undefined;
    secrets = password ? [password] : [];
    // node-postgres loads on the first connection: a hub without a database source never compiles it.
    const { default: pgLib } = await import('pg');
    pool = new pgLib.Pool({
      host: source.host,
      port: source.port,
      database: source.database,
      user: source.user,
      password,
      ssl: source.ssl === 'off' ? false : { rejectUnauthorized: source.ssl === 'verify' },
      max: 2,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: source.timeoutMs,
      query_timeout: source.timeoutMs,
      statement_timeout: source.timeoutMs,
      application_name: 'district-cockpit',
      options: '-c default_transaction_read_only=on',
      types: rowTypes(source.timezone, pgLib.types),
    });
    // A server that goes away cuts idle connections: the error is the next query's to report.
    pool.on('error', () => {});
    return pool;
  }

  async function query(name: string, text: string, values: unknown[], signal: AbortSignal): Promise<pg.QueryResult> {
    if (signal.aborted) throw new Error('aborted: sync stopped');
    const p = await connection();
    try {
      return await p.query({ name, text, values });
    } catch (err) {
      const e = err as { message?: string; code?: string };
      // Cut connections and refused ones are the server's health; SQL errors are the query's.
      throw new Error(`${e.code && /^[0-9A-Z]{5}$/.test(e.code) ? `query failed (SQLSTATE ${e.code})` : 'connection'}: ${e.message ?? String(err)}`, {
        cause: err,
      });
    }
  }

  async function readFeed(spec: FeedSpec, req: { cursor: string | null; signal: AbortSignal }): Promise<FeedRead> {
    const plan = plans.get(spec.name);
    if (!plan) throw new Error(`${spec.name} is not mapped by this source`);
    let at: { c: string; k: string } | null = null;
    try {
      const parsed = req.cursor ? (JSON.parse(req.cursor) as { c?: unknown; k?: unknown }) : null;
      if (parsed && typeof parsed.c === 'string' && typeof parsed.k === 'string') at = { c: parsed.c, k: parsed.k };
    } catch {
      at = null; // a cursor from another kind of source: read from the start
    }
    const res = at
      ? await query(`cockpit-${spec.name}-next`, plan.next, [at.c, at.k], req.signal)
      : await query(`cockpit-${spec.name}-first`, plan.first, [], req.signal);
    const items: unknown[] = [];
    const rejected: { recordId: string | null; reason: string; payload: unknown }[] = [];
    const origins: string[] = [];
    for (const row of res.rows as Array<Record<string, unknown>>) {
      const { __cursor_c: _c, __cursor_k: key, ...columns } = row;
      const { record, failure } = await plan.mapping.map(columns);
      if (failure) {
        rejected.push({ recordId: String(key).slice(0, 64), reason: `row ${plan.config.incremental.key}=${String(key)}: field ${failure.field} (from \`${failure.expression}\`): ${failure.message}`, payload: columns });
        continue;
      }
      items.push(record);
      origins.push(String(key));
    }
    const last = res.rows[res.rows.length - 1] as Record<string, unknown> | undefined;
    const cursor = last ? JSON.stringify({ c: last.__cursor_c, k: last.__cursor_k }) : (req.cursor ?? JSON.stringify({ start: true }));
    if (last && (last.__cursor_c === null || last.__cursor_k === null)) throw new PageRejected(`a row has no ${plan.config.incremental.column} or ${plan.config.incremental.key}`);
    return {
      status: 200,
      page: { items, cursor, hasMore: res.rows.length >= source.pageRows },
      etag: null,
      rejected,
      explain: (index, issues) => `row ${plan.config.incremental.key}=${origins[index]}: ${explainIssues(issues, plan.mapping)}`,
    };
  }

  async function readSnapshot(name: string, signal: AbortSignal): Promise<SnapshotRead> {
    const snap = snapshots.get(name);
    if (!snap) throw new Error(`${name} is not mapped by this source`);
    const res = await query(`cockpit-snapshot-${name}`, snap.text, [], signal);
    const selected = await evaluate(snap.select, res.rows);
    const { record, failure } = await snap.mapping.map(selected);
    if (failure) throw new PageRejected(`field ${failure.field} (from \`${failure.expression}\`): ${failure.message}`);
    return { status: 200, doc: record, etag: null, text: JSON.stringify(record), explain: (issues) => explainIssues(issues, snap.mapping) };
  }

  return {
    location,
    serves: [...plans.keys(), ...snapshots.keys()],
    readFeed: (spec, req) => readFeed(spec, req),
    readSnapshot: (spec, _etag, signal) => readSnapshot(spec.name, signal),
    secrets: () => secrets,
    async close() {
      const p = pool;
      pool = null;
      await p?.end().catch(() => {});
    },
  };
}
