import { useEffect, useState, type JSX } from 'react';
import type { DesktopBridge, Diagnostics } from '../../../shared/ipc';
import type { T } from '../i18n';
import { diagnosticsSections } from './rows';
import './diagnostics.css';

const REFRESH_MS = 5000;

export interface DiagnosticsViewProps {
  /** The Electron bridge (transport/index.ts getBridge()); null in a browser served by the hub. */
  bridge: DesktopBridge | null;
  t: T;
  onClose?: () => void;
}

/** The operators' page: source health, configuration, core process, wall, logs, versions. */
export function DiagnosticsView({ bridge, t, onClose }: DiagnosticsViewProps): JSX.Element {
  const [data, setData] = useState<Diagnostics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!bridge) return;
    let alive = true;
    const load = (): void => {
      bridge.diagnostics().then(
        (d) => {
          if (!alive) return;
          setData(d);
          setError(null);
        },
        (err: unknown) => alive && setError(err instanceof Error ? err.message : String(err)),
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [bridge]);

  return (
    <section className="diagnostics" data-testid="diagnostics" aria-label={t('diag.title')}>
      <header className="diagnostics__head">
        <h1>{t('diag.title')}</h1>
        {data && <span className="diagnostics__time">{data.generatedAt}</span>}
        {onClose && (
          <button type="button" className="diagnostics__close" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </header>
      {!bridge && <p className="diagnostics__note">{t('diag.desktopOnly')}</p>}
      {error && <p className="diagnostics__note diagnostics__note--alert">{error}</p>}
      {data &&
        diagnosticsSections(data, t).map((s) => (
          <div key={s.id} className="diagnostics__section" data-section={s.id}>
            <h2>{s.title}</h2>
            <dl>
              {s.rows.map((r, i) => (
                <div key={i} className={r.alert ? 'diagnostics__row diagnostics__row--alert' : 'diagnostics__row'}>
                  <dt>{r.label}</dt>
                  <dd>{r.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
    </section>
  );
}
