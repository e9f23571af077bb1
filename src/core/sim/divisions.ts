import type { Divisions, Town } from '../../shared/contract';
import type { DistrictProfile } from './districts/types';

/** GET /v1/divisions from the district profile. */

export function contractTowns(profile: DistrictProfile): Town[] {
  return profile.towns.map((t) => ({ code: t.code, name: t.name, kind: t.kind, seat: t.seat, population: t.population }));
}

export function buildDivisions(profile: DistrictProfile, asOf: string): Divisions {
  return {
    asOf,
    district: {
      code: profile.code,
      name: profile.name,
      areaKm2: profile.areaKm2,
      population: profile.towns.reduce((a, t) => a + t.population, 0),
    },
    towns: contractTowns(profile),
    communities: profile.towns.flatMap((t) => {
      let neighbourhoods = 0;
      let villages = 0;
      return t.communities.map((c) => ({
        // Statistical codes: 居委会 from 001, 村委会 from 201.
        code: `${t.code}${String(c.kind === '社区' ? ++neighbourhoods : 200 + ++villages).padStart(3, '0')}`,
        name: c.name,
        townCode: t.code,
        kind: c.kind,
      }));
    }),
  };
}
