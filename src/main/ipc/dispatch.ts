import type { IpcInvokeChannel, IpcReply, IpcRequest, IpcResponse } from '../../shared/ipc';
import { parseIpcRequest } from './requests';
import { checkSender, type SenderDescriptor, type TrustPolicy } from './trust';

export type IpcHandlers = { [C in IpcInvokeChannel]: (request: IpcRequest<C>, sender: SenderDescriptor) => IpcResponse<C> | Promise<IpcResponse<C>> };

export interface DispatchLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One IPC call, in the order the checklist asks for: who sent it (before anything else), then
 * what it says (zod), then the handler. Every outcome is an IpcReply; a refused sender learns
 * nothing beyond "refused". Pure: src/main/app/ipc.ts feeds it from ipcMain.handle.
 */
export async function dispatchIpc<C extends IpcInvokeChannel>(
  channel: C,
  payload: unknown,
  sender: SenderDescriptor,
  policy: TrustPolicy,
  handlers: IpcHandlers,
  log: DispatchLog,
): Promise<IpcReply<IpcResponse<C>>> {
  const trust = checkSender(sender, policy);
  if (!trust.ok) {
    log.warn('IPC refused: untrusted sender', { channel, reason: trust.reason, url: sender.frameUrl?.slice(0, 200) });
    return { ok: false, error: `${channel}: refused` };
  }
  const parsed = parseIpcRequest(channel, payload);
  if (!parsed.ok) {
    log.warn('IPC refused: invalid request', { channel, error: parsed.error });
    return { ok: false, error: parsed.error };
  }
  try {
    const handler = handlers[channel] as (request: IpcRequest<C>, sender: SenderDescriptor) => IpcResponse<C> | Promise<IpcResponse<C>>;
    return { ok: true, value: await handler(parsed.value, sender) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
