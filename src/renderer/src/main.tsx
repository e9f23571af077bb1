import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import './styles/fonts';
import './styles/wall.css';
import { App } from './App';
import { queryClient } from './data/client';
import { startLive } from './data/live';
import { redrawChartsWhenLoaded } from './charts/useEChart';
import { installCanvasTextMeasure } from './shell/canvasTextMeasure';
import { loadDistrictGlyphs } from './styles/fonts';
import { applyLevelCssVariables } from '../palette/levelColors';
import type { MetaModel } from '../../shared/readModel';

// CSS reads the five colours from the same module the charts use, before anything paints.
applyLevelCssVariables(document.documentElement.style);
// Canvas text outside the preloaded glyphs (rare: free text in a chart label) draws once as
// boxes, then again when its glyphs have loaded.
installCanvasTextMeasure((text, font) => redrawChartsWhenLoaded(font, text));
// The district's own words (town names, vocabulary) start loading the moment meta arrives,
// before any chart draws them.
queryClient.getQueryCache().subscribe((e) => {
  if (e.type === 'updated' && e.action.type === 'success' && e.query.queryKey[0] === 'meta') loadDistrictGlyphs(e.query.state.data as MetaModel);
});
// Listen to the core before the first render so the link state is known from the start.
startLive();
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <App />
  </QueryClientProvider>,
);
