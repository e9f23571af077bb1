import { z } from 'zod';
import { divisionCode, isoDate } from '../../shared/contract';
import type { IpcInvokeChannel, IpcRequest } from '../../shared/ipc';
import type { QueryName } from '../../shared/readModel';

/**
 * zod schemas for every request the renderer can send. A renderer is treated as untrusted
 * input: a compromised page must not be able to hand the core anything but these shapes.
 * Objects are strict, so unexpected fields are refused rather than passed along.
 */
const none = z.object({}).strict();

/** Params of each query; `satisfies Record<QueryName, …>` makes a new query fail type-check here until it has one. */
export const queryParamSchemas = {
  config: none,
  meta: none,
  health: none,
  overview: z.object({ week: isoDate.optional() }).strict(),
  risk: z.object({ week: isoDate.optional() }).strict(),
  events: none,
  consultation: none,
  town: z.object({ code: divisionCode, week: isoDate.optional() }).strict(),
  map: z.object({ level: z.enum(['city', 'district']).optional() }).strict(),
} satisfies Record<QueryName, z.ZodType>;

const queryNames = Object.keys(queryParamSchemas) as [QueryName, ...QueryName[]];

const querySchema = z
  .object({ name: z.enum(queryNames), params: z.unknown() })
  .strict()
  .transform((req, ctx) => {
    const params = queryParamSchemas[req.name].safeParse(req.params ?? {});
    if (!params.success) {
      for (const issue of params.error.issues) ctx.addIssue({ ...issue, path: ['params', ...issue.path] } as z.core.$ZodRawIssue);
      return z.NEVER;
    }
    return { name: req.name, params: params.data as Record<string, unknown> };
  });

export const ipcRequestSchemas = {
  'cockpit/query': querySchema,
  'cockpit/linkState': z.null(),
  'app/diagnostics': z.null(),
  'app/openExternal': z.object({ url: z.string().max(2048) }).strict(),
  'app/setLocale': z.object({ locale: z.enum(['zh-CN', 'en']) }).strict(),
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
