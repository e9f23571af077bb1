import type { JSX } from 'react';
import { PAGE_IDS } from '../../../shared/config';
import { useL } from '../i18n';
import { useCockpit } from '../store/cockpit';
import { Clock } from './Clock';
import { FreshnessBar } from './FreshnessBar';
import { PlayControl } from './PlayControl';

export interface PageTab {
  id: (typeof PAGE_IDS)[number];
  zh: string;
  en: string;
}

export function Header({ title, tabs }: { title: string; tabs: PageTab[] }): JSX.Element {
  const l = useL();
  const page = useCockpit((s) => s.page);
  const week = useCockpit((s) => s.week);
  const setPage = useCockpit((s) => s.setPage);
  const pauseByHand = useCockpit((s) => s.pauseByHand);
  const setWeek = useCockpit((s) => s.setWeek);
  return (
    <header className="header">
      <h1 className="header__title" data-testid="title">
        {title}
      </h1>
      <nav className="tabs" aria-label={l('页面', 'Pages')}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`tab${t.id === page ? ' tab--active' : ''}`}
            aria-current={t.id === page ? 'page' : undefined}
            data-page={t.id}
            onClick={(e) => {
              // Don't keep focus: a clicker's Space must pause, not click this tab again.
              e.currentTarget.blur();
              setPage(t.id);
              pauseByHand();
            }}
          >
            {l(t.zh, t.en)}
          </button>
        ))}
      </nav>
      {week && (
        <button type="button" className="lookback" data-testid="lookback" onClick={(e) => {
            e.currentTarget.blur();
            setWeek(null);
          }}>
          {l(`回看 ${week} · 返回最新`, `Week of ${week} · back to latest`)}
        </button>
      )}
      <div className="header__right">
        <FreshnessBar />
        <PlayControl />
        <Clock />
      </div>
    </header>
  );
}
