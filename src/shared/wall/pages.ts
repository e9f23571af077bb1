import { z } from 'zod';

/** The wall's pages, in their default rotation order. */
export const PAGE_IDS = ['overview', 'risk', 'events', 'consultation'] as const;
export const pageIdSchema = z.enum(PAGE_IDS);
export type PageId = z.infer<typeof pageIdSchema>;
