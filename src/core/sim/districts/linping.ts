import type { EventType } from '../../../shared/contract';
import type { CommunityProfile, DepartmentKind, DistrictProfile, TownProfile } from './types';

/**
 * 临平区 (Linping District, Hangzhou, code 330113). Seats are the public WGS84 town seats;
 * populations are plausible round figures summing to about 1.13 million; community lists
 * are representative, not an official roster. Old centres (临平, 南苑) see property and
 * rental trouble, industrial 星桥/乔司 wage arrears and safety hazards, 塘栖镇's villages
 * environment complaints.
 */

const MIX: Record<TownProfile['character'], Record<EventType, number>> = {
  oldCentre: {
    dispute: 14, rental: 15, propertyMgmt: 20, wageArrears: 3, environment: 4,
    cityAppearance: 16, safetyHazard: 8, trafficOrder: 10, petition: 4, other: 6,
  },
  newTown: {
    dispute: 13, rental: 11, propertyMgmt: 16, wageArrears: 6, environment: 7,
    cityAppearance: 15, safetyHazard: 10, trafficOrder: 10, petition: 5, other: 7,
  },
  industrial: {
    dispute: 9, rental: 12, propertyMgmt: 6, wageArrears: 17, environment: 9,
    cityAppearance: 10, safetyHazard: 19, trafficOrder: 8, petition: 4, other: 6,
  },
  villages: {
    dispute: 14, rental: 5, propertyMgmt: 4, wageArrears: 6, environment: 24,
    cityAppearance: 13, safetyHazard: 12, trafficOrder: 7, petition: 6, other: 9,
  },
};

const sq = (names: string[]): CommunityProfile[] => names.map((name) => ({ name, kind: '社区' }));
const vil = (names: string[]): CommunityProfile[] => names.map((name) => ({ name, kind: '村' }));

const DEPARTMENT_SUFFIX: Record<DepartmentKind, string> = {
  justice: '司法所',
  police: '派出所',
  market: '市场监管所',
  enforcement: '综合执法中队',
  emergency: '应急管理站',
  labour: '劳动保障所',
  ecology: '生态环境所',
  construction: '城建办',
  petition: '信访办',
};

