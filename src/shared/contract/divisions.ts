import { z } from 'zod';
import { divisionCode, isoTime, lonLat, nonEmpty, population, townCode } from './common';

export const townKindSchema = z.enum(['街道', '镇', '乡']);

export const communitySchema = z.object({
  code: z.string().regex(/^\d{12}$/, 'a 12-digit community code'),
  name: nonEmpty,
  townCode,
  kind: z.enum(['社区', '村']),
});
export type Community = z.infer<typeof communitySchema>;

export const townSchema = z.object({
  code: townCode,
  name: nonEmpty,
  kind: townKindSchema,
  /** Seat (government location), WGS84 longitude, latitude. */
  seat: lonLat,
  /** Resident population, persons. */
  population,
});
export type Town = z.infer<typeof townSchema>;

/** GET /v1/divisions — the district, its towns and communities. Snapshot (ETag). */
export const divisionsSchema = z.object({
  asOf: isoTime,
  district: z.object({
    code: divisionCode,
    name: nonEmpty,
    /** Area in km². */
    areaKm2: z.number().min(0.01).max(1_000_000),
    population,
  }),
  towns: z.array(townSchema).min(1),
  communities: z.array(communitySchema),
});
export type Divisions = z.infer<typeof divisionsSchema>;
