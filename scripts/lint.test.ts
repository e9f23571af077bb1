/**
 * The lint rules can fail: each file in lint-fixtures/ breaks one rule on purpose (or none),
 * and is linted with the project's own eslint.config.js as if it lived where its first line
 * says. A layering rule that stopped firing — a typo in a folder pattern, a policy that
 * allows everything — fails here, while `npm run lint` would stay green.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'lint-fixtures');

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.ts'))
  .map((file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const as = /^\/\/ as: (\S+)$/m.exec(text)?.[1];
    const expects = /^\/\/ expects: (.+)$/m.exec(text)?.[1];
    if (!as || !expects) throw new Error(`${file}: needs "// as: <path>" and "// expects: <rules>|nothing"`);
    return { file, text, as, expects: expects === 'nothing' ? [] : expects.split(/,\s*/) };
  });

describe('lint fixtures', () => {
  const eslint = new ESLint({ cwd: ROOT });

  it('cover every layer rule, and allowed imports too', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(fixtures.some((f) => f.expects.length === 0)).toBe(true);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_, f) => {
    // An import of a file that moved resolves to nothing, and the layering rule then says
    // nothing either: every relative import of a fixture must name a file that exists.
    for (const [, spec] of f.text.matchAll(/from '(\.[^']+)'/g)) {
      const base = resolve(ROOT, dirname(f.as), spec);
      const found = ['.ts', '.tsx', '/index.ts'].some((ext) => existsSync(base + ext));
      expect(found, `${f.file}: '${spec}' names no file`).toBe(true);
    }
    const [result] = await eslint.lintText(f.text, { filePath: join(ROOT, f.as) });
    const fatal = result.messages.filter((m) => m.fatal);
    expect(fatal, 'parse errors').toEqual([]);
    expect(result.messages.map((m) => m.ruleId).sort()).toEqual([...f.expects].sort());
  });
});
