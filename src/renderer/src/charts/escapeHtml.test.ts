import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './escapeHtml';

describe('escapeHtml', () => {
  it('turns markup into inert text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`"a" & 'b' \`c\``)).toBe('&quot;a&quot; &amp; &#39;b&#39; &#96;c&#96;');
  });
  it('keeps Chinese text and numbers, and renders null as empty', () => {
    expect(escapeHtml('星桥街道 12')).toBe('星桥街道 12');
    expect(escapeHtml(15291)).toBe('15291');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
  });
  it('does not double-escape through html``', () => {
    const name = '<b>&</b>';
    const inner = html`<i>${name}</i>`;
    expect(html`<div>${inner}${raw('<br/>')}${[name, 1]}</div>`.__html).toBe(
      '<div><i>&lt;b&gt;&amp;&lt;/b&gt;</i><br/>&lt;b&gt;&amp;&lt;/b&gt;1</div>',
    );
  });
});
