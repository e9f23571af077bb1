import { useEffect, useState, type JSX } from 'react';
import type { DesktopBridge, Diagnostics } from '../../../shared/ipc';
import { fmtDateTime, type T } from '../i18n';
import { useQuery } from '../data/useQuery';
import { levelKey } from '../charts/levels';
import { diagnosticsSections } from './rows';
import './diagnostics.css';

const REFRESH_MS = 5000;

export interface DiagnosticsViewProps {
  /** The Electron bridge (transport/index.ts getBridge()); null in a browser served by the hub. */
  bridge: DesktopBridge | null;
  t: T;
  onClose?: () => void;
  /** This wall's profile id: its alerts are listed (from the core, through either door). */
  wall?: string | null;
}

/** The operators' page: source health, configuration, core process, wall, logs, versions. */
export function DiagnosticsView({ bridge, t, onClose, wall = null }: DiagnosticsViewProps): JSX.Element {
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
      {wall && <WallAlerts wall={wall} t={t} />}
    </section>
  );
}

/** The wall's latest alerts with their acknowledgements, as the core recorded them (newest first). */
function WallAlerts({ wall, t }: { wall: string; t: T }): JSX.Element {
  const { data, error } = useQuery('alerts', { wall });
  return (
    <div className="diagnostics__section" data-section="alerts">
      <h2>{t('diag.alerts', { wall })}</h2>
      {error && <p className="diagnostics__note diagnostics__note--alert">{error}</p>}
      {data && data.recent.length === 0 && <p className="diagnostics__note">{t('diag.none')}</p>}
      {data && data.recent.length > 0 && (
        <table className="diagnostics__alerts" data-testid="diag-alerts">
          <thead>
            <tr>
              <th>{t('diag.alertRaised')}</th>
              <th>{t('diag.alertLevel')}</th>
              <th>{t('diag.alertSubjects')}</th>
              <th>{t('diag.state')}</th>
            </tr>
          </thead>
          <tbody>
            {data.recent.map((a) => (
              <tr key={a.id} data-alert={a.id} data-state={a.state}>
                <td>{fmtDateTime(a.raisedAt)}</td>
                <td>{`${t(levelKey(a.level, 'colour'))} × ${a.count}`}</td>
                <td className="ellipsis">{a.subjects.slice(0, 5).join('、')}</td>
                <td>
                  {a.ack
                    ? t('diag.alertAcked', { time: fmtDateTime(a.ack.at), via: t(`diag.via.${a.ack.via}`) })
                    : t(`diag.alertState.${a.state}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
