/**
 * A source of the cockpit's data, by kind: a District API service (the default, `kind` may be
 * left out), a mapped JSON API, a watched folder of spreadsheets, or a PostgreSQL query per feed.
 */
import { z } from 'zod';
import type { SecretRef } from './common';
import { districtApiSourceSchema } from './districtApi';
import { folderSourceSchema } from './folder';
import { jsonSourceSchema } from './mappedJson';
import { postgresSourceSchema } from './database';

export * from './common';
export * from './mapping';
export * from './districtApi';
export * from './mappedJson';
export * from './folder';
export * from './database';

export const SOURCE_KINDS = ['district-api', 'json', 'folder', 'postgres'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sourceConfigSchema = z.discriminatedUnion('kind', [districtApiSourceSchema, jsonSourceSchema, folderSourceSchema, postgresSourceSchema]);
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

/** Every secret a source refers to, by reference (never its value). */
export function secretRefsOf(source: SourceConfig): SecretRef[] {
  switch (source.kind) {
    case 'district-api':
      return [
        ...(source.tokenEnv ? [{ env: source.tokenEnv }] : []),
        ...(source.tokenSecret ? [{ secret: source.tokenSecret }] : []),
      ];
    case 'json': {
      const a = source.auth;
      if (a.type === 'bearer') return [a.token];
      if (a.type === 'basic') return [a.password];
      if (a.type === 'apiKey') return [a.key];
      if (a.type === 'signed') return [a.appSecret];
      return [];
    }
    case 'postgres':
      return source.password ? [source.password] : [];
    case 'folder':
      return [];
  }
}
