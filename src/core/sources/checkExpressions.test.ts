import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceConfigSchema } from '../../shared/config';
import { openCache } from '../cache';
import { removeTempDirs, tempDir } from '../cache/testing/tempDir';
import { parseConfigText } from '../config/load';
import { createSyncEngine } from '../sync';

afterAll(removeTempDirs);

const source = (fields: Record<string, unknown>) => ({
  id: 'api',
  kind: 'json',
  url: 'http://127.0.0.1:9',
  feeds: { personnel: { path: '/p', items: 'data.list', fields: { id: 'a', name: 'b', role: 'c', townCode: 'd', department: 'e', registeredAt: 'f', active: 'g', metrics: 'h', score: 'i', updatedAt: 'j', ...fields } } },
});

describe('expressions in the configuration', () => {
  it('a file with an expression that cannot be read is refused, the field named', () => {
    const r = parseConfigText(JSON.stringify({ sources: [source({ score: '$number(考核得分' })] }), 'cockpit.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^cockpit\.json: sources\[0\]\.feeds\.personnel\.fields\.score: cannot read expression `\$number\(考核得分`/);
    expect(parseConfigText(JSON.stringify({ sources: [source({})] }), 'cockpit.json').ok).toBe(true);
  });

  it('a reader that cannot be built is its source’s failure in health, and the other sources still sync', async () => {
    const cache = openCache(join(tempDir(), 'c.db'));
    const broken = sourceConfigSchema.parse(source({ score: '$number(考核得分' }));
    const engine = createSyncEngine({ cache, sources: [broken], readerFor: () => { throw new Error('field score: cannot read expression'); } });
    const r = await engine.syncOnce();
    expect(r.sources[0].endpoints[0].error).toBe('configuration: field score: cannot read expression');
    await engine.stop();
    cache.close();
  });
});
