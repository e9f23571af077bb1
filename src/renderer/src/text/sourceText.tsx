/**
 * Text from a data source, shown isolated: whatever direction its letters run (a name in
 * Uyghur or Arabic, or one carrying a stray U+202E), it cannot reorder the text around it —
 * "临平街道 · 龙船坞社区" stays in that order. Invisible and bidi controls are stripped (the
 * contract strips them on the way in; this catches anything cached before). One helper per
 * place text goes:
 *
 * - `<Src>` in the DOM (a `<bdi>`); `<SrcList>` for a list joined by a separator;
 * - `srcHtml()` in chart tooltips (ECharts renders HTML: escaped, then in a `<bdi>`);
 * - `isolate()` in canvas labels and plain-text attributes (FSI … PDI around the text).
 */
import { Fragment } from 'react';
import { stripInvisible } from '../../../shared/text/invisible';
import { escapeHtml, raw, type SafeHtml } from '../charts/escapeHtml';

const FSI = '\u2068';
const PDI = '\u2069';

const clean = (text: unknown): string => (text === null || text === undefined ? '' : stripInvisible(String(text)));

export function Src(props: { children: string | null | undefined }) {
  return <bdi>{clean(props.children)}</bdi>;
}

export function SrcList(props: { items: readonly string[]; separator?: string }) {
  const sep = props.separator ?? '、';
  return (
    <>
      {props.items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && sep}
          <bdi>{clean(item)}</bdi>
        </Fragment>
      ))}
    </>
  );
}

/** For tooltip markup (see html`` in escapeHtml.ts): escaped and isolated. */
export function srcHtml(text: unknown): SafeHtml {
  return raw(`<bdi>${escapeHtml(clean(text))}</bdi>`);
}

/** For canvas text (chart labels, axis categories, legends) and title/aria attributes. */
export function isolate(text: unknown): string {
  return FSI + clean(text) + PDI;
}
