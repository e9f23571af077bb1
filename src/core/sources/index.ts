/**
 * Source adapters: every kind of system a district already has, read as the contract's feeds
 * and snapshots below the sync engine (src/core/sync/reader.ts). `createSourceReader` is the
 * factory the cockpit gives the engine.
 */
import type { SourceConfig } from '../../shared/config';
import { createDistrictApiReader } from '../sync/districtApiReader';
import type { ReaderDeps, SourceReader } from '../sync/reader';
import { createPostgresReader } from './database/postgresReader';
import { createFolderReader } from './folder/folderReader';
import { createJsonReader } from './mappedJson/reader';

export interface SourceDeps extends ReaderDeps {
  /** Folder relative paths in the configuration resolve against (the configuration file's). */
  baseDir?: string;
}

export function createSourceReader(source: SourceConfig, deps: SourceDeps): SourceReader {
  switch (source.kind) {
    case 'district-api':
      return createDistrictApiReader(source, deps);
    case 'json':
      return createJsonReader(source, deps);
    case 'postgres':
      return createPostgresReader(source, deps);
    case 'folder':
      return createFolderReader(source, { baseDir: deps.baseDir });
  }
}
