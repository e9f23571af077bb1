/** Reads one configured boundary file from disk, refusing oversized files before reading them. */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { BoundaryFile } from '../../shared/config';
import { parseBoundary, type ParseResult } from '../../shared/geo/parse';

export const DEFAULT_MAX_BOUNDARY_BYTES = 50 * 1024 * 1024;

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

export interface LoadOptions {
  maxBytes: number;
  /** Relative paths are resolved against this folder (the config file's, usually). */
  baseDir: string;
  requireCode: boolean;
}

export function resolveBoundaryPath(file: BoundaryFile, baseDir: string): string {
  return isAbsolute(file.path) ? file.path : resolve(baseDir, file.path);
}

/** Loads and validates a file; errors are plain sentences, without the slot name. */
export function loadBoundaryFile(file: BoundaryFile, opts: LoadOptions): ParseResult {
  const path = resolveBoundaryPath(file, opts.baseDir);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, errors: [`${path} is not a file`] };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${(e as Error).message}`] };
  }
  if (size > opts.maxBytes) {
    return { ok: false, errors: [`file is ${mb(size)}, over the ${mb(opts.maxBytes)} limit; simplify the boundaries (e.g. mapshaper -simplify) or raise the limit`] };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`cannot read ${path}: ${(e as Error).message}`] };
  }
  return parseBoundary(text, {
    crs: file.crs,
    format: file.format,
    codeProperty: file.codeProperty,
    nameProperty: file.nameProperty,
    object: file.object,
    requireCode: opts.requireCode,
  });
}
