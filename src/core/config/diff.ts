import type { CockpitConfig } from '../../shared/config';

export type ConfigSection = keyof CockpitConfig;

/**
 * The top-level sections ('sources', 'hub', 'title', …) whose value differs between two
 * configurations, so a host can tell what a file change means for it: rebuild the core,
 * apply in place, or ask for a restart.
 */
export function changedSections(previous: CockpitConfig, next: CockpitConfig): ConfigSection[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)] as ConfigSection[]);
  return [...keys].filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]));
}
