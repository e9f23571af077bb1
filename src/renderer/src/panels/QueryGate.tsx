import { useRef, type ReactNode } from 'react';
import { fmtDateTime, fmtTime, useT, type TextKey } from '../i18n';

interface Q<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Turns a query's state into something a wall operator understands: what is missing and
 * since when, never a silent blank. With last-good data and a failed refresh, the data
 * stays on screen and a banner says the refresh failed.
 */
export function QueryGate<D>(props: {
  q: Q<D>;
  /** What is being loaded, as a catalogue key ('data.overview': 平安总览数据). */
  what: TextKey;
  children: (data: D) => ReactNode;
}) {
  const t = useT();
  const since = useRef<number>(Date.now());
  const { data, error, loading } = props.q;
  const what = t(props.what);
  if (data) {
    since.current = Date.now();
    return (
      <>
        {error && (
          <div className="state-banner" role="status">
            {t('query.refreshFailed', { what })}
            {error}
          </div>
        )}
        {props.children(data)}
      </>
    );
  }
  if (error) {
    return (
      <div className="state state-error" role="alert">
        <strong>{t('query.cannotLoad', { what })}</strong>
        <span>{error}</span>
        <span>{t('query.since', { time: fmtTime(since.current) })}</span>
      </div>
    );
  }
  return (
    <div className="state state-loading" role="status">
      {loading
        ? t('query.loading', { what })
        : t('query.noneYet', { what, time: fmtDateTime(since.current) })}
    </div>
  );
}

/** An empty list inside a panel: say what is empty, not just "no data". */
export function EmptyNote(props: { children: ReactNode }) {
  return <div className="state state-empty">{props.children}</div>;
}
