/** A service that speaks District API v1 itself (docs/district-api.md): the native kind. */
import { z } from 'zod';
import { commonSourceFields, envVarName } from './common';

export const maxBodyBytesSchema = z.number().int().min(1024).max(512 * 1024 * 1024).default(32 * 1024 * 1024);

export const districtApiSourceSchema = z.object({
  /** Optional: a source without `kind` is a District API service. */
  kind: z.literal('district-api').default('district-api'),
  ...commonSourceFields,
  /** Base URL of a District API v1 service (the part before /v1/...). */
  url: z.url({ protocol: /^https?$/ }),
  /** Largest response body accepted, bytes. Bigger bodies store nothing. */
  maxBodyBytes: maxBodyBytesSchema,
  /** Name of an environment variable holding a bearer token (never the token itself). */
  tokenEnv: envVarName.optional(),
  /** Name of a token stored with the desktop app's secure storage. */
  tokenSecret: z.string().min(1).max(100).optional(),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().max(1000)).default({}),
});
export type DistrictApiSourceConfig = z.infer<typeof districtApiSourceSchema>;
