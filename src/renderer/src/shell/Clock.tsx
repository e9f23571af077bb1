import { useEffect, useState, type JSX } from 'react';
import { fmtClock, fmtDate } from '../i18n';

/** hh:mm:ss in the district's time, ticking on the second boundary. */
export function Clock(): JSX.Element {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      setNow(Date.now());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="clock" data-testid="clock">
      <span className="clock__date">{fmtDate(now)}</span>
      <span className="clock__time num">{fmtClock(now)}</span>
    </div>
  );
}
