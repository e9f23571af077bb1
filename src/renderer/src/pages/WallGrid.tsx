import { Fragment, type ReactNode } from 'react';
import { useWallLayout, type WallKind } from '../shell/layout';

/** A page's grid for one wall shape: CSS grid-template-areas rows, column and row sizes. */
export interface WallTemplate {
  areas: string[];
  columns: string;
  rows: string;
}

export function areasOf(t: WallTemplate): Set<string> {
  return new Set(t.areas.join(' ').split(/\s+/).filter((a) => a && a !== '.'));
}

/**
 * Lays a page out for the wall it is on: wider walls get more panels side by side (their
 * own template), never a stretched 16:9. Panels whose area is not in the template are not
 * rendered at all (so their queries don't run either).
 */
export function WallGrid(props: {
  page: string;
  templates: Record<WallKind, WallTemplate>;
  /** Elements, not render functions: a panel's hooks run only if it is mounted. */
  panels: Record<string, ReactNode>;
  toolbar?: ReactNode;
}) {
  const { kind } = useWallLayout();
  const t = props.templates[kind];
  const present = areasOf(t);
  return (
    <section className={`cockpit-page cockpit-page-${props.page}`} data-page={props.page} data-wall={kind}>
      {props.toolbar}
      <div
        className="page-grid"
        style={{
          gridTemplateAreas: t.areas.map((r) => `"${r}"`).join(' '),
          gridTemplateColumns: t.columns,
          gridTemplateRows: t.rows,
        }}
      >
        {Object.entries(props.panels)
          .filter(([area]) => present.has(area))
          .map(([area, panel]) => (
            <Fragment key={area}>{panel}</Fragment>
          ))}
      </div>
    </section>
  );
}
