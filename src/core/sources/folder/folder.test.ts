/**
 * A folder of office spreadsheets (docs/examples/folder-source.json) through the real sync
 * engine: an XLSX personnel register and a GBK CSV of 云上板凳 sessions, edited, half-written,
 * broken and deleted.
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceConfigSchema, type SourceConfig } from '../../../shared/config';
import type { FolderSourceConfig } from '../../../shared/sources';
import { openCache, type Cache } from '../../cache';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';
import { createSyncEngine, type SyncEngine } from '../../sync';
import { encodeGbk } from '../testing/gbk';
import { consultationRows, personnelRows, writeConsultationsGbkCsv, writeFollowersCsv, writePersonnelXlsx } from '../testing/spreadsheets';
import { createFolderReader } from './folderReader';
import { decodeText } from './readSheet';

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../docs/examples/folder-source.json'), 'utf8'));

let clock = Date.now();
let running: Array<{ engine: SyncEngine; cache: Cache }> = [];
afterEach(async () => {
  for (const r of running) {
    await r.engine.stop();
    r.cache.close();
  }
  running = [];
  removeTempDirs();
});

async function setup(overrides: Record<string, unknown> = {}) {
  const dir = tempDir('folder-');
  await writePersonnelXlsx(join(dir, '人员名单.xlsx'), personnelRows(12, 5));
  writeConsultationsGbkCsv(join(dir, '云上板凳.csv'), consultationRows(8, 6));
  writeFollowersCsv(join(dir, '关注人数.csv'), [
    { date: '2026-11-01', followers: 14_000 },
    { date: '2026-11-02', followers: 14_341 },
  ]);
  const source: SourceConfig = sourceConfigSchema.parse({ ...EXAMPLE, path: dir, ...overrides });
  const cache = openCache(join(tempDir(), 'c.db'));
  // The folder's clock is the test's: "settled" is decided against it, not against a sleep.
  clock = Date.now() + 10_000;
  const engine = createSyncEngine({ cache, sources: [source], readerFor: (s) => createFolderReader(s as FolderSourceConfig, { now: () => clock }) });
  running.push({ engine, cache });
  const poll = async () => Object.fromEntries((await engine.syncOnce()).sources[0].endpoints.map((e) => [e.name, e]));
  const count = (table: string, where = '1') => cache.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
  return { dir, cache, engine, poll, count };
}

describe('a watched folder of XLSX and GBK CSV', () => {
  it('reads the register and the session list, Chinese text intact, Excel dates at Beijing time', async () => {
    const { cache, poll, count } = await setup();
    const r = await poll();
    expect(r.personnel).toMatchObject({ outcome: 'updated', stored: 12, quarantined: 0, error: null });
    expect(r.consultations).toMatchObject({ outcome: 'updated', stored: 9, quarantined: 0, error: null });
    expect(count('personnel', "role = 'dispatched' AND active = 1")).toBe(5);
    const person = cache.db.prepare('SELECT * FROM personnel WHERE id = ?').get('XC0001') as Record<string, unknown>;
    expect(person).toMatchObject({ name: '干部1', department: '区司法局', town_code: '330113001', registered_at: Date.parse('2026-01-05T09:00:00+08:00'), score: 80 });
    expect(JSON.parse(person.metrics as string)).toEqual({ eventsHandled: 10, onTimeRate: 0.95, satisfactionRate: 0.98, patrolDays: 20 });
    const session = cache.db.prepare('SELECT * FROM consultations WHERE id = ?').get('YSBD-1000') as Record<string, unknown>;
    expect(session).toMatchObject({ topic: '第1期 农贸市场运营协商', community: '龙船坞社区', status: 'ended', outcome: 'agreed' });
    expect(JSON.parse(session.experts as string)).toEqual(['王律师', '李老师']);
    expect(count('consultations', "status = 'ended' AND outcome = 'agreed'")).toBe(6);
    // A snapshot from rows: the followers series, its asOf the end of its last day.
    expect(r.followers).toMatchObject({ outcome: 'updated', stored: 1, error: null });
    expect(cache.snapshot('office-files', 'followers')?.doc).toEqual({
      asOf: '2026-11-02T23:59:59+08:00',
      series: [
        { date: '2026-11-01', followers: 14_000 },
        { date: '2026-11-02', followers: 14_341 },
      ],
    });
    expect((await poll()).followers).toMatchObject({ outcome: 'unchanged', stored: 0 }); // unchanged files: 304
  });

  it('a broken row is quarantined naming file, row and column; the rest of the file is kept', async () => {
    const { dir, cache, poll, count } = await setup();
    const rows = personnelRows(12, 5);
    rows[2].考核得分 = '九十';
    rows[5].所属街道 = '临平街道';
    await writePersonnelXlsx(join(dir, '人员名单.xlsx'), rows);
    const r = await poll();
    expect(r.personnel).toMatchObject({ stored: 10, quarantined: 2 });
    const reasons = cache.db.prepare("SELECT record_id, reason FROM quarantine WHERE endpoint = 'personnel' ORDER BY seq").all();
    expect(reasons).toEqual([
      { record_id: 'XC0003', reason: 'file 人员名单.xlsx row 4: field score (column 考核得分): cannot read "九十" as a number' },
      { record_id: 'XC0006', reason: 'file 人员名单.xlsx row 7: townCode (column 所属街道): a 9-digit town code' },
    ]);
    expect(count('personnel')).toBe(10);
  });

  it('an edited file updates what it changed; a half-written file waits until nothing writes to it', async () => {
    const { dir, cache, poll } = await setup();
    await poll();
    const rows = personnelRows(12, 5);
    rows[0].考核得分 = 99;
    rows[6].人员类别 = '下沉人员';
    const file = join(dir, '人员名单.xlsx');
    await writePersonnelXlsx(file, rows);
    // Just written (by the folder's clock): not read yet.
    const mtime = new Date(clock - 500);
    utimesSync(file, mtime, mtime);
    expect((await poll()).personnel).toMatchObject({ outcome: 'unchanged', stored: 0 });
    expect(cache.db.prepare('SELECT score FROM personnel WHERE id = ?').pluck().get('XC0001')).toBe(80);
    clock += 5000; // settled
    expect((await poll()).personnel).toMatchObject({ outcome: 'updated', stored: 12, changed: 12 });
    expect(cache.db.prepare('SELECT score FROM personnel WHERE id = ?').pluck().get('XC0001')).toBe(99);
    expect(cache.db.prepare("SELECT count(*) FROM personnel WHERE role = 'dispatched'").pluck().get()).toBe(6);
    // Unchanged since: nothing is read again.
    expect((await poll()).personnel).toMatchObject({ outcome: 'unchanged', pages: 1, stored: 0 });
  });

  it('deleting a file removes nothing, unless the folder is configured as the whole truth', async () => {
    const kept = await setup();
    await kept.poll();
    rmSync(join(kept.dir, '人员名单.xlsx'));
    expect((await kept.poll()).personnel.error).toBeNull();
    expect(kept.count('personnel')).toBe(12);

    const truth = await setup({ wholeTruth: true });
    await truth.poll();
    // A row deleted from a file goes; then the whole file.
    await writePersonnelXlsx(join(truth.dir, '人员名单.xlsx'), personnelRows(10, 5));
    clock += 5000;
    await truth.poll();
    expect(truth.count('personnel')).toBe(10);
    rmSync(join(truth.dir, '人员名单.xlsx'));
    await truth.poll();
    expect(truth.count('personnel')).toBe(0);
    expect(truth.count('consultations')).toBe(9);
  });

  it('a file that is not a spreadsheet fails the poll, names the file, and keeps what was read', async () => {
    const { dir, poll, count } = await setup();
    await poll();
    writeFileSync(join(dir, '人员名单-补充.xlsx'), 'not a zip');
    const r = await poll();
    expect(r.personnel.error).toMatch(/^file 人员名单-补充\.xlsx: not readable as XLSX/);
    expect(count('personnel')).toBe(12);
  });
});

describe('text encodings', () => {
  it('reads UTF-8 (with or without BOM) and GBK without being told which', () => {
    const text = '编号,议题\r\nA1,临平街道协商\r\n';
    expect(decodeText(Buffer.from(text), 'auto')).toBe(text);
    expect(decodeText(encodeGbk(text), 'auto')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'auto')).toBe(text);
    expect(() => decodeText(encodeGbk(text), 'utf-8')).toThrow('not valid UTF-8');
  });
});
