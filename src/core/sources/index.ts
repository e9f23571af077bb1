/**
 * Source adapters: every kind of system a district already has, read as the contract's feeds
 * and snapshots below the sync engine (src/core/sync/reader.ts). `createSourceReader` is the
 * factory the cockpit gives the engine.
 */
import type { SourceConfig } from '../../shared/config';
import { createDistrictApiReader } from '../sync/districtApiReader';
import type { ReaderDeps, SourceReader } from '../sync/reader';
import { createPostgresReader } from './database/postgresReader';
import { createJsonReader } from './mappedJson/reader';

export function createSourceReader(source: SourceConfig, deps: ReaderDeps): SourceReader {
  switch (source.kind) {
    case 'district-api':
      return createDistrictApiReader(source, deps);
    case 'json':
      return createJsonReader(source, deps);
    case 'postgres':
      return createPostgresReader(source, deps);
    case 'folder':
      throw new Error(`source ${source.id}: kind '${source.kind}' is not available yet`);
  }
}
