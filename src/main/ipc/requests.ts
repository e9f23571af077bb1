import { wallReportSchema } from '../../shared/wall/history';
import { z } from 'zod';
import { LOCALES } from '../../shared/i18n';
import type { IpcInvokeChannel, IpcRequest } from '../../shared/ipc';
import { parseQueryParams, QUERY_NAMES, type QueryName } from '../../shared/queries';
import { PAGE_IDS } from '../../shared/wall/pages';
import { CONTROL_VIAS, wallActionSchema, wallIdSchema } from '../../shared/control/types';

/**
 * zod schemas for every request the renderer can send. A renderer is treated as untrusted
 * input: a compromised page must not be able to hand the core anything but these shapes.
 * Objects are strict, so unexpected fields are refused rather than passed along.
 */

/** A query: its name and params, both checked by the query registry (as the hub checks them). */
const querySchema = z
  .object({ name: z.enum(QUERY_NAMES as [QueryName, ...QueryName[]]), params: z.unknown().optional() })
  .strict()
  .transform((req, ctx) => {
    const parsed = parseQueryParams(req.name, req.params);
    if (!parsed.ok) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['params', ...issue.path] } as z.core.$ZodRawIssue);
      return z.NEVER;
    }
    return { name: req.name, params: parsed.params as Record<string, unknown> };
  });

export const ipcRequestSchemas = {
  'cockpit/query': querySchema,
  'cockpit/linkState': z.null(),
  'app/diagnostics': z.null(),
  'app/openExternal': z.object({ url: z.string().max(2048) }).strict(),
  'app/setLocale': z.object({ locale: z.enum(LOCALES) }).strict(),
  'wall/state': z.strictObject({ wall: wallIdSchema.optional() }),
  'brief/make': z.strictObject({ week: z.iso.date(), pages: z.array(z.enum(PAGE_IDS)).min(1).max(PAGE_IDS.length) }),
  'wall/act': z.strictObject({ wall: wallIdSchema.optional(), action: wallActionSchema, via: z.enum(CONTROL_VIAS) }),
  'wall/report': wallReportSchema,
} satisfies { [C in IpcInvokeChannel]: z.ZodType<IpcRequest<C>, unknown> };

export type ParsedRequest<C extends IpcInvokeChannel> = { ok: true; value: IpcRequest<C> } | { ok: false; error: string };

/** Validates a request payload for `channel`; the error names the field. */
export function parseIpcRequest<C extends IpcInvokeChannel>(channel: C, payload: unknown): ParsedRequest<C> {
  const schema = ipcRequestSchemas[channel] as z.ZodType<IpcRequest<C>>;
  // invoke(channel) without an argument arrives as undefined; treat it as "no request body".
  const parsed = schema.safeParse(payload === undefined ? null : payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(request)'}: ${i.message}`)
    .join('; ');
  return { ok: false, error: `${channel}: invalid request: ${detail}` };
}
