import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Src, SrcList, isolate, srcHtml } from './sourceText';

describe('source text is shown isolated', () => {
  const hostile = '临平\u202E<b>街道</b>';
  it('in the DOM: a <bdi>, controls stripped, markup as text', () => {
    expect(renderToStaticMarkup(<p><Src>{hostile}</Src> · <Src>龙船坞社区</Src></p>)).toBe(
      '<p><bdi>临平&lt;b&gt;街道&lt;/b&gt;</bdi> · <bdi>龙船坞社区</bdi></p>',
    );
    expect(renderToStaticMarkup(<SrcList items={['a\u2066', 'b']} />)).toBe('<bdi>a</bdi>、<bdi>b</bdi>');
  });

  it('in tooltip markup: escaped inside a <bdi>', () => {
    expect(srcHtml(hostile).__html).toBe('<bdi>临平&lt;b&gt;街道&lt;/b&gt;</bdi>');
  });

  it('in canvas labels: between FSI and PDI, controls stripped', () => {
    expect(isolate(hostile)).toBe('\u2068临平<b>街道</b>\u2069');
    expect(isolate(null)).toBe('\u2068\u2069');
  });
});
