import type { DesktopBridge } from '../../../shared/ipc';
import type { RendererTransport } from '../../../shared/transport';
import { createElectronTransport } from './electron';
import { createHubTransport } from './hub';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer is served by the hub. */
    cockpit?: DesktopBridge;
  }
}

/** The Electron bridge when this renderer runs in the desktop app, else null. */
export function getBridge(): DesktopBridge | null {
  const bridge = typeof window !== 'undefined' ? window.cockpit : undefined;
  return bridge && bridge.kind === 'electron' && typeof bridge.query === 'function' ? bridge : null;
}

let transport: RendererTransport | null = null;

/** The one transport of this renderer: the Electron bridge when present, else the hub. */
export function getTransport(): RendererTransport {
  if (!transport) {
    const bridge = getBridge();
    transport = bridge ? createElectronTransport(bridge) : createHubTransport();
  }
  return transport;
}
