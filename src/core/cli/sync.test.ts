/** The sync CLI as a user runs it, against the real simulator. */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, EVENTS_ACCEPTED, type RunningSimulator } from '../sim';
import { SIM_NOW, tempDir, waitFor, removeTempDirs } from '../sync/testing/harness';
import { personnelRows, writePersonnelXlsx } from '../sources/testing/spreadsheets';

const ROOT = resolve(__dirname, '../../..');
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 3, now: SIM_NOW, live: false });
});
afterAll(async () => {
  await sim?.stop();
});

function run(args: string[], opts: { stopWhen?: () => boolean } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/core/cli/sync.ts'), ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  if (opts.stopWhen) {
    void waitFor(opts.stopWhen, 30_000, 'the condition to stop').then(() => child.kill('SIGTERM'));
  }
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((res) => child.on('exit', (code) => res({ code, stdout, stderr })));
}

afterAll(removeTempDirs);

describe('npm run sync', () => {
  it('--once backfills and prints rows per table, quarantine per endpoint and health', async () => {
    const db = join(tempDir(), 'once.db');
    const r = await run(['--once', '--quiet', '--source', sim.url, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.rows.events).toBeGreaterThanOrEqual(EVENTS_ACCEPTED);
    expect(summary.rows.towns).toBe(8);
    const conn = new Database(db, { readonly: true });
    // The article's figure: 15,291 events accepted under full-process assessment.
    expect(conn.prepare('SELECT count(*) FROM events WHERE accepted_at IS NOT NULL').pluck().get()).toBe(EVENTS_ACCEPTED);
    conn.close();
    expect(summary.quarantined).toEqual({});
    expect(summary.health[0]).toMatchObject({ state: 'ok', url: sim.url });
    expect(summary.sources[0].endpoints).toHaveLength(11);
  });

  it('without --once keeps polling until SIGTERM, then stops cleanly', async () => {
    const db = join(tempDir(), 'poll.db');
    const eventsIn = () => {
      try {
        const c = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return (c.prepare('SELECT count(*) FROM events WHERE accepted_at IS NOT NULL').pluck().get() as number) === EVENTS_ACCEPTED;
        } finally {
          c.close();
        }
      } catch {
        return false;
      }
    };
    const r = await run(['--source', sim.url, '--db', db, '--interval', '1'], { stopWhen: eventsIn });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('SIGTERM, stopping');
    expect(JSON.parse(r.stdout).rows.events).toBeGreaterThanOrEqual(EVENTS_ACCEPTED);
  });

  it('says what is wrong with its arguments', async () => {
    const r = await run(['--once', '--source', 'ftp://x', '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sync: --source 'ftp:\/\/x': url: /);
    const r2 = await run(['--once', '--source', sim.url]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--db PATH is required');
  });

  it('--config syncs the configuration’s sources of any kind; relative folders resolve against the file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'exports'));
    await writePersonnelXlsx(join(dir, 'exports', '人员名单.xlsx'), personnelRows(4, 2));
    const example = JSON.parse(readFileSync(join(ROOT, 'docs/examples/folder-source.json'), 'utf8'));
    delete example.snapshots;
    delete example.feeds.consultations;
    writeFileSync(join(dir, 'cockpit.json'), JSON.stringify({ sources: [{ ...example, settleMs: 0 }] }));
    const r = await run(['--once', '--quiet', '--config', join(dir, 'cockpit.json'), '--db', join(dir, 'c.db')]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.rows.personnel).toBe(4);
    expect(summary.sources).toEqual([{ sourceId: 'office-files', endpoints: [expect.objectContaining({ name: 'personnel', outcome: 'updated', stored: 4 })] }]);
  });
});

