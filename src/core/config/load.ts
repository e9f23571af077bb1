import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { configSchema, type CockpitConfig } from '../../shared/config';
import { expressionProblems } from '../sources/checkExpressions';

/**
 * Reading the one configuration file: read, parse, validate. Every failure is one line that
 * names the file and the field ("/etc/cockpit/config.json: wall.displays[1]: expected a number
 * ≥ 0"), because an operator reads it on a diagnostics page or in a log, not in a debugger.
 */

export type ConfigLoad =
  | { ok: true; config: CockpitConfig; warnings: string[] }
  | { ok: false; error: string; missing: boolean };

/** The configuration used when there is no file: the simulated district, offline. */
export function defaultConfig(): CockpitConfig {
  return configSchema.parse({});
}

export function loadConfigFile(path: string): ConfigLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `${path}: file not found`, missing: true };
    return { ok: false, error: `${path}: cannot read (${code ?? (err as Error).message})`, missing: false };
  }
  return parseConfigText(text, path);
}

export function parseConfigText(text: string, file: string): ConfigLoad {
  // A byte-order mark is what Windows Notepad writes; JSON.parse rejects it.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: `${file}: the file is empty (write {} for the defaults)`, missing: false };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    return { ok: false, error: `${file}: not valid JSON: ${(err as Error).message}`, missing: false };
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `${file}: ${describeConfigIssues(parsed.error, raw).join('; ')}`, missing: false };
  }
  const badExpressions = expressionProblems(parsed.data);
  if (badExpressions.length) return { ok: false, error: `${file}: ${badExpressions.slice(0, 5).join('; ')}`, missing: false };
  const warnings = unknownFields(configSchema, raw, []).map((p) => `${file}: ${p}: unknown field, ignored`);
  return { ok: true, config: parsed.data, warnings };
}

/** "wall.displays[1]: expected a number ≥ 0" for each issue (at most `limit`). */
export function describeConfigIssues(error: z.ZodError, raw: unknown, limit = 5): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => `${formatPath(issue.path)}: ${explain(issue, valueAt(raw, issue.path))}`);
  if (error.issues.length > limit) lines.push(`and ${error.issues.length - limit} more`);
  return lines;
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a text string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(value)}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return `expected at least ${min} item${min === '1' ? '' : 's'}`;
      if (issue.origin === 'string') return `expected at least ${min} character${min === '1' ? '' : 's'}`;
      return `expected a number ${issue.inclusive ? '≥' : '>'} ${min}, got ${describeValue(value)}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return `expected at most ${max} items`;
      if (issue.origin === 'string') return `expected at most ${max} characters`;
      return `expected a number ${issue.inclusive ? '≤' : '<'} ${max}, got ${describeValue(value)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
    case 'invalid_format':
      if (issue.format === 'url') return `expected an http:// or https:// URL, got ${describeValue(value)}`;
      // Our own regex checks carry a readable message; zod's default one starts with "Invalid".
      return issue.message.startsWith('Invalid') ? `invalid ${issue.format}, got ${describeValue(value)}` : `${issue.message}, got ${describeValue(value)}`;
    case 'invalid_key':
      // A record's key (a wall profile id): say what a key must look like.
      return `not a valid name: ${issue.issues[0]?.message ?? issue.message}`;
    case 'invalid_union':
      return `does not match any allowed form, got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * Fields the schema does not know. zod drops them silently, so a typo ("kiosK") would do
 * nothing without a word; we warn instead of failing so a newer file still loads.
 */
function unknownFields(schema: z.core.$ZodType, value: unknown, path: PropertyKey[]): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; element?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType>; options?: z.core.$ZodType[]; valueType?: z.core.$ZodType };
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
      return def.innerType ? unknownFields(def.innerType, value, path) : [];
    case 'array':
      return Array.isArray(value) && def.element ? value.flatMap((item, i) => unknownFields(def.element!, item, [...path, i])) : [];
    case 'record':
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !def.valueType) return [];
      return Object.entries(value).flatMap(([key, child]) => unknownFields(def.valueType!, child, [...path, key]));
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !def.shape) return [];
      const out: string[] = [];
      for (const [key, child] of Object.entries(value)) {
        const field = def.shape[key];
        // "$schema" points an editor at resources/config.schema.json; it is not a setting.
        if (!field && path.length === 0 && key === '$schema') continue;
        if (!field) out.push(formatPath([...path, key]));
        else out.push(...unknownFields(field, child, [...path, key]));
      }
      return out;
    }
    default:
      return [];
  }
}
