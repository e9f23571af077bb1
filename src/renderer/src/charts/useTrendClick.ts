import { useCallback } from 'react';
import { useCockpit } from '../store/cockpit';
import { trendClickTown, type Trend } from './trendOption';
import type { ChartClick } from './useEChart';

/** Click handler for a trend chart: a click on a town's line (or its forecast) selects the town. */
export function useSelectTownOnTrendClick(trends: readonly Trend[] | undefined): (p: ChartClick) => void {
  const selectTown = useCockpit((s) => s.selectTown);
  return useCallback(
    (p: ChartClick) => {
      const code = trends ? trendClickTown(p, trends) : null;
      if (code) selectTown(code);
    },
    [trends, selectTown],
  );
}
