import { z } from 'zod';
import { count, isoDate, isoScheduledTime, isoTime, recordId, sourceText, townCode } from './common';

export const CONSULTATION_CATEGORIES = [
  'wageArrears',
  'neighbourDispute',
  'marketOperation',
  'wasteSorting',
  'propertyMgmt',
  'elderlyCare',
  'parking',
  'renovation',
  'other',
] as const;
export const consultationCategorySchema = z.enum(CONSULTATION_CATEGORIES);
export type ConsultationCategory = z.infer<typeof consultationCategorySchema>;

export const CONSULTATION_CATEGORY_NAMES: Record<ConsultationCategory, { zh: string; en: string }> = {
  wageArrears: { zh: '欠薪', en: 'Wage arrears' },
  neighbourDispute: { zh: '邻里纠纷', en: 'Neighbour disputes' },
  marketOperation: { zh: '农贸市场运营', en: 'Farmers’ market' },
  wasteSorting: { zh: '垃圾分类', en: 'Waste sorting' },
  propertyMgmt: { zh: '物业管理', en: 'Property management' },
  elderlyCare: { zh: '养老服务', en: 'Elderly care' },
  parking: { zh: '停车管理', en: 'Parking' },
  renovation: { zh: '老旧小区改造', en: 'Estate renovation' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Feed GET /v1/consultations — 云上板凳 sessions: scheduled → live → ended.
 * `outcome` is set when ended: 'agreed' counts as a success.
 */
export const consultationSchema = z.object({
  id: recordId,
  topic: sourceText(300),
  category: consultationCategorySchema,
  townCode,
  community: sourceText(100),
  scheduledAt: isoScheduledTime,
  startedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  status: z.enum(['scheduled', 'live', 'ended', 'cancelled']),
  /** Peak concurrent viewers; cumulative views for ended sessions. Persons. */
  viewers: count,
  experts: z.array(sourceText(100)).max(20),
  outcome: z.enum(['agreed', 'partlyAgreed', 'notAgreed']).nullable(),
  /** Replay page (https only). */
  replayUrl: z.url({ protocol: /^https$/ }).nullable(),
  updatedAt: isoTime,
});
export type Consultation = z.infer<typeof consultationSchema>;

/** GET /v1/consultations/followers — snapshot (ETag): followers at the end of each day. */
export const followersSchema = z.object({
  asOf: isoTime,
  series: z.array(z.object({ date: isoDate, followers: count })),
});
export type Followers = z.infer<typeof followersSchema>;

/** Feed GET /v1/disputes — 矛盾纠纷"一件事"源头化解: disputes resolved at source. */
export const disputeSchema = z.object({
  id: recordId,
  townCode,
  community: sourceText(100),
  category: z.enum(['neighbour', 'family', 'labour', 'rental', 'property', 'contract', 'land', 'other']),
  receivedAt: isoTime,
  /** Which level took it: a community, the town's or the district's 矛调中心. */
  level: z.enum(['community', 'townCentre', 'districtCentre']),
  status: z.enum(['mediating', 'resolved', 'failed', 'referred']),
  resolvedAt: isoTime.nullable(),
  /** Resolved without leaving the community or town (源头化解). */
  resolvedAtSource: z.boolean(),
  updatedAt: isoTime,
});
export type Dispute = z.infer<typeof disputeSchema>;