export const LINPING: DistrictProfile = {
  code: '330113',
  name: '临平区',
  areaKm2: 286,
  districtCentre: '临平区社会治理中心（区矛调中心）',
  departmentName: (town, kind) =>
    kind === 'emergency' || kind === 'construction' || kind === 'petition'
      ? `${town.name}${DEPARTMENT_SUFFIX[kind]}`
      : `${town.short}${DEPARTMENT_SUFFIX[kind]}`,
  // The article (2021): 备案登记下沉人员871人, 受理各类事件15291件, 受理超时率0%, 满意率100%;
  // 云上板凳 关注人数14341人, 开展协商938次, 成功率96% (900 of 938 rounds to 96).
  figures: { dispatchedActive: 871, eventsAccepted: 15_291, followers: 14_341, consultationsHeld: 938, consultationsAgreed: 900 },
  // 东湖街道龙船坞社区的一起租赁纠纷 … 司法所工作人员、社区治保主任、专职网格员 … 不到30分钟双方就达成和解.
  showcaseEvents: [
    {
      townCode: '330113003', community: '龙船坞社区', type: 'rental', title: '龙船坞社区房屋租赁纠纷（押金与维修费用争议）',
      department: 'justice', daysAgo: 6, atMinute: 10 * 60 + 12, minutesToClose: 28,
    },
  ],
  // 南苑街道: 农贸市场运营模式评议直播会, and the 社区妇联 “云畅聊” on 巾帼志愿者 in waste sorting.
  showcaseConsultations: [
    { townCode: '330113002', community: '南苑社区', category: 'marketOperation', topic: '农贸市场运营模式评议直播会', slotMin: 19 * 60, position: 0.78 },
    { townCode: '330113002', community: '东方社区', category: 'wasteSorting', topic: '“云畅聊”：巾帼志愿者如何在垃圾分类中更好发挥作用', slotMin: 14 * 60 + 30, position: 0.86 },
  ],
  consultationHubTown: '330113002',
  // The article's 星桥 telecom fraud; the rest where a Linping town would plausibly see it.
  storyCast: {
    telecomFraud: '330113004', // 星桥街道
    warehouseFire: '330113006', // 乔司街道
    riverOdour: '330113007', // 运河街道
    foodSampling: '330113003', // 东湖街道
    trafficAccidents: '330113102', // 塘栖镇
    neighbourDisputes: '330113002', // 南苑街道
    enterpriseHazards: '330113008', // 崇贤街道
  },
  towns: [
    {
      code: '330113001', name: '临平街道', short: '临平', kind: '街道', seat: [120.2985, 30.422],
      population: 188_000, character: 'oldCentre', eventMix: MIX.oldCentre, eventIntensity: 1.1,
      communities: sq(['西大街社区', '北大街社区', '东大街社区', '南大街社区', '梅堰社区', '望梅社区', '邱山社区',
        '景星观社区', '人民社区', '凤凰社区', '华宁社区', '世纪社区', '西洋桥社区', '安平社区']),
    },
    {
      code: '330113002', name: '南苑街道', short: '南苑', kind: '街道', seat: [120.3045, 30.4084],
      population: 156_000, character: 'oldCentre', eventMix: MIX.oldCentre, eventIntensity: 1.05,
      communities: [
        ...sq(['南苑社区', '高地社区', '新洲社区', '鼎盛社区', '怡丰社区', '东方社区', '木桥头社区', '迎宾社区',
          '藕花洲社区', '振兴社区', '九曲营社区']),
        ...vil(['联盟村', '钱塘村']),
      ],
    },
    {
      code: '330113003', name: '东湖街道', short: '东湖', kind: '街道', seat: [120.3045, 30.4431],
      population: 172_000, character: 'newTown', eventMix: MIX.newTown, eventIntensity: 1.0,
      communities: [
        ...sq(['龙船坞社区', '东湖社区', '五星社区', '新宇社区', '临东社区', '荷禹社区', '鼎新社区', '东来社区',
          '方安社区', '红丰社区', '野风社区', '超峰社区']),
        ...vil(['东湖村', '红联村']),
      ],
    },
    {
      code: '330113004', name: '星桥街道', short: '星桥', kind: '街道', seat: [120.2525, 30.3969],
      population: 151_000, character: 'industrial', eventMix: MIX.industrial, eventIntensity: 1.15,
      communities: [
        ...sq(['星桥社区', '汤家社区', '天都城社区', '枉山社区', '星都社区', '里山社区', '红普社区', '星城社区',
          '南洋社区', '都市产业园区']),
        ...vil(['树塘村', '安乐村', '新丰村']),
      ],
    },
    {
      code: '330113006', name: '乔司街道', short: '乔司', kind: '街道', seat: [120.2819, 30.3518],
      population: 205_000, character: 'industrial', eventMix: MIX.industrial, eventIntensity: 1.1,
      communities: [
        ...sq(['乔司社区', '方桥社区', '朝阳社区', '永玄社区', '翁梅社区', '乔莫社区', '保庆社区', '胜稼社区',
          '汀洲社区', '葛家社区']),
        ...vil(['三角村', '草庵村', '五星村']),
      ],
    },
    {
      code: '330113007', name: '运河街道', short: '运河', kind: '街道', seat: [120.2951, 30.4892],
      population: 68_000, character: 'villages', eventMix: MIX.newTown, eventIntensity: 0.9,
      communities: [
        ...sq(['博陆社区', '五杭社区', '亭趾社区', '双桥社区']),
        ...vil(['杨家村', '东山村', '戈庄村', '六里村', '运河村', '九龙村']),
      ],
    },
    {
      code: '330113008', name: '崇贤街道', short: '崇贤', kind: '街道', seat: [120.1702, 30.3899],
      population: 73_000, character: 'newTown', eventMix: MIX.newTown, eventIntensity: 0.95,
      communities: [
        ...sq(['崇贤社区', '大安社区', '崇杭社区', '沾桥社区']),
        ...vil(['鸭兰村', '向北村', '三家村', '龙旋村', '沿山村', '北庄村', '四维村']),
      ],
    },
    {
      code: '330113102', name: '塘栖镇', short: '塘栖', kind: '镇', seat: [120.1838, 30.4758],
      population: 117_000, character: 'villages', eventMix: MIX.villages, eventIntensity: 0.9,
      communities: [
        ...sq(['塘栖社区', '水北社区', '古运河社区', '西石塘社区', '里仁社区']),
        ...vil(['超山村', '丁河村', '塘栖村', '宏畔村', '河西埭村', '柴家坞村', '莫家桥村', '西界河村', '三星村']),
      ],
    },
  ],
};
