import { useQuery } from '../data/useQuery';
import { STANDARD_VOCABULARY, type DimensionId, type IndicatorId, type Vocabulary } from '../../../shared/contract';

/** The source's vocabulary (names, units) once meta has loaded; the standard one until then. */
export function useVocabulary(): Vocabulary {
  const meta = useQuery('meta', {});
  return meta.data?.vocabulary ?? STANDARD_VOCABULARY;
}

export function indicatorOf(v: Vocabulary, id: IndicatorId) {
  return v.indicators.find((i) => i.id === id) ?? STANDARD_VOCABULARY.indicators.find((i) => i.id === id)!;
}

export function dimensionOf(v: Vocabulary, id: DimensionId) {
  return v.dimensions.find((d) => d.id === id) ?? STANDARD_VOCABULARY.dimensions.find((d) => d.id === id)!;
}
