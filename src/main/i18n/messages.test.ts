import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../shared/i18n';
import { inlineChinese } from '../../shared/testing/inlineText';
import { MAIN_MESSAGES, mainText } from './messages';

const MAIN_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Main's source files, tests and the catalogue itself left out. */
function mainSources(): string[] {
  return (readdirSync(MAIN_DIR, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== join('i18n', 'messages.ts'))
    .map((f) => join(MAIN_DIR, f));
}

describe("Electron main's message catalogue", () => {
  it('has every key in both languages, with the same parameters', () => {
    expect(catalogueProblems(MAIN_MESSAGES)).toEqual([]);
  });

  it('holds every Chinese text of main: none inline in its modules', () => {
    const files = mainSources();
    expect(files.length).toBeGreaterThan(20);
    const inline = files.flatMap((f) => inlineChinese(relative(MAIN_DIR, f), readFileSync(f, 'utf8')));
    expect(inline.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('titles the window with the configured title in the UI language', () => {
    expect(mainText('zh-CN')('app.titled', { title: '临平区' })).toBe('临平区 · 区域平安驾驶舱');
    expect(mainText('en')('app.titled', { title: 'Linping' })).toBe('Linping · District Cockpit');
  });
});
