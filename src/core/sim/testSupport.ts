import { request } from 'node:http';
import type { FeedName } from '../../shared/contract';
import { FEEDS, feedPageSchema } from '../../shared/contract';

/**
 * Plain HTTP helpers for the simulator's tests: no retry, no validation beyond what a test
 * asks for, so what the server really sent is what the test sees.
 */

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request; resolves with whatever arrived, rejects on a socket error. */
export function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { connection: 'close', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
      res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET', partial: Buffer.concat(chunks) })));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export async function getJson(url: string): Promise<unknown> {
  const res = await rawGet(url);
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${res.body}`);
  return JSON.parse(res.body);
}

export async function postJson(url: string, value: unknown, method = 'POST'): Promise<RawResponse> {
  const body = JSON.stringify(value);
  // Explicit length: Node sends DELETE bodies neither chunked nor with a length otherwise.
  return rawGet(url, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, method, body);
}

/** Every record of a feed, page by page from the start; also each page's raw items. */
export async function readFeed(base: string, feed: FeedName, limit = 5000, cursor = '0'): Promise<{ items: unknown[]; pages: number; cursor: string }> {
  const items: unknown[] = [];
  let pages = 0;
  for (;;) {
    const page = feedPageSchema.parse(await getJson(`${base}${FEEDS[feed].path}?cursor=${cursor}&limit=${limit}`));
    pages++;
    items.push(...page.items);
    cursor = page.cursor;
    if (!page.hasMore) return { items, pages, cursor };
  }
}

/** The feed's current end cursor, found by bisection with one-record pages (cheap). */
export async function endCursor(base: string, feed: FeedName): Promise<string> {
  let lo = 0;
  let hi = 1;
  const emptyAfter = async (c: number) =>
    feedPageSchema.parse(await getJson(`${base}${FEEDS[feed].path}?cursor=${c}&limit=1`)).items.length === 0;
  while (!(await emptyAfter(hi))) hi *= 2;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await emptyAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return String(lo);
}
