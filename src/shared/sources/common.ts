/** What every kind of source's configuration shares: its id, poll intervals, secrets by name. */
import { z } from 'zod';
import { FEED_NAMES, SNAPSHOT_NAMES } from '../contract';

const seconds = z.number().positive().max(86_400);
export const endpointNameSchema = z.enum([...FEED_NAMES, ...SNAPSHOT_NAMES] as [string, ...string[]]);
export const envVarName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A–Z, 0–9, _)');

export const commonSourceFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  /** Poll interval in seconds, for every endpoint unless overridden. */
  intervalSec: seconds.default(30),
  intervalsSec: z.partialRecord(endpointNameSchema, seconds).default({}),
  /** Abort one request (or query) after this long, milliseconds. */
  timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
};

/**
 * A secret named, never written: an environment variable, or an entry of the desktop app's
 * secure storage (`secret`). The value is looked up at each poll and never logged.
 */
export const secretRefSchema = z.union([
  z.strictObject({ env: envVarName }),
  z.strictObject({ secret: z.string().min(1).max(100) }),
]);
export type SecretRef = z.infer<typeof secretRefSchema>;

/** A fixed UTC offset such as "+08:00": how local times without an offset are read. */
export const utcOffsetSchema = z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'an offset such as +08:00').default('+08:00');
