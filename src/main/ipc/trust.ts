import { MAP3D_PATH_PREFIX } from '../security/appProtocol';

/** What main knows about who sent an IPC message (from event.senderFrame / event.sender). */
export interface SenderDescriptor {
  /** URL of the frame that sent it; null when the frame is gone (navigated away, destroyed). */
  frameUrl: string | null;
  /** Whether it is the top frame of its page (sub-frames never get the bridge). */
  isMainFrame: boolean;
  webContentsId: number;
}

export interface TrustPolicy {
  /** webContents of the windows main created. */
  webContentsIds: ReadonlySet<number>;
  /** Origins our pages load from: app://cockpit, plus the dev server's while developing. */
  origins: readonly string[];
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

/**
 * Electron's checklist item "validate the sender of all IPC messages": a message counts only
 * when it comes from the top frame of one of our windows showing one of our pages. Any frame
 * (an iframe, a page that somehow navigated elsewhere, the 3D map frame) is refused.
 */
export function checkSender(sender: SenderDescriptor, policy: TrustPolicy): SenderCheck {
  if (!policy.webContentsIds.has(sender.webContentsId)) return { ok: false, reason: `webContents ${sender.webContentsId} is not a cockpit window` };
  if (!sender.isMainFrame) return { ok: false, reason: 'sent from a sub-frame' };
  if (!sender.frameUrl) return { ok: false, reason: 'sender frame is gone' };
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return { ok: false, reason: 'sender URL is malformed' };
  }
  // URL.origin is "null" for non-special schemes such as app:, so build it ourselves.
  const origin = `${url.protocol}//${url.host}`;
  if (!policy.origins.includes(origin)) return { ok: false, reason: `origin ${origin} is not trusted` };
  if (url.pathname.startsWith(MAP3D_PATH_PREFIX)) return { ok: false, reason: 'the 3D map frame has no bridge access' };
  return { ok: true };
}
