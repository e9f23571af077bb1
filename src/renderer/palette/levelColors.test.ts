import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../shared/contract';
import { applyLevelCssVariables, LEVEL_COLORS, LEVEL_INK, levelCssVariables, NO_DATA_COLOR } from './levelColors';

describe('the five-colour palette', () => {
  it('has one distinct colour and one ink per level, none equal to the no-data colour', () => {
    const colours = LEVELS.map((l) => LEVEL_COLORS[l].toLowerCase());
    expect(new Set(colours).size).toBe(LEVELS.length);
    expect(colours).not.toContain(NO_DATA_COLOR.toLowerCase());
    for (const l of LEVELS) expect(LEVEL_INK[l]).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('derives the CSS variables from the same values', () => {
    expect(levelCssVariables()).toEqual({
      '--level-red': LEVEL_COLORS.red,
      '--level-orange': LEVEL_COLORS.orange,
      '--level-yellow': LEVEL_COLORS.yellow,
      '--level-blue': LEVEL_COLORS.blue,
      '--level-green': LEVEL_COLORS.green,
      '--level-none': NO_DATA_COLOR,
    });
    const set: Record<string, string> = {};
    applyLevelCssVariables({ setProperty: (name: string, value: string | null) => void (set[name] = value ?? '') });
    expect(set).toEqual(levelCssVariables());
  });
});
