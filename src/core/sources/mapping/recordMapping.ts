/**
 * A compiled record mapping: the contract record built from one of the system's records, field
 * by field, with every failure named — record, field, expression, value — so the record is
 * quarantined and the rest of its page kept. The result is still untrusted: the engine
 * validates it with the contract's schema like any other source's records.
 */
import type { FieldMapping, FieldSpec } from '../../../shared/sources';
import { convert, ConversionError, type Conversion } from './conversions';
import { ASK_JSONATA, compileExpression, ExpressionError, type Expression } from './expression';

interface CompiledField {
  /** Contract field, split at dots ("metrics.onTimeRate" → ["metrics", "onTimeRate"]). */
  path: string[];
  name: string;
  from: Expression;
  as?: Conversion;
  values?: Record<string, unknown>;
  fallback?: unknown;
}

export interface FieldFailure {
  field: string;
  expression: string;
  message: string;
}

export interface MappedRecord {
  record: Record<string, unknown> | null;
  failure: FieldFailure | null;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function compileField(name: string, spec: FieldSpec): CompiledField {
  const s = typeof spec === 'string' ? { from: spec } : spec;
  return {
    name,
    path: name.split('.'),
    from: compileExpression(s.from),
    as: 'as' in s ? s.as : undefined,
    values: 'values' in s ? (s.values as Record<string, unknown> | undefined) : undefined,
    fallback: 'default' in s ? s.default : undefined,
  };
}

export interface RecordMapping {
  /** Maps one record; never throws. */
  map(input: unknown, bindings?: Record<string, unknown>): Promise<MappedRecord>;
  /** The expression a contract field comes from ("reportedAt" → "时间.上报"), for explaining schema failures. */
  expressionOf(field: string): string | null;
}

export interface RecordMappingOptions {
  /** UTC offset for local times, e.g. "+08:00". */
  timezone: string;
  /** Fields filled in when the mapping leaves them out (e.g. updatedAt from a file's time). */
  implied?: Record<string, (bindings: Record<string, unknown> | undefined) => unknown>;
  /** Unmapped fields are read from the input's property of the same name (database rows). */
  sameNamedRest?: readonly string[];
}

/** Compiles a mapping; throws an ExpressionError naming the field whose expression cannot be read. */
export function compileRecordMapping(fields: FieldMapping, opts: RecordMappingOptions): RecordMapping {
  const compiled: CompiledField[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    try {
      compiled.push(compileField(name, spec));
    } catch (err) {
      throw new ExpressionError(`field ${name}: ${(err as Error).message}`);
    }
  }
  const mapped = new Set(compiled.map((f) => f.path[0]));
  const implied = Object.entries(opts.implied ?? {}).filter(([k]) => !mapped.has(k));
  const rest = (opts.sameNamedRest ?? []).filter((k) => !mapped.has(k));

  /** The field's value from what its expression gave. */
  function finish(f: CompiledField, raw: unknown): unknown {
    let v = raw;
    if (isEmpty(v)) return f.fallback !== undefined ? f.fallback : f.as === 'list' ? [] : null;
    if (f.values) {
      const key = typeof v === 'string' ? v.trim() : String(v);
      if (!Object.hasOwn(f.values, key)) {
        const known = Object.keys(f.values);
        throw new ConversionError(`"${key.slice(0, 60)}" is not in its values table (${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})`);
      }
      v = f.values[key];
    }
    return f.as ? convert(v, f.as, opts.timezone) : v;
  }

  return {
    async map(input, bindings) {
      const record: Record<string, unknown> = {};
      for (const f of compiled) {
        let v: unknown;
        try {
          // Only expressions the shortcut cannot answer wait for JSONata (a promise per step).
          let raw = f.from.direct ? f.from.direct(input) : ASK_JSONATA;
          if (raw === ASK_JSONATA) raw = await f.from.evaluate(input, bindings);
          v = finish(f, raw);
        } catch (err) {
          const known = err instanceof ConversionError || err instanceof ExpressionError;
          return { record: null, failure: { field: f.name, expression: f.from.text, message: known ? (err as Error).message : String(err) } };
        }
        let target = record;
        for (let i = 0; i < f.path.length - 1; i++) {
          const key = f.path[i];
          const next = target[key];
          target = (next && typeof next === 'object' ? next : (target[key] = {})) as Record<string, unknown>;
        }
        target[f.path[f.path.length - 1]] = v;
      }
      for (const [k, fill] of implied) record[k] = fill(bindings);
      if (rest.length && input && typeof input === 'object') {
        for (const k of rest) if (Object.hasOwn(input, k)) record[k] = (input as Record<string, unknown>)[k];
      }
      return { record, failure: null };
    },
    expressionOf(field) {
      const f = compiled.find((c) => c.name === field || c.path[0] === field);
      return f ? f.from.text : null;
    },
  };
}

/**
 * "reportedAt: Invalid ISO datetime; …" → the same, each field with where it came from:
 * "reportedAt (from `时间.上报`): …" by default, or as `label` says (a spreadsheet's column).
 */
export function explainIssues(issues: string, mapping: RecordMapping, label: (expression: string) => string = (e) => `from \`${e}\``): string {
  return issues
    .split('; ')
    .map((part) => {
      const field = part.slice(0, part.indexOf(':'));
      const expr = mapping.expressionOf(field.split('.')[0]);
      return expr ? `${field} (${label(expr)})${part.slice(field.length)}` : part;
    })
    .join('; ');
}
