import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger';

export interface FileLoggerOptions {
  dir: string;
  /** File stem: `<name>.log` is current, `<name>.1.log` the newest rotated one. */
  name: string;
  /** Rotate before a line would push the current file past this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one; older ones are deleted. */
  keep?: number;
  /** Also write every line here (e.g. the console while developing). */
  echo?: Logger;
  now?: () => Date;
}

export interface FileLogger extends Logger {
  /** The current file. */
  readonly path: string;
  readonly dir: string;
  /** Current and rotated files of this logger, newest first. */
  files(): string[];
  close(): void;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;

/**
 * A size-rotated log file, one line per entry: time, level, message, fields as JSON.
 * A wall runs for months: without rotation the log would fill the disk. Writes are synchronous
 * so the last lines before a crash are on disk; a failing disk never throws into the caller.
 */
export function createFileLogger(opts: FileLoggerOptions): FileLogger {
  const maxBytes = opts.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = Math.max(0, opts.keep ?? DEFAULT_LOG_KEEP);
  const now = opts.now ?? (() => new Date());
  const path = join(opts.dir, `${opts.name}.log`);
  const rotated = (i: number): string => join(opts.dir, `${opts.name}.${i}.log`);

  mkdirSync(opts.dir, { recursive: true });
  let fd: number | null = openSync(path, 'a');
  let size = statSync(path).size;
  let broken = false;

  const rotate = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
    if (keep === 0) {
      rmSync(path, { force: true });
    } else {
      rmSync(rotated(keep), { force: true });
      for (let i = keep - 1; i >= 1; i--) if (existsSync(rotated(i))) renameSync(rotated(i), rotated(i + 1));
      renameSync(path, rotated(1));
    }
    fd = openSync(path, 'a');
    size = 0;
  };

  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void => {
    opts.echo?.[level](message, fields);
    if (fd === null && !broken) return; // closed
    const line = formatLine(now(), level, message, fields);
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      writeSync(fd!, line);
      size += bytes;
      broken = false;
    } catch (err) {
      // Disk full or folder removed: say so once on stderr, keep running, retry on the next line.
      if (!broken) console.error(`log file ${path} not writable: ${(err as Error).message}`);
      broken = true;
      try {
        if (fd === null) fd = openSync(path, 'a');
      } catch {
        /* still broken */
      }
    }
  };

  return {
    path,
    dir: opts.dir,
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    files() {
      const prefix = `${opts.name}.`;
      const names = readdirSync(opts.dir).filter((n) => n === `${opts.name}.log` || (n.startsWith(prefix) && /^\d+\.log$/.test(n.slice(prefix.length))));
      const order = (n: string): number => (n === `${opts.name}.log` ? 0 : Number(n.slice(prefix.length, -4)));
      return names.sort((a, b) => order(a) - order(b)).map((n) => join(opts.dir, n));
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
      broken = false;
    },
  };
}

export function formatLine(at: Date, level: string, message: string, fields?: Record<string, unknown>): string {
  // One entry per line: newlines inside a message would make the file ambiguous to read and grep.
  const text = message.replace(/\r?\n/g, '\\n');
  const extra = fields && Object.keys(fields).length > 0 ? ` ${safeJson(fields)}` : '';
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${text}${extra}\n`;
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_k, v: unknown) => {
      if (v instanceof Error) return { name: v.name, message: v.message };
      if (typeof v === 'bigint') return v.toString();
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return v;
    });
  } catch {
    return '"[unserialisable fields]"';
  }
}
