import { z } from 'zod';
import { isoTime, recordId, sourceText, townCode } from './common';
import { isoMs } from './isoMs';

export const EVENT_TYPES = [
  'dispute',
  'rental',
  'propertyMgmt',
  'wageArrears',
  'environment',
  'cityAppearance',
  'safetyHazard',
  'trafficOrder',
  'petition',
  'other',
] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof eventTypeSchema>;

export const EVENT_TYPE_NAMES: Record<EventType, { zh: string; en: string }> = {
  dispute: { zh: '邻里纠纷', en: 'Neighbour dispute' },
  rental: { zh: '租赁纠纷', en: 'Rental dispute' },
  propertyMgmt: { zh: '物业管理', en: 'Property management' },
  wageArrears: { zh: '欠薪', en: 'Wage arrears' },
  environment: { zh: '环境污染', en: 'Pollution' },
  cityAppearance: { zh: '市容环境', en: 'City appearance' },
  safetyHazard: { zh: '安全隐患', en: 'Safety hazard' },
  trafficOrder: { zh: '交通秩序', en: 'Traffic order' },
  petition: { zh: '信访诉求', en: 'Petition' },
  other: { zh: '其他', en: 'Other' },
};

export const eventStatusSchema = z.enum(['reported', 'accepted', 'dispatched', 'handled', 'closed', 'rated']);
export type EventStatus = z.infer<typeof eventStatusSchema>;

/** The steps whose times never go backwards, in order. */
const STEP_ORDER = ['reportedAt', 'acceptedAt', 'dispatchedAt', 'handledAt', 'closedAt'] as const;

/**
 * Feed GET /v1/events — a 基层治理四平台 event. Re-sent whole with a later `updatedAt` as it
 * moves reported → accepted (受理) → dispatched (流转) → handled (处置) → closed → rated.
 * A step's time is null until it has happened; times never go backwards.
 */
export const eventSchema = z
  .object({
    id: recordId,
    type: eventTypeSchema,
    title: sourceText(300),
    townCode,
    /** Community (社区/村) name as the reporting system gives it: free text. */
    community: sourceText(100),
    source: z.enum(['grid', 'hotline', 'app', 'patrol', 'walkIn']),
    status: eventStatusSchema,
    reportedAt: isoTime,
    acceptedAt: isoTime.nullable(),
    dispatchedAt: isoTime.nullable(),
    handledAt: isoTime.nullable(),
    closedAt: isoTime.nullable(),
    /** Departments the event was dispatched to (流转), in order. */
    departments: z.array(sourceText(100)).max(20),
    /** Personnel ids who handled it. */
    handlers: z.array(recordId).max(20),
    /** Accepted later than the acceptance time limit. */
    acceptOverdue: z.boolean(),
    /** Closed later than the handling time limit (or still open past it). */
    handleOverdue: z.boolean(),
    /** The reporter's rating once rated, else null. */
    satisfaction: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']).nullable(),
    updatedAt: isoTime,
  })
  .superRefine((e, ctx) => {
    // isoMs is Date.parse, faster (isoMs.ts); each time is parsed once.
    let last = '';
    let lastMs = NaN;
    for (const key of STEP_ORDER) {
      const t = e[key];
      if (t === null) continue;
      const ms = isoMs(t);
      if (last && ms < lastMs) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is earlier than the step before it` });
      }
      last = t;
      lastMs = ms;
    }
  });
export type DistrictEvent = z.infer<typeof eventSchema>;
