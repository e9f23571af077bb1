/**
 * What the sync engine reads a source through. A reader turns its system (a District API
 * service, a mapped JSON API, a folder of spreadsheets, a database view) into contract-shaped
 * feed pages with cursors and snapshot documents; everything above it — envelope and record
 * validation, quarantine, the cursor's transaction, non-converging feeds, health — is the
 * engine's and the same for every kind of source. So bad data never replaces good data,
 * whatever the system behind a source.
 */
import type { SourceConfig } from '../../shared/config';
import type { QuarantinedRecord } from '../cache';
import type { EndpointSpec } from './endpoints';

export type FeedSpec = Extract<EndpointSpec, { kind: 'feed' }>;
export type SnapshotSpec = Extract<EndpointSpec, { kind: 'snapshot' }>;

export interface FeedRequest {
  /** Where to resume: the cursor of the last committed page (null: from the beginning). */
  cursor: string | null;
  /** Most records wanted in the page. */
  limit: number;
  /** Validator of exactly this request, when the last poll stored one at the tip. */
  etag: string | null;
  signal: AbortSignal;
}

export type FeedRead =
  | { status: 304 }
  | {
      status: 200;
      /** The page, still untrusted: the engine checks it against the feed envelope. */
      page: unknown;
      etag: string | null;
      /** Records the reader itself could not turn into contract records (e.g. a mapping error). */
      rejected?: QuarantinedRecord[];
      /** Why item `index` failed its schema, in the source's terms (its file, row, expression…). */
      explain?: (index: number, issues: string) => string;
      /** Ids of records this source no longer holds (a folder configured as the whole truth). */
      removed?: string[];
    };

export type SnapshotRead =
  | { status: 304 }
  | {
      status: 200;
      doc: unknown;
      etag: string | null;
      /** The document as received, to recognise a bad document served again. */
      text: string;
      explain?: (issues: string) => string;
    };

export interface SourceReader {
  /** Where the source is, for health and logs: never with a credential. */
  readonly location: string;
  /**
   * Endpoints this source serves when its configuration says so; null: ask the source's
   * /v1/meta (a District API service).
   */
  readonly serves: readonly string[] | null;
  readFeed(spec: FeedSpec, req: FeedRequest): Promise<FeedRead>;
  readSnapshot(spec: SnapshotSpec, etag: string | null, signal: AbortSignal): Promise<SnapshotRead>;
  /** Values that must never appear in logs, errors or health (tokens, passwords). */
  secrets(): string[];
  /** Releases what the reader holds (connections, watchers). */
  close?(): Promise<void>;
}

/** Builds the reader of a configured source (the engine's default knows District API services). */
export type ReaderFactory = (source: SourceConfig, deps: ReaderDeps) => SourceReader;

export interface ReaderDeps {
  /** Looks up a secret by name (the desktop app's secure storage); env secrets need no help. */
  resolveSecret?: (name: string) => Promise<string | undefined>;
  fetchImpl?: typeof fetch;
}
