/**
 * A watched folder of spreadsheets, read as feeds and snapshots. Every poll lists the folder:
 * a file new or changed since it was last read is read once nothing has written to it for
 * `settleMs` (a half-written file waits) and it did not change while being read. A feed reads
 * one file per page (so a crash resumes after the last whole file); each row is mapped by its
 * column headers, and a row that cannot be mapped is quarantined naming file, row and column.
 * Deleting a file removes nothing, unless the source is configured as the whole truth: then
 * the records of deleted files — and rows deleted from a file — are removed.
 *
 * The feed cursor is this reader's state, as JSON: { files: { name: { sig, ids? } } } — the
 * size and modification time each file had when read, and (whole truth only) its record ids.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { FolderFeedConfig, FolderSnapshotConfig, FolderSourceConfig } from '../../../shared/sources';
import type { QuarantinedRecord } from '../../cache';
import { PageRejected } from '../../sync/pageRejected';
import type { FeedRead, FeedSpec, SnapshotRead, SourceReader } from '../../sync/reader';
import { isoAtOffset } from '../mapping/conversions';
import { compileExpression, evaluate } from '../mapping/expression';
import { compileRecordMapping, explainIssues, type FieldFailure, type RecordMapping } from '../mapping/recordMapping';
import { readSheet, type Sheet } from './readSheet';

/** Files a spreadsheet program or a copy leaves while it works: never data. */
const TEMPORARY = /^(~\$|\.~lock\.|\.)|\.(tmp|part|crdownload|download|swp)$/i;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

interface FileState {
  sig: string;
  ids?: string[];
}
interface FolderState {
  files: Record<string, FileState>;
}

/** "人员*.xlsx" → a case-insensitive whole-name pattern. */
export function globPattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

const signature = (s: Stats) => `${s.size}:${Math.round(s.mtimeMs)}`;

function readState(cursor: string | null): FolderState {
  try {
    const s = cursor ? (JSON.parse(cursor) as FolderState) : null;
    if (s && s.files && typeof s.files === 'object') return s;
  } catch {
    /* a cursor from another kind of source: read everything again */
  }
  return { files: {} };
}

/** Where a field comes from: the column itself when its expression is just a header. */
function column(sheet: Sheet, expression: string): string {
  const header = expression.replace(/^`(.*)`$/, '$1');
  return sheet.headers.includes(header) ? `column ${header}` : `from \`${expression}\``;
}

export interface FolderReaderDeps {
  /** Folder a relative `path` resolves against (the configuration file's). */
  baseDir?: string;
  now?: () => number;
}

