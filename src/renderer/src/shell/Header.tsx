import type { JSX } from 'react';
import type { PageId } from '../../../shared/config';
import { useT } from '../i18n';
import { useCockpit } from '../store/cockpit';
import { Clock } from './Clock';
import { FreshnessBar } from './FreshnessBar';
import { LookbackControl } from './LookbackControl';
import { PlayControl } from './PlayControl';
import { PairingCode } from '../control/PairingCode';

export function Header({ title, pages }: { title: string; pages: readonly PageId[] }): JSX.Element {
  const t = useT();
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
      <nav className="tabs" aria-label={t('shell.pages')}>
        {pages.map((id) => (
          <button
            key={id}
            type="button"
            className={`tab${id === page ? ' tab--active' : ''}`}
            aria-current={id === page ? 'page' : undefined}
            data-page={id}
            onClick={(e) => {
              // Don't keep focus: a clicker's Space must pause, not click this tab again.
              e.currentTarget.blur();
              setPage(id);
              pauseByHand();
            }}
          >
            {t(`page.${id}`)}
          </button>
        ))}
      </nav>
      <LookbackControl />
      {week && (
        <button type="button" className="lookback" data-testid="lookback" onClick={(e) => {
            e.currentTarget.blur();
            setWeek(null);
          }}>
          {t('shell.lookingBack', { week })}
        </button>
      )}
      <div className="header__right">
        <FreshnessBar />
        <PairingCode />
        <PlayControl />
        <Clock />
      </div>
    </header>
  );
}
