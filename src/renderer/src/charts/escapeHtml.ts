/**
 * ECharts renders tooltips as HTML: any text that came from a data source (town, community,
 * topic, a person's name) must be escaped before it goes into a tooltip formatter, or a
 * community called `<img src=x onerror=…>` would run script on the wall.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Marks a string as already-safe markup for {@link html}. */
export interface SafeHtml {
  readonly __html: string;
}
export function raw(markup: string): SafeHtml {
  return { __html: markup };
}

/**
 * Tagged template for tooltip markup: every interpolated value is escaped unless it is a
 * SafeHtml (from `raw` or a nested `html`). Arrays are joined after escaping each item.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return { __html: out };
}

function render(v: unknown): string {
  if (Array.isArray(v)) return v.map(render).join('');
  if (v && typeof v === 'object' && '__html' in v) return (v as SafeHtml).__html;
  return escapeHtml(v);
}
