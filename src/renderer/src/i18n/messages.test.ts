import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../shared/i18n';
import { inlineChinese } from '../../../shared/testing/inlineText';
import { MESSAGES, translate } from './index';

declare global {
  interface ImportMeta {
    glob(patterns: string[], options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

// Every source file of the renderer (the main page and the 3D frame), read as text at build time.
const SOURCES = import.meta.glob(['/src/renderer/**/*.ts', '/src/renderer/**/*.tsx', '!**/*.test.*', '!**/*.d.ts', '!**/i18n/messages/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the renderer message catalogue', () => {
  it('has every key in both languages, with the same parameters', () => {
    expect(catalogueProblems(MESSAGES)).toEqual([]);
  });

  it('is where every Chinese text of the renderer lives: no inline zh/en pairs in components', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    const inline = Object.entries(SOURCES).flatMap(([file, text]) => inlineChinese(file, text));
    expect(inline.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('fills parameters, in either language', () => {
    expect(translate('zh-CN')('overview.openCount', { count: 3 })).toBe('在办 3 条');
    expect(translate('en')('overview.openCount', { count: 3 })).toBe('3 open');
    expect(translate('en').locale).toBe('en');
  });
});

describe('the checks themselves', () => {
  it('name a key missing in one language and a parameter that differs', () => {
    const problems = catalogueProblems({
      'zh-CN': { a: '甲', b: '共 {count} 条', c: '丙' },
      en: { a: 'A', b: '{n} in all', d: 'D' },
    });
    expect(problems).toEqual([
      'en: "b" has parameters {n}, zh-CN has {count}',
      'en: missing key "c"',
      'zh-CN: missing key "d"',
    ]);
  });

  it('find Chinese in strings, templates and JSX text, not in comments', () => {
    const source = [
      '// 注释里的中文不算',
      "const a = l('平安总览', 'Overview');",
      'const b = `截至 ${time}`;',
      'const c = <b>五色图</b>;',
      "const d = 'English only' + '：';",
    ].join('\n');
    expect(inlineChinese('x.tsx', source).map((f) => [f.line, f.text])).toEqual([
      [2, '平安总览'],
      [3, '截至 '],
      [4, '五色图'],
    ]);
  });
});
