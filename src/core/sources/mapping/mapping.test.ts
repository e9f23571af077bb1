import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { convert, isoAtOffset, timeMs } from './conversions';
import { ASK_JSONATA, compileExpression } from './expression';
import { compileRecordMapping, explainIssues } from './recordMapping';

describe('the shortcut for plain paths answers exactly what JSONata answers', () => {
  const inputs: unknown[] = [
    { a: { b: [1] } },
    { a: { b: [] } },
    { a: { b: [[1], [2]] } },
    { a: { b: [{ x: 1 }] } },
    { a: { b: 'text', c: null } },
    { a: [{ b: 1 }, { b: 2 }] },
    { a: null },
    { a: 'string' },
    { 基本信息: { 标题: '租赁纠纷调解' } },
    { b: [] },
    'scalar',
    null,
    [{ a: { b: 1 } }],
    { a: [{ b: 1 }, { b: 2 }] },
    { a: [{ b: 1 }] },
    { a: [] },
    { a: [{ b: 1 }, { c: 2 }, null, 3] },
    { a: [{ b: [1, 2] }] },
    { a: [[{ b: 1 }]] },
    { a: [{ b: { c: 1 } }, { b: { c: 2 } }] },
    { 处置人员: [{ 工号: 'P1' }, { 工号: 'P2' }] },
  ];
  const exprs = ['a.b', 'a.b.c', 'a', 'b', 'a.c', '基本信息.标题', '`基本信息`.`标题`', '处置人员.工号', '"grid"', '42', 'false', 'null'];
  for (const text of exprs) {
    it(text, async () => {
      const e = compileExpression(text);
      expect(e.direct).toBeDefined();
      for (const input of inputs) {
        const direct = e.direct!(input);
        const reference = await jsonata(text).evaluate(input);
        // As JSON: JSONata marks its result lists with a `sequence` property, which means nothing outside it.
        const plain = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
        if (direct !== ASK_JSONATA) expect(plain(direct), `${text} on ${JSON.stringify(input)}`).toEqual(plain(reference));
      }
    });
  }

  it('leaves anything else to JSONata', () => {
    for (const text of ['[部门]', 'a[0]', 'a.b[x=1]', '$string(a)', 'a & b', 'a ? b : c', 'a.$', '*.b']) {
      expect(compileExpression(text).direct, text).toBeUndefined();
    }
  });

  it('names where an expression cannot be read', () => {
    expect(() => compileExpression('a.(b')).toThrow(/cannot read expression `a.\(b`: .*at character/);
  });
});

describe('conversions', () => {
  it('reads local times at the source offset, and times with their own offset as they are', () => {
    expect(convert('2026-11-01 08:00:00', 'time', '+08:00')).toBe('2026-11-01T08:00:00+08:00');
    expect(convert('2026/11/1 8:05', 'time', '+08:00')).toBe('2026-11-01T08:05:00+08:00');
    expect(convert('2026年11月1日', 'time', '+08:00')).toBe('2026-11-01T00:00:00+08:00');
    expect(convert('2026-11-01T00:00:00Z', 'time', '+08:00')).toBe('2026-11-01T08:00:00+08:00');
    expect(convert(1_793_491_200, 'time', '+08:00')).toBe(convert(1_793_491_200_000, 'time', '+08:00'));
    expect(timeMs('2026-11-01 08:00:00', '+08:00')).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(() => convert('2026-02-30 08:00', 'time', '+08:00')).toThrow('"2026-02-30 08:00" is not a real date and time');
    // The shortcut for "YYYY-MM-DD HH:mm:ss" agrees with the general reading, leap days included.
    for (const t of ['2024-02-29 23:59:59', '2026-12-31 00:00:00', '2026-01-01T09:30:15']) {
      expect(convert(t, 'time', '-05:30')).toBe(isoAtOffset(timeMs(t, '-05:30'), '-05:30'));
    }
    expect(() => convert('2026-02-29 08:00:00', 'time', '+08:00')).toThrow('is not a real date and time');
    expect(() => convert('2026-11-01 24:00:00', 'time', '+08:00')).toThrow('is not a real date and time');
    expect(() => convert('soon', 'time', '+08:00')).toThrow('cannot read "soon" as a time');
  });

  it('numbers, booleans and lists as offices write them', () => {
    expect(convert('96%', 'number', '+08:00')).toBe(0.96);
    expect(convert('1,234', 'integer', '+08:00')).toBe(1234);
    expect(() => convert('12.5', 'integer', '+08:00')).toThrow('not a whole number');
    expect(convert('是', 'boolean', '+08:00')).toBe(true);
    expect(convert('否', 'boolean', '+08:00')).toBe(false);
    expect(convert('司法所、综治中心', 'list', '+08:00')).toEqual(['司法所', '综治中心']);
    expect(convert(null, 'list', '+08:00')).toEqual([]);
    expect(convert(12, 'string', '+08:00')).toBe('12');
  });
});

describe('a record mapping', () => {
  const mapping = compileRecordMapping(
    {
      id: { from: '编号', as: 'string' },
      status: { from: '状态', values: { 已受理: 'accepted', 已办结: 'closed' } },
      reportedAt: { from: '时间.上报', as: 'time' },
      acceptedAt: { from: '时间.受理', as: 'time' },
      departments: { from: '部门', as: 'list' },
      'metrics.onTimeRate': { from: '按时率', as: 'number' },
      title: '$join([类别, "：", 标题])',
    },
    { timezone: '+08:00', implied: { updatedAt: (b) => b?.fileTime } },
  );

  it('builds the contract record, nested fields and implied ones included', async () => {
    const r = await mapping.map(
      { 编号: 17, 状态: '已办结', 时间: { 上报: '2026-11-01 08:00' }, 部门: '司法所', 按时率: '90%', 类别: '租赁', 标题: '押金' },
      { fileTime: '2026-11-02T00:00:00+08:00' },
    );
    expect(r.failure).toBeNull();
    expect(r.record).toEqual({
      id: '17',
      status: 'closed',
      reportedAt: '2026-11-01T08:00:00+08:00',
      acceptedAt: null,
      departments: ['司法所'],
      metrics: { onTimeRate: 0.9 },
      title: '租赁：押金',
      updatedAt: '2026-11-02T00:00:00+08:00',
    });
  });

  it('names the field, its expression and the value that failed', async () => {
    const r = await mapping.map({ 编号: 1, 状态: '处理中', 时间: {} });
    expect(r.record).toBeNull();
    expect(r.failure).toEqual({ field: 'status', expression: '状态', message: '"处理中" is not in its values table (已受理, 已办结)' });
    const bad = await mapping.map({ 编号: 1, 状态: '已受理', 时间: { 上报: '昨天' } });
    expect(bad.failure).toMatchObject({ field: 'reportedAt', expression: '时间.上报', message: 'cannot read "昨天" as a time' });
  });

  it('explains a schema failure with the expressions the fields came from', () => {
    expect(explainIssues('reportedAt: Invalid ISO datetime; townCode: expected string', mapping)).toBe(
      'reportedAt (from `时间.上报`): Invalid ISO datetime; townCode: expected string',
    );
  });
});
