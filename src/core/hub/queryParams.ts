import { z } from 'zod';
import { describeIssues } from '../../shared/contract';
import { QUERY_NAMES, type QueryName, type QueryParams } from '../../shared/readModel';

const none = z.object({}).strict();
const week = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** What each query accepts, strictly: an unknown key is an error, not silently ignored. */
const PARAMS: { [K in QueryName]: z.ZodType<QueryParams<K>> } = {
  config: none as z.ZodType<Record<string, never>>,
  meta: none as z.ZodType<Record<string, never>>,
  health: none as z.ZodType<Record<string, never>>,
  overview: z.object({ week: week.optional() }).strict(),
  risk: z.object({ week: week.optional() }).strict(),
  events: none as z.ZodType<Record<string, never>>,
  consultation: none as z.ZodType<Record<string, never>>,
  town: z.object({ code: z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'expected a division code'), week: week.optional() }).strict(),
  map: z.object({ level: z.enum(['city', 'district']).optional() }).strict(),
};

export type ParsedQuery = { ok: true; name: QueryName; params: QueryParams<QueryName> } | { ok: false; error: string };

/** Validate `/api/query/:name?params=<json>` into a query the core can answer, or say what is wrong. */
export function parseQuery(name: string, rawParams: string | null): ParsedQuery {
  if (!(QUERY_NAMES as readonly string[]).includes(name)) {
    return { ok: false, error: `unknown query "${name.slice(0, 40)}"; expected one of ${QUERY_NAMES.join(', ')}` };
  }
  let json: unknown = {};
  if (rawParams != null && rawParams !== '') {
    try {
      json = JSON.parse(rawParams);
    } catch {
      return { ok: false, error: `query ${name}: params is not valid JSON` };
    }
  }
  const result = PARAMS[name as QueryName].safeParse(json);
  if (!result.success) return { ok: false, error: `query ${name}: params ${describeIssues(result.error)}` };
  return { ok: true, name: name as QueryName, params: result.data };
}
