import type { Person, PersonnelRole } from '../../../shared/contract';
import { DEPARTMENT_KINDS, type DepartmentKind, type DistrictProfile } from '../districts/types';
import { personName } from '../names';
import { Rng, apportion, hashSeed } from '../prng';
import { DAY, HOUR, isoLocal, localMidnight, toSecond } from '../time';
import type { StaffIndex } from './context';
import type { EventPlan } from './events';

/**
 * People registered in the four platforms (备案登记) and their automatic assessment
 * (自动考核评价), recomputed every night at 02:00 over the last 30 days.
 */

export const ASSESSMENT_WINDOW_MS = 30 * DAY;
const ASSESSMENT_HOUR = 2;

const DEPARTMENT_WEIGHTS: Record<DepartmentKind, number> = {
  justice: 10, police: 22, market: 12, enforcement: 20, emergency: 10, labour: 8, ecology: 6, construction: 7, petition: 5,
};

export interface PersonPlan {
  id: string;
  name: string;
  role: PersonnelRole;
  townCode: string;
  department: string;
  departmentKind: DepartmentKind | null;
  community: string | null;
  /** The community's 治保主任. */
  securityHead: boolean;
  registeredAt: number;
  /** Left the platform (rotated back to the home unit) at this time, if ever. */
  leftAt: number | null;
  /** Probability of a patrol / check-in on a given day. */
  patrolRate: number;
}

export function planPersonnel(profile: DistrictProfile, seed: number, now: number): PersonPlan[] {
  const rng = new Rng(hashSeed(seed, 'personnel'));
  const people: PersonPlan[] = [];
  let n = 0;
  const add = (p: Omit<PersonPlan, 'id' | 'name'>) => {
    n++;
    people.push({ id: `RY${String(n).padStart(5, '0')}`, name: personName(rng), ...p });
  };
  // Registration and leaving happen in office hours.
  const officeTime = (daysAgo: number) => toSecond(localMidnight(now - daysAgo * DAY) + rng.range(8.5, 17.5) * HOUR);
  const since = (minDays: number, maxDays: number) => officeTime(rng.range(minDays, maxDays));

  const perTown = apportion(
    profile.figures.dispatchedActive,
    profile.towns.map((t) => t.population * (t.character === 'industrial' ? 1.1 : 1)),
  );
  profile.towns.forEach((town, ti) => {
    const perKind = apportion(perTown[ti], DEPARTMENT_KINDS.map((k) => DEPARTMENT_WEIGHTS[k]));
    DEPARTMENT_KINDS.forEach((kind, ki) => {
      // A few more than the active count: some have already rotated out (inactive).
      const inactive = perKind[ki] >= 10 ? 1 : 0;
      for (let i = 0; i < perKind[ki] + inactive; i++) {
        const registeredAt = since(160, 330);
        add({
          role: 'dispatched',
          townCode: town.code,
          department: profile.departmentName(town, kind),
          departmentKind: kind,
          community: null,
          securityHead: false,
          registeredAt,
          leftAt: i >= perKind[ki] ? officeTime(rng.range(5, 120)) : null,
          patrolRate: rng.range(0.25, 0.6),
        });
      }
    });
    for (const community of town.communities) {
      const grid = community.kind === '社区' ? rng.int(2, 4) : rng.int(2, 3);
      for (let i = 0; i < grid; i++) {
        add({
          role: 'gridWorker', townCode: town.code, department: community.name, departmentKind: null,
          community: community.name, securityHead: false, registeredAt: since(200, 400), leftAt: null,
          patrolRate: rng.range(0.7, 0.92),
        });
      }
      const staff = rng.int(2, 3);
      for (let i = 0; i < staff; i++) {
        add({
          role: 'communityStaff', townCode: town.code, department: community.name, departmentKind: null,
          community: community.name, securityHead: i === 0, registeredAt: since(200, 400), leftAt: null,
          patrolRate: rng.range(0.4, 0.7),
        });
      }
    }
    for (let i = 0, m = rng.int(4, 7); i < m; i++) {
      add({
        role: 'mediator', townCode: town.code, department: `${town.name}矛调中心`, departmentKind: null,
        community: null, securityHead: false, registeredAt: since(200, 400), leftAt: null,
        patrolRate: rng.range(0.3, 0.5),
      });
    }
  });
  return people;
}

export function staffIndex(people: PersonPlan[]): StaffIndex {
  const dispatched = new Map<string, string[]>();
  const grid = new Map<string, string[]>();
  const heads = new Map<string, string>();
  for (const p of people) {
    if (p.leftAt !== null) continue;
    if (p.role === 'dispatched' && p.departmentKind) {
      const key = `${p.townCode}|${p.departmentKind}`;
      dispatched.set(key, [...(dispatched.get(key) ?? []), p.id]);
    } else if (p.role === 'gridWorker' && p.community) {
      const key = `${p.townCode}|${p.community}`;
      grid.set(key, [...(grid.get(key) ?? []), p.id]);
    } else if (p.securityHead && p.community) {
      heads.set(`${p.townCode}|${p.community}`, p.id);
    }
  }
  return {
    dispatched: (town, kind) => dispatched.get(`${town}|${kind}`) ?? [],
    gridWorkers: (town, community) => grid.get(`${town}|${community}`) ?? [],
    securityHead: (town, community) => heads.get(`${town}|${community}`),
  };
}

/** The latest nightly assessment run at or before t. */
export function lastAssessmentAt(t: number): number {
  const run = localMidnight(t) + ASSESSMENT_HOUR * HOUR;
  return run <= t ? run : run - DAY;
}

/** The person's record as assessed at `at` from the events they handled. */
export function assessPerson(p: PersonPlan, handled: readonly EventPlan[], at: number, seed: number): Person {
  const from = at - ASSESSMENT_WINDOW_MS;
  let count = 0;
  let onTime = 0;
  let rated = 0;
  let satisfied = 0;
  for (const e of handled) {
    if (e.handledAt < from || e.handledAt > at) continue;
    count++;
    const limitAt = e.acceptedAt + e.handleLimitMs;
    if (e.closedAt <= at ? e.closedAt <= limitAt : at <= limitAt) onTime++;
    if (e.ratedAt !== null && e.ratedAt <= at) {
      rated++;
      if (e.satisfaction === 'satisfied') satisfied++;
    }
  }
  let patrolDays = 0;
  const firstDay = Math.max(from, p.registeredAt);
  for (let d = localMidnight(firstDay); d < at; d += DAY) {
    if (new Rng(hashSeed(seed, p.id, d)).next() < p.patrolRate) patrolDays++;
  }
  // No events handled means nothing late and nobody unhappy: the rates read 1.
  const onTimeRate = count ? onTime / count : 1;
  const satisfactionRate = rated ? satisfied / rated : 1;
  const score =
    40 + 10 * Math.min(1, count / 8) + 20 * onTimeRate + 20 * satisfactionRate + 10 * Math.min(1, patrolDays / 22);
  const active = p.leftAt === null || p.leftAt > at;
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    townCode: p.townCode,
    department: p.department,
    registeredAt: isoLocal(p.registeredAt),
    active,
    metrics: {
      eventsHandled: count,
      onTimeRate: round3(onTimeRate),
      satisfactionRate: round3(satisfactionRate),
      patrolDays,
    },
    score: Math.round(Math.min(100, score) * 10) / 10,
    updatedAt: isoLocal(active ? at : p.leftAt!),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
