import { describeIssues } from '../../shared/contract';
import { isQueryName, parseQueryParams, QUERY_NAMES, type QueryName, type QueryParams } from '../../shared/queries';

export type ParsedQuery = { ok: true; name: QueryName; params: QueryParams<QueryName> } | { ok: false; error: string };

/**
 * Validate `/api/query/:name?params=<json>` into a query the core can answer, or say what is
 * wrong. The params are checked by the query registry, as main checks them for IPC.
 */
export function parseQuery(name: string, rawParams: string | null): ParsedQuery {
  if (!isQueryName(name)) {
    return { ok: false, error: `unknown query "${name.slice(0, 40)}"; expected one of ${QUERY_NAMES.join(', ')}` };
  }
  let json: unknown = undefined;
  if (rawParams != null && rawParams !== '') {
    try {
      json = JSON.parse(rawParams);
    } catch {
      return { ok: false, error: `query ${name}: params is not valid JSON` };
    }
  }
  const parsed = parseQueryParams(name, json);
  if (!parsed.ok) return { ok: false, error: `query ${name}: params ${describeIssues(parsed.error)}` };
  return { ok: true, name, params: parsed.params };
}
