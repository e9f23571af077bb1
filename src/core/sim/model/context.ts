import type { DistrictProfile, DepartmentKind, TownProfile } from '../districts/types';

/** What the record generators need to know about the district and its people. */
export interface SimContext {
  seed: number;
  profile: DistrictProfile;
  /** Town weights for volume: population × event intensity. */
  townWeights: number[];
  staff: StaffIndex;
}

export interface StaffIndex {
  /** Active dispatched staff of a department kind in a town. */
  dispatched(townCode: string, kind: DepartmentKind): string[];
  gridWorkers(townCode: string, community: string): string[];
  /** The community's 治保主任 (security head), a community staff member. */
  securityHead(townCode: string, community: string): string | undefined;
}

export function townByCode(profile: DistrictProfile, code: string): TownProfile {
  const town = profile.towns.find((t) => t.code === code);
  if (!town) throw new Error(`unknown town ${code}`);
  return town;
}
