import { describe, expect, it } from 'vitest';
import { describeIssues } from '../contract';
import { sourceConfigSchema } from './index';

const issues = (input: unknown) => {
  const r = sourceConfigSchema.safeParse(input);
  return r.success ? null : describeIssues(r.error, 5);
};

describe('source configuration', () => {
  it('a source without a kind is a District API service, as before', () => {
    const s = sourceConfigSchema.parse({ id: 'sim', url: 'http://127.0.0.1:7311' });
    expect(s.kind).toBe('district-api');
  });

  it('names an unknown kind', () => {
    expect(issues({ id: 'x', kind: 'ftp' })).toContain('kind: Invalid discriminator value');
  });

  it('a mapping names only fields the contract has, and every field it needs', () => {
    const feed = { path: '/api/e', fields: { id: '编号', titel: '标题' } };
    const msg = issues({ id: 'gw', kind: 'json', url: 'http://127.0.0.1:1', feeds: { events: feed } });
    expect(msg).toContain('feeds.events.fields.titel: not a field of events');
    expect(msg).toMatch(/feeds\.events\.fields: the mapping lacks type, title, townCode/);
  });

  it('a folder feed may leave updatedAt out (the file time stands in); a database feed any column of the same name', () => {
    const person = { id: '工号', name: '姓名', role: '"dispatched"', townCode: '街道代码', department: '部门', registeredAt: '登记', active: 'true', metrics: '{}', score: '分数' };
    const { score: _score, ...withoutScore } = person;
    expect(issues({ id: 'f', kind: 'folder', path: '/tmp', feeds: { personnel: { files: '*.xlsx', fields: person } } })).toBeNull();
    expect(issues({ id: 'f', kind: 'folder', path: '/tmp', feeds: { personnel: { files: '*.xlsx', fields: withoutScore } } })).toContain('lacks score');
    expect(issues({ id: 'pg', kind: 'postgres', host: '127.0.0.1', database: 'd', user: 'u', feeds: { events: { query: 'select * from v', incremental: { column: 'updated_at' } } } })).toBeNull();
    expect(issues({ id: 'pg', kind: 'postgres', host: '127.0.0.1', database: 'd', user: 'u', feeds: { events: { query: 'q', incremental: { column: 'updated at' } } } })).toContain('feeds.events.incremental.column');
  });

  it('secrets are named, never written', () => {
    expect(issues({ id: 'gw', kind: 'json', url: 'http://127.0.0.1:1', auth: { type: 'bearer', token: 'abc' }, feeds: {} })).toContain('auth.token');
  });
});

describe('the configuration’s source list', () => {
  it('refuses two sources with one id', async () => {
    const { configSchema } = await import('../config');
    const r = configSchema.safeParse({ sources: [{ id: 'a', url: 'http://127.0.0.1:1' }, { id: 'a', url: 'http://127.0.0.1:2' }] });
    expect(r.success ? null : describeIssues(r.error)).toBe('sources.1.id: "a" is the id of another source');
  });
});
