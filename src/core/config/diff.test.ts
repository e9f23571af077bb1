import { describe, expect, it } from 'vitest';
import { configSchema } from '../../shared/config';
import { changedSections } from './diff';

describe('changedSections', () => {
  it('names the sections that differ, including one added or removed', () => {
    const base = configSchema.parse({ title: '临平', hub: { port: 7320 } });
    expect(changedSections(base, configSchema.parse({ title: '临平', hub: { port: 7320 } }))).toEqual([]);
    expect(changedSections(base, configSchema.parse({ title: '临平', hub: { port: 7400 }, wall: { kiosk: true } })).sort()).toEqual(['hub', 'wall']);
    expect(changedSections(base, configSchema.parse({ hub: { port: 7320 } }))).toEqual(['title']);
    // hub.port 7320 is the default: the same value whether written or not.
    expect(changedSections(configSchema.parse({}), base)).toEqual(['title']);
  });
});
