/**
 * A compiled JSONata expression (https://jsonata.org): the mapping language of mapped sources.
 * JSONata is a query language with its own interpreter — a configuration can never run
 * JavaScript through it. Plain paths (`基本信息.标题`) and literals, most of any mapping, are
 * read directly instead of through the interpreter (whose every step is asynchronous): the
 * same result, about a hundred times cheaper, which is what lets a mapped backfill keep pace
 * with the native one (bench/connect-backfill.ts). expression.test.ts checks both agree.
 */
import jsonata from 'jsonata';

export class ExpressionError extends Error {}

/** Returned by `direct` when the shortcut cannot answer for this input (JSONata must). */
export const ASK_JSONATA: unique symbol = Symbol('ask JSONata');

export interface Expression {
  readonly text: string;
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
  /** Present for plain paths and literals: a synchronous read, or ASK_JSONATA. */
  readonly direct?: (input: unknown) => unknown;
}

interface AstNode {
  type: string;
  value?: unknown;
  steps?: AstNode[];
  [key: string]: unknown;
}

/** A step is plain when it has nothing but a name: no predicate, stage, group, focus… */
const PLAIN_KEYS = new Set(['type', 'value', 'position']);
const isPlain = (n: AstNode) => Object.keys(n).every((k) => PLAIN_KEYS.has(k));

function directReader(ast: AstNode): ((input: unknown) => unknown) | undefined {
  if ((ast.type === 'string' || ast.type === 'number' || ast.type === 'value') && isPlain(ast)) {
    const constant = ast.value;
    return () => constant;
  }
  if (ast.type !== 'path' || !ast.steps || !Object.keys(ast).every((k) => k === 'type' || k === 'steps')) return undefined;
  if (!ast.steps.every((s) => s.type === 'name' && isPlain(s) && typeof s.value === 'string')) return undefined;
  const names = ast.steps.map((s) => s.value as string);
  return (input) => {
    let v: unknown = input;
    for (let i = 0; i < names.length; i++) {
      if (Array.isArray(v)) return overList(v, names.slice(i));
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[names[i]];
    }
    return v; // a final value, arrays included, is what JSONata returns too (mapping.test.ts)
  };
}

/**
 * A path continuing over a list of records (处置人员.工号): JSONata maps it over the list and
 * returns the values found — one as itself, several as a list, none as nothing. Lists met on
 * the way inside those records, or as the values found, follow JSONata's subtler sequence
 * rules: those are left to it.
 */
function overList(list: unknown[], names: string[]): unknown {
  let current: unknown[] = list;
  for (const name of names) {
    const next: unknown[] = [];
    for (const item of current) {
      if (Array.isArray(item)) return ASK_JSONATA;
      if (item === null || typeof item !== 'object') continue;
      const x = (item as Record<string, unknown>)[name];
      if (x === undefined) continue;
      if (Array.isArray(x)) return ASK_JSONATA;
      next.push(x);
    }
    current = next;
  }
  return current.length === 0 ? undefined : current.length === 1 ? current[0] : current;
}

const compiled = new Map<string, Expression>();

/** Compiles (once per text) or throws an ExpressionError naming the position. */
export function compileExpression(text: string): Expression {
  const known = compiled.get(text);
  if (known) return known;
  let expr: jsonata.Expression;
  try {
    expr = jsonata(text);
  } catch (err) {
    const e = err as { message?: string; position?: number };
    throw new ExpressionError(`cannot read expression \`${text}\`: ${e.message ?? err}${e.position !== undefined ? ` (at character ${e.position})` : ''}`);
  }
  const result: Expression = {
    text,
    async evaluate(input, bindings) {
      try {
        return await expr.evaluate(input, bindings);
      } catch (err) {
        const e = err as { message?: string; code?: string };
        throw new ExpressionError(`expression \`${text}\` failed: ${e.message ?? String(err)}`);
      }
    },
    direct: directReader(expr.ast() as unknown as AstNode),
  };
  compiled.set(text, result);
  return result;
}

/** Evaluates, through the shortcut when it can answer. */
export async function evaluate(expr: Expression, input: unknown, bindings?: Record<string, unknown>): Promise<unknown> {
  if (expr.direct) {
    const v = expr.direct(input);
    if (v !== ASK_JSONATA) return v;
  }
  return expr.evaluate(input, bindings);
}
