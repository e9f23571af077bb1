import { useRef, type ReactNode } from 'react';
import { fmtDateTime, fmtTime, useL } from '../i18n';

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
export function QueryGate<T>(props: { q: Q<T>; what: [zh: string, en: string]; children: (data: T) => ReactNode }) {
  const l = useL();
  const since = useRef<number>(Date.now());
  const { data, error, loading } = props.q;
  const what = l(...props.what);
  if (data) {
    since.current = Date.now();
    return (
      <>
        {error && (
          <div className="state-banner" role="status">
            {l(`${what}刷新失败，显示上次数据：`, `Refreshing ${what} failed; showing last data: `)}
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
        <strong>{l(`无法获取${what}`, `Cannot load ${what}`)}</strong>
        <span>{error}</span>
        <span>{l(`自 ${fmtTime(since.current)} 起`, `since ${fmtTime(since.current)}`)}</span>
      </div>
    );
  }
  return (
    <div className="state state-loading" role="status">
      {loading
        ? l(`正在载入${what}…`, `Loading ${what}…`)
        : l(`尚无${what}（自 ${fmtDateTime(since.current)}）`, `No ${what} yet (since ${fmtDateTime(since.current)})`)}
    </div>
  );
}

/** An empty list inside a panel: say what is empty, not just "no data". */
export function EmptyNote(props: { children: ReactNode }) {
  return <div className="state state-empty">{props.children}</div>;
}
