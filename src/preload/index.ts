/**
 * The one bridge the renderer gets: `window.cockpit`, a DesktopBridge (src/shared/ipc.ts).
 * Bundled to CommonJS and run in a sandboxed renderer. It exposes named calls only; raw
 * ipcRenderer, channel names and IPC event objects (which carry `sender`) never reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CURSOR_HIDDEN_CLASS,
  type DesktopBridge,
  type IpcInvokeChannel,
  type IpcPushChannel,
  type IpcPushMap,
  type IpcReply,
  type IpcRequest,
  type IpcResponse,
} from '../shared/ipc';
import { IdleCursor } from './idleCursor';

async function invoke<C extends IpcInvokeChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  const reply = (await ipcRenderer.invoke(channel, request)) as IpcReply<IpcResponse<C>>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

function subscribe<C extends IpcPushChannel>(channel: C, listener: (payload: IpcPushMap[C]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: IpcPushMap[C]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: DesktopBridge = {
  kind: 'electron',
  query: (name, params) => invoke('cockpit/query', { name, params: (params ?? {}) as Record<string, unknown> }) as never,
  onChange: (listener) => subscribe('cockpit/changed', listener),
  onLink(listener) {
    const off = subscribe('cockpit/link', listener);
    // Tell a new listener the current state, as the hub transport does.
    invoke('cockpit/linkState', null).then(listener, () => listener(false));
    return off;
  },
  diagnostics: () => invoke('app/diagnostics', null),
  openExternal: (url) => invoke('app/openExternal', { url }),
  setLocale: async (locale) => {
    await invoke('app/setLocale', { locale });
  },
  wallState: (wall) => invoke('wall/state', wall === undefined ? {} : { wall }),
  wallAct: (action, via, wall) => invoke('wall/act', { ...(wall === undefined ? {} : { wall }), action, via }),
  wallReport: async (report) => {
    await invoke('wall/report', report);
  },
  onWallChanged: (listener) => subscribe('wall/changed', listener),
  makeBriefPack: (week, pages) => invoke('brief/make', { week, pages }),
};

contextBridge.exposeInMainWorld('cockpit', bridge);

// Hide the cursor on an idle wall (main sends the delay from config.wall.hideCursorAfterSec).
// Typed by hand: the preload is type-checked with the Node project, which has no DOM library.
interface PageElement {
  textContent: string | null;
  classList: { toggle(name: string, force: boolean): void };
  appendChild(child: PageElement): void;
}
const page = globalThis as unknown as {
  document: { documentElement: PageElement; head: PageElement | null; createElement(tag: 'style'): PageElement };
  addEventListener(type: string, listener: () => void, options?: { capture: boolean; passive: boolean }): void;
};
// The rule that hides the cursor, added from here (a constant, in the page's allowed inline
// styles) so main never has to inject CSS into the page.
page.addEventListener('DOMContentLoaded', () => {
  const style = page.document.createElement('style');
  style.textContent = `html.${CURSOR_HIDDEN_CLASS}, html.${CURSOR_HIDDEN_CLASS} * { cursor: none !important; }`;
  (page.document.head ?? page.document.documentElement).appendChild(style);
});
const cursor = new IdleCursor({
  setHidden: (hidden) => page.document.documentElement.classList.toggle(CURSOR_HIDDEN_CLASS, hidden),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});
subscribe('app/wall', (settings) => cursor.setHideAfter(settings.hideCursorAfterSec * 1000));
// Pointer input only: a presentation clicker's key presses must not bring the cursor back.
for (const type of ['mousemove', 'mousedown', 'wheel', 'touchstart']) {
  page.addEventListener(type, () => cursor.activity(), { capture: true, passive: true });
}
