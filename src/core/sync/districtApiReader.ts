/**
 * The native reader: a service that speaks District API v1 itself. Pages and documents are
 * fetched as they are (the engine checks their envelope and records); the bearer token is
 * looked up at each poll, so a rotated token is used at once.
 */
import type { DistrictApiSourceConfig } from '../../shared/config';
import type { SourceConfig } from '../../shared/config';
import { displayUrl, endpointUrl } from './endpoints';
import { fetchBody } from './fetchBody';
import { PageRejected } from './pageRejected';
import type { ReaderDeps, SourceReader } from './reader';
import { sourceHeaders } from './requestHeaders';

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PageRejected(`malformed JSON: ${(err as Error).message.slice(0, 160)}`);
  }
}

export function createDistrictApiReader(source: DistrictApiSourceConfig, deps: ReaderDeps = {}): SourceReader {
  let secrets: string[] = [];
  const request = async (url: string, etag: string | null, signal: AbortSignal) => {
    const auth = await sourceHeaders(source, deps.resolveSecret);
    secrets = auth.secrets;
    return fetchBody(url, {
      headers: etag ? { ...auth.headers, 'if-none-match': etag } : auth.headers,
      timeoutMs: source.timeoutMs,
      maxBodyBytes: source.maxBodyBytes,
      fetchImpl: deps.fetchImpl,
      signal,
    });
  };
  return {
    location: displayUrl(source.url),
    serves: null,
    async readFeed(spec, req) {
      const res = await request(endpointUrl(source.url, spec.path, { cursor: req.cursor, limit: req.limit }), req.etag, req.signal);
      if (res.status === 304) return { status: 304 };
      return { status: 200, page: parseJson(res.text), etag: res.etag };
    },
    async readSnapshot(spec, etag, signal) {
      const res = await request(endpointUrl(source.url, spec.path), etag, signal);
      if (res.status === 304) return { status: 304 };
      return { status: 200, doc: parseJson(res.text), etag: res.etag, text: res.text };
    },
    secrets: () => secrets,
  };
}

/** The engine's default: District API services only (other kinds come from src/core/sources). */
export function districtApiOnly(source: SourceConfig, deps: ReaderDeps): SourceReader {
  if (source.kind !== 'district-api') throw new Error(`source ${source.id}: kind '${source.kind}' needs the source adapters (src/core/sources)`);
  return createDistrictApiReader(source, deps);
}
