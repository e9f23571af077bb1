/**
 * The answers a wall needs for its first picture, written into the page by the hub so the
 * first paint does not wait for a round of queries after the code has loaded: every query
 * whose params are all optional, asked with none (what each page shows first), in a
 * `<script type="application/json">` — data, never run, escaped for a script context.
 * The renderer seeds its query cache from it and refetches once its change stream is up.
 */
import { isQueryName, parseQueryParams, QUERY_NAMES, type QueryName } from './queries';

export const BOOT_ELEMENT_ID = 'cockpit-boot';

export interface BootAnswer {
  name: QueryName;
  result: unknown;
}

export interface BootData {
  /** When the hub asked (ISO), for diagnostics. */
  at: string;
  answers: BootAnswer[];
}

/** The registry's queries that take no required params: each page's first questions. */
export function bootQueries(): QueryName[] {
  return QUERY_NAMES.filter((name) => parseQueryParams(name, {}).ok);
}

/**
 * The `<script>` element carrying `data`. JSON is not safe in HTML as it is: `</script>` or
 * `<!--` inside a string would end or change the element. Every `<`, `>` and `&` is written as
 * a \u escape (JSON.parse reads them back), and so are U+2028/U+2029.
 */
export function bootElement(data: BootData): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${BOOT_ELEMENT_ID}">${json}</script>`;
}

/** The page with the boot element put before `</head>` (at its end if it has none). */
export function withBootElement(html: string, data: BootData): string {
  const at = html.indexOf('</head>');
  return at < 0 ? `${html}${bootElement(data)}` : `${html.slice(0, at)}${bootElement(data)}${html.slice(at)}`;
}

/** The boot data from the element's text, keeping only well-formed answers to known queries. */
export function parseBoot(text: string): BootAnswer[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const answers = (data as Partial<BootData> | null)?.answers;
  if (!Array.isArray(answers)) return [];
  return answers.filter(
    (a): a is BootAnswer => typeof a === 'object' && a !== null && isQueryName((a as BootAnswer).name) && (a as BootAnswer).result != null,
  );
}
