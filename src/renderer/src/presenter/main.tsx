import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import '../styles/fonts';
import '../styles/wall.css';
import './presenter.css';
import { applyLevelCssVariables } from '../../palette/levelColors';
import { queryClient } from '../data/client';
import { preloadPages } from '../pages/registry';
import { Presenter } from './Presenter';

applyLevelCssVariables(document.documentElement.style);
// No change stream of its own: a browser holds six connections per host, and a laptop may show the
// wall in another tab (two streams) beside this one (the wall's control stream). The previews
// and notes refresh on a page change, and every 30 s.
queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, refetchInterval: 30_000 } });
preloadPages();
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <Presenter />
  </QueryClientProvider>,
);
