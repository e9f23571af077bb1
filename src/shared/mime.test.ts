import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './mime';

describe('contentTypeOf', () => {
  it('knows the built renderer’s file types, in any case', () => {
    expect(contentTypeOf('.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('.geojson')).toBe('application/geo+json; charset=utf-8');
  });
  it('answers undefined for anything else, including names an object inherits', () => {
    expect(contentTypeOf('.exe')).toBeUndefined();
    expect(contentTypeOf('')).toBeUndefined();
    expect(contentTypeOf('constructor')).toBeUndefined();
    expect(contentTypeOf('__proto__')).toBeUndefined();
  });
});
