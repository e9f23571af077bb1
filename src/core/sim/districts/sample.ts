import type { EventType } from '../../../shared/contract';
import type { DepartmentKind, DistrictProfile } from './types';

/**
 * 示例区: a small made-up district (three towns, code 330199), nothing of Linping in it. The
 * tests simulate it end to end to show that another district is another profile file — the
 * simulator, the sync, the read model and the story run on whatever a profile says.
 */

const MIX: Record<EventType, number> = {
  dispute: 12, rental: 10, propertyMgmt: 12, wageArrears: 8, environment: 10,
  cityAppearance: 14, safetyHazard: 12, trafficOrder: 10, petition: 5, other: 7,
};

const SUFFIX: Record<DepartmentKind, string> = {
  justice: '司法所', police: '派出所', market: '市场监管所', enforcement: '执法中队', emergency: '应急站',
  labour: '劳动保障所', ecology: '生态环境所', construction: '城建办', petition: '信访办',
};

export const SAMPLE_DISTRICT: DistrictProfile = {
  code: '330199',
  name: '示例区',
  areaKm2: 96,
  districtCentre: '示例区社会治理中心',
  departmentName: (town, kind) => `${town.short}${SUFFIX[kind]}`,
  figures: { dispatchedActive: 40, eventsAccepted: 600, followers: 1200, consultationsHeld: 50, consultationsAgreed: 41 },
  showcaseEvents: [],
  showcaseConsultations: [],
  storyCast: {
    telecomFraud: '330199002',
    warehouseFire: '330199002',
    riverOdour: '330199101',
    foodSampling: '330199001',
    trafficAccidents: '330199101',
    neighbourDisputes: '330199001',
    enterpriseHazards: '330199002',
  },
  towns: [
    {
      code: '330199001', name: '青石街道', short: '青石', kind: '街道', seat: [120.05, 30.25], population: 62_000,
      character: 'oldCentre', eventMix: MIX, eventIntensity: 1.1,
      communities: [{ name: '青石社区', kind: '社区' }, { name: '柳巷社区', kind: '社区' }],
    },
    {
      code: '330199002', name: '白塔街道', short: '白塔', kind: '街道', seat: [120.09, 30.22], population: 48_000,
      character: 'industrial', eventMix: MIX, eventIntensity: 1.0,
      communities: [{ name: '白塔社区', kind: '社区' }, { name: '工业园区', kind: '社区' }],
    },
    {
      code: '330199101', name: '苇塘镇', short: '苇塘', kind: '镇', seat: [120.02, 30.3], population: 27_000,
      character: 'villages', eventMix: MIX, eventIntensity: 0.9,
      communities: [{ name: '苇塘村', kind: '村' }, { name: '南湾村', kind: '村' }],
    },
  ],
};
