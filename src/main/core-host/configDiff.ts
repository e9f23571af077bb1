import type { CockpitConfig } from '../../shared/config';

/**
 * Sections only Electron main uses: a change there is applied in main (windows, power, links)
 * without touching the core. Any other change (sources, simulator, cache, map, playlist, …)
 * goes to the core, which also answers the renderer's `config` query.
 */
const MAIN_ONLY: ReadonlyArray<keyof CockpitConfig> = ['wall', 'links', 'hub'];

export function coreConfigChanged(previous: CockpitConfig, next: CockpitConfig): boolean {
  const strip = (c: CockpitConfig): string =>
    JSON.stringify(Object.fromEntries(Object.entries(c).filter(([k]) => !MAIN_ONLY.includes(k as keyof CockpitConfig))));
  return strip(previous) !== strip(next);
}
