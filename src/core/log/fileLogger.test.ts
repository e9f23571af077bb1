import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, formatLine } from './fileLogger';

const fixed = () => new Date('2026-11-27T08:00:00.000Z');

describe('createFileLogger', () => {
  it('writes one line per entry with time, level, message and fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-log-'));
    const log = createFileLogger({ dir, name: 'main', now: fixed });
    log.info('started', { pid: 7 });
    log.error('multi\nline', { err: new Error('boom') });
    log.close();
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe(
      '2026-11-27T08:00:00.000Z INFO  started {"pid":7}\n' +
        '2026-11-27T08:00:00.000Z ERROR multi\\nline {"err":{"name":"Error","message":"boom"}}\n',
    );
  });

  it('rotates by size and keeps only N old files, newest first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-log-'));
    const lineBytes = Buffer.byteLength(formatLine(fixed(), 'info', 'entry 00'));
    // Three lines fit in one file; the fourth rotates.
    const log = createFileLogger({ dir, name: 'core', maxBytes: lineBytes * 3, keep: 2, now: fixed });
    for (let i = 0; i < 10; i++) log.info(`entry ${String(i).padStart(2, '0')}`);
    const files = log.files();
    log.close();
    expect(files.map((f) => basename(f))).toEqual(['core.log', 'core.1.log', 'core.2.log']);
    const read = (n: string) => readFileSync(join(dir, n), 'utf8').trim().split('\n').map((l) => l.slice(-8));
    expect(read('core.log')).toEqual(['entry 09']);
    expect(read('core.1.log')).toEqual(['entry 06', 'entry 07', 'entry 08']);
    expect(read('core.2.log')).toEqual(['entry 03', 'entry 04', 'entry 05']);
    // entries 00–02 were in the file deleted when a third rotated file would have been kept
    for (const f of files) expect(readFileSync(f).length).toBeLessThanOrEqual(lineBytes * 3);
  });

  it('continues an existing file and counts its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-log-'));
    writeFileSync(join(dir, 'main.log'), 'x'.repeat(90) + '\n');
    const log = createFileLogger({ dir, name: 'main', maxBytes: 100, keep: 1, now: fixed });
    log.info('next');
    log.close();
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('x'.repeat(90) + '\n');
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('INFO  next');
  });

  it('survives its folder disappearing and writes again once it is back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-log-'));
    const log = createFileLogger({ dir, name: 'main', maxBytes: 60, keep: 1, now: fixed });
    log.info('first line fills the file');
    rmSync(dir, { recursive: true });
    expect(() => log.info('rotation fails: folder gone')).not.toThrow();
    mkdirSync(dir);
    log.info('back again');
    log.info('and again');
    log.close();
    const all = log.files().map((f) => readFileSync(f, 'utf8')).join('');
    expect(all).toContain('and again');
  });
});
