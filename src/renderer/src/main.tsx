import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import './styles/fonts';
import './styles/wall.css';
import { App } from './App';
import { loadPage, loadTownDetail, preloadPages } from './pages/registry';
import { useCockpit } from './store/cockpit';
import { queryClient } from './data/client';
import { seedFromBoot } from './data/boot';
import { startLive } from './data/live';
import { startWallFollow } from './control/follow';
import { printMode, startPrint } from './control/print';
import { redrawChartsWhenLoaded } from './charts/useEChart';
import { installCanvasTextMeasure } from './shell/canvasTextMeasure';
import { loadDistrictGlyphs } from './styles/fonts';
import { applyLevelCssVariables } from '../palette/levelColors';
import type { MetaModel } from '../../shared/readModel';
import { restoreAfterSoftReload } from './wall/care';

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
// After a soft reload (the memory ceiling), the wall comes back where it was.
restoreAfterSoftReload();
// The answers the page came with (the hub writes them in): the first render has data.
seedFromBoot(queryClient);
// Follow the wall's control state (the core's), and report what changes here — unless printing
// a briefing pack, which shows one page at one as-of and never touches the wall.
const print = printMode();
// Listen to the core before the first render so the link state is known from the start (a
// pack's cover has no data of its own to keep fresh).
if (print?.kind !== 'cover') startLive();
if (print?.kind === 'page') startPrint(print, queryClient);
else if (!print) startWallFollow();
// The first page's code starts loading with the shell's; the rest once the wall has painted.
if (print?.kind !== 'cover') void loadPage(useCockpit.getState().page).catch(() => undefined);
const preloadRest = (): void => {
  preloadPages();
  void loadTownDetail();
};
// A printed page needs no other page's code.
if (print) {
  /* nothing more to load */
} else if ('requestIdleCallback' in window) requestIdleCallback(preloadRest, { timeout: 3000 });
else setTimeout(preloadRest, 1500);
if (print?.kind !== 'cover') createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <App />
  </QueryClientProvider>,
);
