import { useEffect, useState, type JSX } from 'react';
import type { CockpitBridge, Diagnostics } from '../../../shared/ipc';
import { diagnosticsSections } from './rows';
import './diagnostics.css';

const REFRESH_MS = 5000;

export interface DiagnosticsViewProps {
  /** The Electron bridge (transport/index.ts getBridge()); null in a browser served by the hub. */
  bridge: CockpitBridge | null;
  l: (zh: string, en: string) => string;
  onClose?: () => void;
}

/** The operators' page: source health, configuration, core process, wall, logs, versions. */
export function DiagnosticsView({ bridge, l, onClose }: DiagnosticsViewProps): JSX.Element {
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
    <section className="diagnostics" data-testid="diagnostics" aria-label={l('诊断信息', 'Diagnostics')}>
      <header className="diagnostics__head">
        <h1>{l('诊断信息', 'Diagnostics')}</h1>
        {data && <span className="diagnostics__time">{data.generatedAt}</span>}
        {onClose && (
          <button type="button" className="diagnostics__close" onClick={onClose}>
            {l('关闭', 'Close')}
          </button>
        )}
      </header>
      {!bridge && <p className="diagnostics__note">{l('诊断信息仅在桌面版中提供', 'Diagnostics are available in the desktop app only')}</p>}
      {error && <p className="diagnostics__note diagnostics__note--alert">{error}</p>}
      {data &&
        diagnosticsSections(data, l).map((s) => (
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
