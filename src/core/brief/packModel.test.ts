import { describe, expect, it } from 'vitest';
import { canonicalJson, parsePages } from './packModel';

describe('pack model helpers', () => {
  it('takes known pages once, in order, and names an unknown one', () => {
    expect(parsePages('risk, overview,risk')).toEqual(['risk', 'overview']);
    expect(() => parsePages('overview,kitchen')).toThrow('pages: unknown page "kitchen"; expected some of overview, risk, events, consultation');
    expect(() => parsePages('')).toThrow(/none given/);
  });
  it('hashes content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: '3' }] })).toBe(canonicalJson({ a: [{ c: '3', d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
