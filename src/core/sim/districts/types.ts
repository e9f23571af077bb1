import type { ConsultationCategory, EventType } from '../../../shared/contract';

/**
 * A simulated district described as data. The generators read only this, so another
 * district is another profile file, not a code change.
 */

/** Town-level department kinds that staff are dispatched from (下沉) and events flow to. */
export const DEPARTMENT_KINDS = [
  'justice',
  'police',
  'market',
  'enforcement',
  'emergency',
  'labour',
  'ecology',
  'construction',
  'petition',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** What a town is like; drives which events and disputes it sees. */
export type TownCharacter = 'oldCentre' | 'newTown' | 'industrial' | 'villages';

export interface CommunityProfile {
  name: string;
  kind: '社区' | '村';
}

export interface TownProfile {
  code: string;
  name: string;
  /** Used in department names: 东湖 → 东湖司法所. */
  short: string;
  kind: '街道' | '镇' | '乡';
  /** WGS84 longitude, latitude of the town government. */
  seat: [number, number];
  population: number;
  character: TownCharacter;
  /** Relative share of each event type in this town (normalised when used). */
  eventMix: Record<EventType, number>;
  /** Events per resident relative to the district average (1 = average). */
  eventIntensity: number;
  /** Communities and villages; industrial parks listed as community-level units. */
  communities: CommunityProfile[];
}

/** Headline figures the default history reproduces exactly (a demo tells the source's story). */
export interface HeadlineFigures {
  /** Active personnel with role 'dispatched' (备案登记下沉人员). */
  dispatchedActive: number;
  /** Events with acceptedAt set (全程考核受理各类事件); none accept-overdue, all rated satisfied. */
  eventsAccepted: number;
  /** 云上板凳 followers at `now`. */
  followers: number;
  /** Consultations ended (held) and, of those, agreed. */
  consultationsHeld: number;
  consultationsAgreed: number;
}

/** A quickly settled event told in the source material, placed in the history as told. */
export interface ShowcaseEvent {
  townCode: string;
  community: string;
  type: EventType;
  title: string;
  /** Department that mediated; the community's 治保主任 and a grid worker join it. */
  department: DepartmentKind;
  /** Reported this many days before `now`, at this local time (minutes after midnight). */
  daysAgo: number;
  atMinute: number;
  /** From acceptance to closing, minutes. */
  minutesToClose: number;
}

/** A consultation session told in the source material. */
export interface ShowcaseConsultation {
  townCode: string;
  community: string;
  category: ConsultationCategory;
  topic: string;
  /** Local start time, minutes after midnight. */
  slotMin: number;
  /** Where in the history it falls: 0 = oldest session, 1 = newest. */
  position: number;
}

/**
 * The episodes of the simulator's 五色图 story (src/core/sim/riskStory.ts), each told in one
 * town the profile casts: the article's telecom-fraud warning, a warehouse fire, and the rest.
 */
export const STORY_ROLES = [
  'telecomFraud',
  'warehouseFire',
  'riverOdour',
  'foodSampling',
  'trafficAccidents',
  'neighbourDisputes',
  'enterpriseHazards',
] as const;
export type StoryRole = (typeof STORY_ROLES)[number];

export interface DistrictProfile {
  code: string;
  name: string;
  areaKm2: number;
  /** Name of the district-level mediation centre (区矛调中心). */
  districtCentre: string;
  /** Department name for a kind in a town. */
  departmentName(town: TownProfile, kind: DepartmentKind): string;
  towns: TownProfile[];
  figures: HeadlineFigures;
  showcaseEvents: ShowcaseEvent[];
  showcaseConsultations: ShowcaseConsultation[];
  /** Which of this district's towns (by code) each episode of the risk story happens in; towns may share episodes. */
  storyCast: Record<StoryRole, string>;
  /** Town where the online consultation platform started: it holds more sessions. */
  consultationHubTown?: string;
}
