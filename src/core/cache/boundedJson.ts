/**
 * JSON text of any value, however deep or large, cut at `max` characters: quarantine keeps what
 * a source sent as text an operator can read. Iterative (an explicit stack), so a 100,000-deep
 * payload costs nothing extra and never overflows the call stack the way JSON.stringify or
 * String() of it does; it stops walking as soon as the text is long enough.
 */
export function boundedJson(value: unknown, max: number): string {
  let out = '';
  // Work items: a value to write, or literal text (separators, closing brackets).
  const stack: Array<{ text: string } | { value: unknown; key?: string }> = [{ value }];
  while (stack.length > 0 && out.length <= max) {
    const item = stack.pop()!;
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const prefix = item.key === undefined ? '' : `${JSON.stringify(item.key)}:`;
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out += prefix + scalar(v);
      continue;
    }
    if (Array.isArray(v)) {
      out += `${prefix}[`;
      stack.push({ text: ']' });
      // Pushed in reverse so they pop in order; only as many as could still fit.
      const n = Math.min(v.length, max - out.length + 1);
      for (let i = n - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push({ text: ',' });
      }
      continue;
    }
    out += `${prefix}{`;
    stack.push({ text: '}' });
    const keys = Object.keys(v);
    const n = Math.min(keys.length, max - out.length + 1);
    for (let i = n - 1; i >= 0; i--) {
      stack.push({ value: (v as Record<string, unknown>)[keys[i]], key: keys[i] });
      if (i > 0) stack.push({ text: ',' });
    }
  }
  return out.length > max ? out.slice(0, max) : out;
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 4096 ? v.slice(0, 4096) : v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return `"${v}"`;
  return 'null'; // undefined, functions, symbols: JSON has none
}
