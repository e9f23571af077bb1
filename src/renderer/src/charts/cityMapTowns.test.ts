import { describe, expect, it } from 'vitest';
import type { MapModel, TownRisk } from '../../../shared/readModel';
import { translate } from '../i18n';
import { cityMapTowns, districtLevel } from './cityMapTowns';

const zh = translate('zh-CN');

const town = (code: string, level: TownRisk['level']) => ({ code, name: `镇${code}`, level }) as TownRisk;
const city = {
  geojson: {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: '330113', name: '临平区' }, geometry: { type: 'Polygon', coordinates: [] } },
      { type: 'Feature', properties: { code: '330110', name: '<img src=x onerror=alert(1)>' }, geometry: { type: 'Polygon', coordinates: [] } },
    ],
  },
} as unknown as Pick<MapModel, 'geojson'>;

describe('the city view', () => {
  it('colours a district by its most severe town, never an average', () => {
    expect(districtLevel([town('1', 'green'), town('2', 'red'), town('3', 'blue')])).toBe('red');
    expect(districtLevel([town('1', 'blue'), town('2', 'yellow')])).toBe('yellow');
    expect(districtLevel([])).toBeNull();
  });

  it('marks the other districts as not connected, and escapes their names in tooltips', () => {
    const [ours, other] = cityMapTowns(city, '330113', [town('1', 'orange'), town('2', 'green'), town('3', 'green')], zh);
    expect(ours).toMatchObject({ code: '330113', level: 'orange' });
    expect(ours.tooltip!.__html).toContain('橙 1');
    expect(ours.tooltip!.__html).toContain('绿 2');
    expect(other).toMatchObject({ code: '330110', level: null });
    expect(other.tooltip!.__html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(other.tooltip!.__html).not.toContain('<img');
  });
});
