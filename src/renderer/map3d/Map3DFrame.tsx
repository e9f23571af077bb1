/**
 * Host side of the isolated 3D map. Renders the frame page in <iframe sandbox="allow-scripts">
 * (opaque origin: no access to this page, its bridge or its storage), sends it the map by
 * postMessage once it says 'ready', and shows `fallback` (the 2D map) if the frame reports
 * no WebGL, fails, or never answers.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MapModel } from '../../shared/readModel';
import { acceptFrameMessage, type Map3DLabels, type Map3DRenderMessage, type Map3DTown } from './protocol';

export type Map3DStatus = 'loading' | 'ready' | 'rendered' | 'fallback';

export interface Map3DFrameProps {
  map: MapModel;
  towns: Map3DTown[];
  /** Defaults: provenance = map.labelZh. */
  labels?: Partial<Map3DLabels>;
  /** Device pixels per CSS pixel for the 3D canvas: window DPR × the wall's scale. */
  pixelRatio?: number;
  /** What to show instead when 3D cannot run (normally the 2D ECharts map). */
  fallback: ReactNode;
  /** URL of the frame page, relative to the cockpit page. */
  src?: string;
  /** Give up on the frame if it has not said 'ready' by then. */
  readyTimeoutMs?: number;
  onStatus?: (status: Map3DStatus, reason?: string) => void;
  /** The viewer clicked a town in the 3D view (its code, always one of `towns`). */
  onSelect?: (code: string) => void;
  className?: string;
  title?: string;
}

export const MAP3D_SRC = './map3d/index.html';

export function Map3DFrame({ map, towns, labels, pixelRatio, fallback, src = MAP3D_SRC, readyTimeoutMs = 10_000, onStatus, onSelect, className, title = '3D map' }: Map3DFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [status, setStatus] = useState<Map3DStatus>('loading');
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  // The towns last given to the frame: a 'select' for any other code is ignored.
  const townCodes = useRef<ReadonlySet<string>>(new Set());
  townCodes.current = new Set(towns.map((t) => t.code));

  const update = (s: Map3DStatus, reason?: string) => {
    setStatus(s);
    statusRef.current?.(s, reason);
  };

  // Listen only to our own frame, and only to well-formed messages.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const msg = acceptFrameMessage(event, frame.current?.contentWindow, townCodes.current);
      if (!msg) return;
      if (msg.type === 'select') {
        // The click focused the frame, whose document would now get every key: hand focus
        // back so the wall's keys (Escape closes the town, arrows turn pages) keep working.
        if (document.activeElement === frame.current) frame.current?.blur();
        selectRef.current?.(msg.code);
      }
      else if (msg.type === 'ready') update('ready');
      else if (msg.type === 'rendered') update('rendered');
      else if (msg.type === 'no-webgl') update('fallback', msg.reason);
      else update('fallback', msg.message);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (status !== 'loading') return;
    const timer = setTimeout(() => update('fallback', `the 3D frame did not answer within ${readyTimeoutMs} ms`), readyTimeoutMs);
    return () => clearTimeout(timer);
  }, [status, readyTimeoutMs]);

  // (Re)send the data once the frame is listening and whenever it changes. Labels are often
  // an inline object, so compare them by value to avoid redrawing the 3D scene every render.
  const listening = status === 'ready' || status === 'rendered';
  const labelsKey = JSON.stringify(labels ?? {});
  useEffect(() => {
    if (!listening) return;
    const message: Map3DRenderMessage = {
      type: 'render',
      geojson: map.geojson,
      towns,
      labels: { provenance: map.labelZh, ...(JSON.parse(labelsKey) as Partial<Map3DLabels>) },
      ...(pixelRatio !== undefined && { pixelRatio: Math.min(8, Math.max(0.5, pixelRatio)) }),
    };
    // An opaque-origin frame cannot be addressed by origin; it only ever gets map data.
    frame.current?.contentWindow?.postMessage(message, '*');
  }, [listening, map, towns, labelsKey, pixelRatio]);

  if (status === 'fallback') return <>{fallback}</>;
  return (
    <iframe
      ref={frame}
      src={src}
      title={title}
      sandbox="allow-scripts"
      referrerPolicy="no-referrer"
      className={className}
      data-status={status}
      style={{ border: 0, width: '100%', height: '100%', background: 'transparent' }}
    />
  );
}
