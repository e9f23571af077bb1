/**
 * SIGKILL during backfill, again and again, against the real simulator: the sync CLI runs as a
 * child process and is killed at random moments while it is committing pages. After every kill
 * the file passes PRAGMA integrity_check, no committed row is lost, the cursors never move back;
 * the final run resumes from its cursors and ends with exactly the rows of an uninterrupted sync.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../sim';
import { openCache } from '../cache';
import { createSyncEngine } from './engine';
import { SIM_NOW, tempDir, testSource, removeTempDirs } from './testing/harness';

const ROOT = resolve(__dirname, '../../..');
const KILLS = 20;
// Small pages and short kill delays keep the ~20,000-record backfill (~1,000 pages) from
// finishing before the 20th kill, however fast the machine is.
const PAGE_LIMIT = 20;
const MAX_KILL_DELAY_MS = 60;
const DATA_TABLES = ['towns', 'communities', 'risk_periods', 'warnings', 'warning_status_history', 'events', 'personnel', 'consultations', 'followers', 'disputes', 'kpi_history', 'snapshots'];

/** Content of every data table, independent of the source id and fetch times. */
const CONTENT_SQL: Record<string, string> = {
  snapshots: 'SELECT name, json FROM snapshots ORDER BY name',
  kpi_history: 'SELECT at, json FROM kpi_history ORDER BY at',
};

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, now: SIM_NOW, live: false });
});
afterAll(async () => {
  await sim?.stop();
});

function runSync(db: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/core/cli/sync.ts'), '--once', '--quiet', '--source', sim.url, '--db', db, '--page-limit', String(PAGE_LIMIT)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function inspect(db: string): { integrity: string; counts: Record<string, number>; cursors: Record<string, number> } | null {
  if (!existsSync(db)) return null;
  const conn = new Database(db, { fileMustExist: true });
  try {
    const integrity = conn.pragma('integrity_check', { simple: true }) as string;
    const tables = new Set(conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const counts: Record<string, number> = {};
    for (const t of DATA_TABLES) counts[t] = tables.has(t) ? (conn.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) : 0;
    const cursors: Record<string, number> = {};
    if (tables.has('endpoint_state')) {
      for (const r of conn.prepare('SELECT endpoint, cursor FROM endpoint_state WHERE cursor IS NOT NULL').all() as Array<{ endpoint: string; cursor: string }>) {
        cursors[r.endpoint] = Number(r.cursor);
      }
    }
    return { integrity, counts, cursors };
  } finally {
    conn.close();
  }
}

function totalRows(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (['events', 'disputes', 'personnel', 'consultations'] as const).reduce(
        (n, t) => n + (conn.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number),
        0,
      );
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet / schema not there yet
  }
}

function content(db: string): Record<string, string> {
  const conn = new Database(db, { readonly: true });
  try {
    const out: Record<string, string> = {};
    for (const t of DATA_TABLES) {
      const sql = CONTENT_SQL[t] ?? `SELECT * FROM ${t} ORDER BY 1, 2, 3`;
      const rows = conn.prepare(sql).all() as Array<Record<string, unknown>>;
      out[t] = JSON.stringify(rows.map(({ source_id: _s, ...rest }) => rest));
    }
    return out;
  } finally {
    conn.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) =>
  new Promise<number | null>((res) => (child.exitCode !== null || child.signalCode ? res(child.exitCode) : child.once('exit', (code) => res(code))));

afterAll(removeTempDirs);

describe('SIGKILL during backfill', () => {
  it(`survives ${KILLS} kills at random moments and resumes to the same rows`, async () => {
    const dir = tempDir('sync-crash-');
    const db = join(dir, 'killed.db');
    let last = inspect(db);
    let kills = 0;
    let completedEarly = 0;

    while (kills < KILLS) {
      const child = runSync(db);
      const before = totalRows(db);
      // Wait until this run is committing pages, then kill it a random moment later.
      const deadline = performance.now() + 20_000;
      let finished = false;
      child.once('exit', () => (finished = true));
      while (!finished && totalRows(db) <= before && performance.now() < deadline) await sleep(5);
      if (finished) {
        completedEarly++;
        break;
      }
      await sleep(Math.random() * MAX_KILL_DELAY_MS);
      child.kill('SIGKILL');
      await exited(child);
      kills++;

      const now = inspect(db)!;
      expect(now.integrity, `integrity after kill ${kills}`).toBe('ok');
      for (const t of DATA_TABLES) {
        expect(now.counts[t], `${t} rows after kill ${kills}`).toBeGreaterThanOrEqual(last?.counts[t] ?? 0);
      }
      for (const [endpoint, cursor] of Object.entries(last?.cursors ?? {})) {
        expect(now.cursors[endpoint], `${endpoint} cursor after kill ${kills}`).toBeGreaterThanOrEqual(cursor);
      }
      last = now;
    }
    expect(completedEarly, 'the backfill outlasted the kills (make the history larger)').toBe(0);
    expect(kills).toBe(KILLS);

    // The final, uninterrupted run resumes from the cursors rather than starting over.
    const child = runSync(db);
    let stdout = '';
    child.stdout!.on('data', (c) => (stdout += c));
    expect(await exited(child)).toBe(0);
    const summary = JSON.parse(stdout) as { sources: Array<{ endpoints: Array<{ name: string; pages: number }> }> };
    const eventsPages = summary.sources[0].endpoints.find((e) => e.name === 'events')!.pages;
    const finalEvents = inspect(db)!.counts.events;
    expect(last!.counts.events).toBeGreaterThan(0);
    // Only what was missing was fetched (the simulator's history does not change: live is off).
    expect(eventsPages).toBeLessThanOrEqual(Math.ceil((finalEvents - last!.counts.events) / PAGE_LIMIT) + 1);

    // The same rows as one uninterrupted sync into a fresh file.
    const cleanPath = join(dir, 'clean.db');
    const clean = openCache(cleanPath);
    const cleanRun = await createSyncEngine({
      cache: clean,
      sources: [testSource(sim.url, { timeoutMs: 10_000, maxBodyBytes: 32 * 1024 * 1024 })],
      pageLimit: 1000,
    }).syncOnce();
    expect(cleanRun.sources[0].endpoints.filter((e) => e.outcome === 'failed')).toEqual([]);
    clean.close();
    const a = content(db);
    const b = content(cleanPath);
    for (const t of DATA_TABLES) expect(a[t], `${t} content`).toBe(b[t]);
    expect(inspect(db)!.integrity).toBe('ok');
  }, 120_000);
});
