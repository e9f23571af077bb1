import { describe, expect, it } from 'vitest';
import { isAffected } from './dependencies';

describe('isAffected', () => {
  it('refetches a screen only for the data it reads', () => {
    expect(isAffected('events', ['events'])).toBe(true);
    expect(isAffected('events', ['followers'])).toBe(false);
    expect(isAffected('map', ['events'])).toBe(false);
    expect(isAffected('consultation', ['followers'])).toBe(true);
  });
  it('refetches health on anything, and everything on a name it does not know', () => {
    expect(isAffected('health', ['followers'])).toBe(true);
    expect(isAffected('map', ['somethingNew'])).toBe(true);
    expect(isAffected('config', ['*'])).toBe(true);
  });
});
