import { z } from 'zod';
import { count, isoTime, percentage, recordId, share, sourceText, townCode } from './common';

export const personnelRoleSchema = z.enum(['dispatched', 'gridWorker', 'communityStaff', 'mediator']);
export type PersonnelRole = z.infer<typeof personnelRoleSchema>;

export const PERSONNEL_ROLE_NAMES: Record<PersonnelRole, { zh: string; en: string }> = {
  dispatched: { zh: '下沉人员', en: 'Dispatched staff' },
  gridWorker: { zh: '专职网格员', en: 'Grid worker' },
  communityStaff: { zh: '社区工作者', en: 'Community staff' },
  mediator: { zh: '调解员', en: 'Mediator' },
};

/**
 * Feed GET /v1/personnel — people registered in the four platforms (备案登记), with their
 * automatic assessment (自动考核评价). Re-sent with a later `updatedAt` when the score changes.
 */
export const personSchema = z.object({
  id: recordId,
  name: sourceText(50),
  role: personnelRoleSchema,
  townCode,
  /** Home department for dispatched staff (e.g. 司法所), else the community. */
  department: sourceText(100),
  registeredAt: isoTime,
  active: z.boolean(),
  metrics: z.object({
    /** Events handled in the assessment window, count. */
    eventsHandled: count,
    /** Share of those closed within the time limit, 0–1. */
    onTimeRate: share,
    /** Share rated satisfied, 0–1. */
    satisfactionRate: share,
    /** Patrol / check-in days in the window. */
    patrolDays: z.number().int().min(0).max(366),
  }),
  /** Assessment score, 0–100. */
  score: percentage,
  updatedAt: isoTime,
});
export type Person = z.infer<typeof personSchema>;
