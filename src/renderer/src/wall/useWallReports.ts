import { useEffect, useRef } from 'react';
import type { WallReport } from '../../../shared/wall/history';
import { useCockpit } from '../store/cockpit';
import { reportWall } from './door';
import { useWallDuty } from './wallStore';

/** Changes closer together than this make one report (a page step and its town closing). */
const SETTLE_MS = 300;

/** Why this page loaded, when it reloaded itself (set by useMemoryCeiling before reloading). */
export const RELOAD_REASON_KEY = 'cockpit.reloadReason';

function currentReport(wall: string, kind: WallReport['kind'], reason: string | null): WallReport {
  const c = useCockpit.getState();
  const d = useWallDuty.getState();
  return {
    wall,
    kind,
    page: c.page,
    town: c.selectedTown,
    asOf: c.week,
    slot: { index: d.slot?.index ?? -1, name: d.slot?.name ?? null },
    dim: d.slot?.dim ?? false,
    playing: c.playing,
    alertId: d.alertOnScreen,
    reason,
  };
}

/**
 * Tells the core what this wall shows whenever it changes (page, town, look-back week,
 * playlist slot, dimming, rotation, alert on screen), so "what was on the lobby wall at
 * 03:12?" has an answer (query `wallHistory`). A report that cannot be delivered is dropped:
 * the next change reports the whole state again.
 */
export function useWallReports(wall: string | null): void {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!wall) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let reason: string | null = null;
    try {
      reason = sessionStorage.getItem(RELOAD_REASON_KEY);
      sessionStorage.removeItem(RELOAD_REASON_KEY);
    } catch {
      /* no storage: no reason to give */
    }
    let kind: WallReport['kind'] = 'start';
    const send = (): void => {
      timer = null;
      const report = currentReport(wall, kind, kind === 'start' ? reason : null);
      const { kind: _k, reason: _r, ...shown } = report;
      const key = JSON.stringify(shown);
      if (kind === 'state' && key === last.current) return;
      last.current = key;
      kind = 'state';
      reportWall(report).catch(() => undefined);
    };
    const schedule = (): void => {
      if (timer === null) timer = setTimeout(send, SETTLE_MS);
    };
    schedule();
    const off1 = useCockpit.subscribe(schedule);
    const off2 = useWallDuty.subscribe(schedule);
    return () => {
      off1();
      off2();
      if (timer) clearTimeout(timer);
    };
  }, [wall]);
}

/** Reports that the wall is about to reload itself, and why (the report after it says so too). */
export function reportReload(wall: string, reason: string): Promise<void> {
  try {
    sessionStorage.setItem(RELOAD_REASON_KEY, reason);
  } catch {
    /* the reload still happens */
  }
  return reportWall(currentReport(wall, 'reload', reason)).catch(() => undefined);
}
