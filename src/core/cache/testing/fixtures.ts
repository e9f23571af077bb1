/** Small valid documents and records for cache and sync tests (validated in the tests). */
import type { Divisions, Followers, Kpis, Warning } from '../../../shared/contract';

export function divisionsDoc(townCount = 3): Divisions {
  const towns = Array.from({ length: townCount }, (_, i) => ({
    code: `33011300${i + 1}`,
    name: `测试街道${i + 1}`,
    kind: '街道' as const,
    seat: [120.2 + i / 100, 30.4] as [number, number],
    population: 50_000 + i,
  }));
  return {
    asOf: '2026-11-01T00:00:00+08:00',
    district: { code: '330113', name: '临平区', areaKm2: 285, population: 1_000_000 },
    towns,
    communities: towns.map((t, i) => ({ code: `${t.code}00${i}`, name: `社区${i}`, townCode: t.code, kind: '社区' as const })),
  };
}

export function followersDoc(days: number, base = 14_000): Followers {
  return {
    asOf: '2026-11-01T00:00:00+08:00',
    series: Array.from({ length: days }, (_, i) => ({
      date: new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10),
      followers: base + i,
    })),
  };
}

export function kpisDoc(asOf: string, eventsAccepted = 15_291): Kpis {
  return {
    asOf,
    dispatchedPersonnel: 871,
    eventsAccepted,
    acceptOverdueRatePct: 0,
    satisfactionRatePct: 100,
    consultationFollowers: 14_341,
    consultationsHeld: 938,
    consultationSuccessRatePct: 96,
    disputesReceived: 500,
    disputesResolvedAtSource: 450,
    warningsOpen: 2,
  };
}

export function warningRecord(id: string, status: Warning['status'], updatedAt: string): Warning {
  const history: Warning['history'] = [{ status: 'open', at: '2026-10-01T09:00:00+08:00', note: '发布橙色预警' }];
  if (status !== 'open') history.push({ status, at: updatedAt, note: status === 'closed' ? '整改完成' : '开始整改' });
  return {
    id,
    townCode: '330113004',
    level: 'orange',
    kind: 'assessed',
    dimension: 'publicOrder',
    indicator: 'telecomFraud',
    title: '星桥街道电信网络诈骗橙色预警',
    issuedAt: '2026-10-01T09:00:00+08:00',
    causeAnalysis: '电信诈骗集中在4个社区，工业园区占比最高，防范责任不清',
    rectification: '明确防范责任，开展园区专项整治',
    communities: ['星桥社区'],
    status,
    history,
    updatedAt,
  };
}
