import './pages.css';
import '../panels/panels.css';
import type { ComponentType } from 'react';
import type { PageId } from '../../../shared/config';
import { OverviewPage } from './OverviewPage';
import { RiskPage } from './RiskPage';
import { EventsPage } from './EventsPage';
import { ConsultationPage } from './ConsultationPage';

export { TownDetail } from '../panels/TownDetail';

/** The four cockpit pages, in playlist order; the shell renders `Component` full-canvas. */
export const PAGES: Record<PageId, { zh: string; en: string; Component: ComponentType }> = {
  overview: { zh: '平安总览', en: 'Overview', Component: OverviewPage },
  risk: { zh: '五色图', en: 'Risk map', Component: RiskPage },
  events: { zh: '四平台', en: 'Four platforms', Component: EventsPage },
  consultation: { zh: '云上板凳 · 矛盾化解', en: 'Consultation & disputes', Component: ConsultationPage },
};