export function createFolderReader(source: FolderSourceConfig, deps: FolderReaderDeps = {}): SourceReader {
  const folder = isAbsolute(source.path) || !deps.baseDir ? source.path : join(deps.baseDir, source.path);
  const now = deps.now ?? Date.now;
  const fileTime = (mtimeMs: number) => isoAtOffset(Math.round(mtimeMs), source.timezone);

  const feeds = new Map<string, { config: FolderFeedConfig; mapping: RecordMapping; pattern: RegExp }>();
  for (const [name, config] of Object.entries(source.feeds)) {
    if (!config) continue;
    feeds.set(name, {
      config,
      pattern: globPattern(config.files),
      mapping: compileRecordMapping(config.fields, { timezone: source.timezone, implied: { updatedAt: (b) => b?.fileModifiedAt } }),
    });
  }
  const snapshots = new Map<string, { config: FolderSnapshotConfig; mapping: RecordMapping; pattern: RegExp }>();
  for (const [name, config] of Object.entries(source.snapshots)) {
    if (config) snapshots.set(name, { config, pattern: globPattern(config.files), mapping: compileRecordMapping(config.fields, { timezone: source.timezone }) });
  }

  /** Matching files now on disk, by name, with whether each has settled. */
  function list(pattern: RegExp): Array<{ name: string; stat: Stats; settled: boolean }> {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch (err) {
      throw new Error(`folder ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const out = [];
    for (const name of names.sort()) {
      if (TEMPORARY.test(name) || !pattern.test(name)) continue;
      let stat: Stats;
      try {
        stat = statSync(join(folder, name));
      } catch {
        continue; // deleted between the listing and now
      }
      if (!stat.isFile()) continue;
      out.push({ name, stat, settled: now() - stat.mtimeMs >= source.settleMs });
    }
    return out;
  }

  /** Reads a file whole, or null when it changed while being read (it is still being written). */
  async function read(name: string, before: Stats, config: FolderFeedConfig | FolderSnapshotConfig): Promise<Sheet | null> {
    const path = join(folder, name);
    let sheet: Sheet;
    try {
      sheet = await readSheet(path, { encoding: source.encoding, sheet: config.sheet, headerRow: config.headerRow, maxBytes: MAX_FILE_BYTES });
    } catch (err) {
      const after = statSync(path, { throwIfNoEntry: false });
      if (!after || signature(after) !== signature(before)) return null;
      throw new PageRejected(`file ${name}: ${(err as Error).message}`);
    }
    const after = statSync(path, { throwIfNoEntry: false });
    return after && signature(after) === signature(before) ? sheet : null;
  }

  async function readFeed(spec: FeedSpec, req: { cursor: string | null }): Promise<FeedRead> {
    const feed = feeds.get(spec.name);
    if (!feed) throw new Error(`${spec.name} is not mapped by this source`);
    const state = readState(req.cursor);
    const onDisk = list(feed.pattern);
    const present = new Set(onDisk.map((f) => f.name));
    const changed = onDisk.filter((f) => f.settled && state.files[f.name]?.sig !== signature(f.stat));
    const files: Record<string, FileState> = {};
    for (const [name, s] of Object.entries(state.files)) if (present.has(name)) files[name] = s;
    const gone = Object.keys(state.files).filter((n) => !present.has(n));

    const idsElsewhere = (except: string) => {
      const ids = new Set<string>();
      for (const [n, s] of Object.entries(files)) if (n !== except) for (const id of s.ids ?? []) ids.add(id);
      return ids;
    };
    const removed: string[] = [];
    if (source.wholeTruth) {
      const kept = idsElsewhere('');
      for (const name of gone) for (const id of state.files[name].ids ?? []) if (!kept.has(id)) removed.push(id);
    }

    const next = changed[0];
    if (!next) {
      return { status: 200, page: { items: [], cursor: JSON.stringify({ files }), hasMore: false }, etag: null, removed };
    }
    const sheet = await read(next.name, next.stat, feed.config);
    if (!sheet) {
      // Written to while read: try again at the next poll, once it has settled.
      return { status: 200, page: { items: [], cursor: JSON.stringify({ files }), hasMore: false }, etag: null, removed };
    }
    const bindings = { fileName: next.name, fileModifiedAt: fileTime(next.stat.mtimeMs) };
    const items: unknown[] = [];
    const origins: number[] = [];
    const rejected: QuarantinedRecord[] = [];
    const ids: string[] = [];
    for (const r of sheet.rows) {
      const { record, failure } = await feed.mapping.map(r.values, { ...bindings, rowNumber: r.row });
      if (failure) {
        rejected.push({ recordId: idOf(feed.mapping, r.values), reason: describe(next.name, r.row, sheet, failure), payload: r.values });
        continue;
      }
      items.push(record);
      origins.push(r.row);
      if (typeof record!.id === 'string') ids.push(record!.id);
    }
    if (source.wholeTruth) {
      const before = new Set(state.files[next.name]?.ids ?? []);
      const current = new Set(ids);
      const elsewhere = idsElsewhere(next.name);
      for (const id of before) if (!current.has(id) && !elsewhere.has(id)) removed.push(id);
    }
    files[next.name] = source.wholeTruth ? { sig: signature(next.stat), ids } : { sig: signature(next.stat) };
    return {
      status: 200,
      page: { items, cursor: JSON.stringify({ files }), hasMore: changed.length > 1 },
      etag: null,
      rejected,
      removed,
      explain: (index, issues) => `file ${next.name} row ${origins[index]}: ${explainIssues(issues, feed.mapping, (expression) => column(sheet, expression))}`,
    };
  }

  async function readSnapshot(name: string, etag: string | null): Promise<SnapshotRead> {
    const snap = snapshots.get(name);
    if (!snap) throw new Error(`${name} is not mapped by this source`);
    const onDisk = list(snap.pattern);
    if (onDisk.length === 0) throw new PageRejected(`no file in ${folder} matches ${snap.config.files}`);
    const unsettled = onDisk.filter((f) => !f.settled).map((f) => f.name);
    if (unsettled.length) {
      // Keep the last good document until every file is complete.
      if (etag) return { status: 304 };
      throw new PageRejected(`waiting for ${unsettled.join(', ')} to be written completely`);
    }
    const tag = onDisk.map((f) => `${f.name}=${signature(f.stat)}`).join(';');
    if (tag === etag) return { status: 304 };
    const rows: Array<Record<string, unknown>> = [];
    let last: { name: string; sheet: Sheet } | null = null;
    for (const f of onDisk) {
      const sheet = await read(f.name, f.stat, snap.config);
      if (!sheet) {
        if (etag) return { status: 304 };
        throw new PageRejected(`${f.name} changed while being read`);
      }
      for (const r of sheet.rows) rows.push(r.values);
      last = { name: f.name, sheet };
    }
    const selected = await evaluate(compileExpression(snap.config.select), rows);
    const { record, failure } = await snap.mapping.map(selected);
    const files = onDisk.map((f) => f.name).join(', ');
    if (failure) throw new PageRejected(`file ${files}: field ${failure.field} (${column(last!.sheet, failure.expression)}): ${failure.message}`);
    return { status: 200, doc: record, etag: tag, text: JSON.stringify(record), explain: (issues) => `file ${files}: ${explainIssues(issues, snap.mapping)}` };
  }

  return {
    location: `file://${folder}`,
    serves: [...feeds.keys(), ...snapshots.keys()],
    readFeed: (spec, req) => readFeed(spec, req),
    readSnapshot: (spec, etag) => readSnapshot(spec.name, etag),
    secrets: () => [],
  };
}

function describe(file: string, row: number, sheet: Sheet, failure: FieldFailure): string {
  return `file ${file} row ${row}: field ${failure.field} (${column(sheet, failure.expression)}): ${failure.message}`;
}

function idOf(mapping: RecordMapping, values: Record<string, unknown>): string | null {
  const expr = mapping.expressionOf('id');
  const v = expr ? values[expr.replace(/^`(.*)`$/, '$1')] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 64) : null;
}
