import './pages.css';
import '../panels/panels.css';
import { useEffect, useState, type ComponentType } from 'react';
import { PAGE_IDS, type PageId } from '../../../shared/config';
import type { TownDetailProps } from '../panels/TownDetail';

/**
 * The four cockpit pages, each its own chunk of code: the wall loads the page it shows first
 * with the shell, the others once it has painted (preloadPages), so a switch never waits for
 * code. The shell renders one full-canvas, titled `page.<id>` in the catalogue.
 */
const LOADERS: Record<PageId, () => Promise<ComponentType>> = {
  overview: () => import('./OverviewPage').then((m) => m.OverviewPage),
  risk: () => import('./RiskPage').then((m) => m.RiskPage),
  events: () => import('./EventsPage').then((m) => m.EventsPage),
  consultation: () => import('./ConsultationPage').then((m) => m.ConsultationPage),
};

const loaded = new Map<PageId, ComponentType>();
const loading = new Map<PageId, Promise<ComponentType>>();

/** Load a page's code (once; later calls share the first). */
export function loadPage(id: PageId): Promise<ComponentType> {
  let p = loading.get(id);
  if (!p) {
    p = LOADERS[id]().then((component) => {
      loaded.set(id, component);
      return component;
    });
    // A failed load (a stale build after an update) may be tried again.
    p.catch(() => loading.delete(id));
    loading.set(id, p);
  }
  return p;
}

/** Every page's code, for after the first picture: switching then never waits for a chunk. */
export function preloadPages(): void {
  for (const id of PAGE_IDS) void loadPage(id).catch(() => undefined);
}

/**
 * The page's component once its code is here (null for the moment before). A chunk that
 * fails to load is thrown, for the page's error boundary to say so.
 */
export function usePage(id: PageId): ComponentType | null {
  const [, loadedNow] = useState(0);
  const [failed, setFailed] = useState<{ id: PageId; error: Error } | null>(null);
  const component = loaded.get(id) ?? null;
  useEffect(() => {
    if (component) return;
    let alive = true;
    loadPage(id).then(
      () => alive && loadedNow((n) => n + 1),
      (err: unknown) => alive && setFailed({ id, error: err instanceof Error ? err : new Error(String(err)) }),
    );
    return () => {
      alive = false;
    };
  }, [id, component]);
  if (failed?.id === id && !component) throw failed.error;
  return component;
}

let townDetail: ComponentType<TownDetailProps> | null = null;

/** The town detail's code, loaded the first time a town is opened (or preloaded after the first picture). */
export function useTownDetail(): ComponentType<TownDetailProps> | null {
  const [, loadedNow] = useState(0);
  useEffect(() => {
    if (townDetail) return;
    let alive = true;
    void loadTownDetail().then(() => alive && loadedNow((n) => n + 1));
    return () => {
      alive = false;
    };
  }, []);
  return townDetail;
}

export function loadTownDetail(): Promise<unknown> {
  return import('../panels/TownDetail').then((m) => (townDetail = m.TownDetail));
}
