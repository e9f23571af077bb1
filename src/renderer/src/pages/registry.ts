import './pages.css';
import '../panels/panels.css';
import type { ComponentType } from 'react';
import type { PageId } from '../../../shared/config';
import { OverviewPage } from './OverviewPage';
import { RiskPage } from './RiskPage';
import { EventsPage } from './EventsPage';
import { ConsultationPage } from './ConsultationPage';

export { TownDetail } from '../panels/TownDetail';

/** The four cockpit pages; the shell renders one full-canvas, titled `page.<id>` in the catalogue. */
export const PAGES: Record<PageId, ComponentType> = {
  overview: OverviewPage,
  risk: RiskPage,
  events: EventsPage,
  consultation: ConsultationPage,
};
