import { describe, expect, it } from 'vitest';
import { hasInvisible, isWellFormedText, revealInvisible, stripInvisible } from './invisible';

describe('invisible characters in source text', () => {
  const RLO = '\u202E';
  it('strips bidi controls, zero-width characters, blank fillers, tags and C0/C1 controls', () => {
    expect(stripInvisible(`临平${RLO}街道`)).toBe('临平街道');
    expect(stripInvisible('星\u2067桥\u2069\u200B\u200D\u2060\uFEFF街道')).toBe('星桥街道');
    expect(stripInvisible('\u3164\u115F名\u{E0041}\u{E0042}字\u0000\u0007\u009B')).toBe('名字');
    expect(hasInvisible('临平街道')).toBe(false);
  });

  it('keeps tabs, newlines, variation selectors and right-to-left letters', () => {
    const text = 'فلان\tئۇيغۇر\n葛\uFE00 ✔\uFE0F';
    expect(stripInvisible(text)).toBe(text);
  });

  it('reveals what it would strip, by code point, for diagnostics', () => {
    expect(revealInvisible(`a${RLO}b\u200Bc`)).toBe('a⟨U+202E⟩b⟨U+200B⟩c');
    expect(revealInvisible('plain')).toBe('plain');
  });

  it('tells lone surrogates from well-formed text', () => {
    expect(isWellFormedText('探针区😀')).toBe(true);
    expect(isWellFormedText('探针\uD800区')).toBe(false);
    expect(isWellFormedText('\uDC00')).toBe(false);
  });
});
