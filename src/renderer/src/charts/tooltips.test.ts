import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, DIMENSION_IDS, STANDARD_VOCABULARY } from '../../../shared/contract';
import type { TownRisk } from '../../../shared/readModel';
import { translate } from '../i18n';
import { townRiskTooltip } from './tooltips';

const t = translate('zh-CN');

function town(name: string): TownRisk {
  const ind = Object.fromEntries(INDICATOR_IDS.map((id, i) => [id, i + 0.5])) as TownRisk['indicators'];
  return {
    code: '330113004',
    name,
    weekStart: '2026-11-16',
    level: 'orange',
    score: 71.4,
    dimensionScores: Object.fromEntries(DIMENSION_IDS.map((d) => [d, 60])) as TownRisk['dimensionScores'],
    dimensionLevels: Object.fromEntries(DIMENSION_IDS.map((d) => [d, 'yellow'])) as TownRisk['dimensionLevels'],
    indicators: ind,
    baselines: ind,
    indicatorLevels: Object.fromEntries(INDICATOR_IDS.map((id) => [id, 'blue'])) as TownRisk['indicatorLevels'],
    levelFrom: 'engine',
  };
}

describe('townRiskTooltip', () => {
  it('lists the five dimension scores and the twelve indicators with units', () => {
    const out = townRiskTooltip(town('星桥街道'), STANDARD_VOCABULARY, t).__html;
    for (const d of STANDARD_VOCABULARY.dimensions) expect(out).toContain(d.zh);
    for (const i of STANDARD_VOCABULARY.indicators) expect(out).toContain(i.zh);
    expect(out).toContain('较高风险');
    expect(out).toContain('8.5%'); // foodSamplingFailRate (index 8) keeps its % unit
    expect(out).toContain('2.5 起'); // criminalCases
  });

  it('adds the town\'s open warnings, escaped, and leaves closed ones out', () => {
    const w = (id: string, title: string, status: 'open' | 'closed', code = '330113004') =>
      ({ id, title, status, level: 'orange', town: { code, name: 'x' } }) as never;
    const out = townRiskTooltip(town('星桥街道'), STANDARD_VOCABULARY, t, [
      w('a', '<script>alert(1)</script>', 'open'),
      w('b', '已销号的旧预警', 'closed'),
      w('c', '别的镇街', 'open', '330113001'),
    ]).__html;
    expect(out).toContain('<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>（待整改）');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('已销号的旧预警');
    expect(out).not.toContain('别的镇街');
  });

  it('shows a hostile town name as text', () => {
    const out = townRiskTooltip(town('<img src=x onerror=alert(1)>'), STANDARD_VOCABULARY, t).__html;
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img');
  });
});
