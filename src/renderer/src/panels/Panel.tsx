import type { ReactNode } from 'react';
import { AsOf } from '../shell/AsOf';

/**
 * A titled box on the wall grid. `area` is its CSS grid-area name in the page template;
 * `asOf` is shown in the header so no number is ever without its time.
 */
export function Panel(props: {
  area: string;
  title: string;
  asOf?: string | null;
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={`panel ${props.className ?? ''}`} style={{ gridArea: props.area }} data-panel={props.area}>
      <header className="panel-head">
        <h3>{props.title}</h3>
        {props.extra}
        {props.asOf !== undefined && <AsOf time={props.asOf} />}
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}
