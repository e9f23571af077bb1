import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Logger } from '../../core/log/logger';
import { IPC_INVOKE_CHANNELS } from '../../shared/ipc';
import { dispatchIpc, type IpcHandlers } from '../ipc/dispatch';
import type { SenderDescriptor, TrustPolicy } from '../ipc/trust';

function describeSender(event: IpcMainInvokeEvent): SenderDescriptor {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null && frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

/** Registers every channel of IpcInvokeMap; each goes through dispatchIpc (sender → zod → handler). */
export function registerIpc(handlers: IpcHandlers, policy: () => TrustPolicy, logger: Logger): void {
  for (const channel of IPC_INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatchIpc(channel, payload, describeSender(event), policy(), handlers, logger));
  }
}
