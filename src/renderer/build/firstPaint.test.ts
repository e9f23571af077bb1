import { describe, expect, it } from 'vitest';
import { facesFor, parseFontFaces, preloadTags } from './firstPaint';

const CSS = `
@font-face{font-family:'Noto Sans SC';font-style:normal;font-display:block;font-weight:400;src:url(./noto-90-400.woff2) format('woff2');unicode-range:U+4e00-4e0f,U+5e73}
@font-face{font-family:'Noto Sans SC';font-weight:700;src:url(./noto-90-700.woff2) format('woff2');unicode-range:U+4e00-4e0f,U+5e73}
@font-face{font-family:'Noto Sans SC';font-weight:400;src:url(./noto-5-400.woff2) format('woff2');unicode-range:U+ff03-ff04,U+1f1e?}
@font-face{font-family:Barlow;font-weight:500;src:url(data:font/woff2;base64,AAAA) format('woff2');unicode-range:U+0000-00ff}
@font-face{font-family:Barlow;font-weight:700;src:url("./barlow-700.woff2") format('woff2');unicode-range:U+0000-00ff}
.x{color:red}`;

describe('first-paint preloads', () => {
  it('reads the faces that load a file, with their ranges', () => {
    const faces = parseFontFaces(CSS);
    expect(faces.map((f) => `${f.family} ${f.weight} ${f.url}`)).toEqual([
      'Noto Sans SC 400 ./noto-90-400.woff2',
      'Noto Sans SC 700 ./noto-90-700.woff2',
      'Noto Sans SC 400 ./noto-5-400.woff2',
      'Barlow 700 ./barlow-700.woff2',
    ]);
    expect(faces[0].ranges).toEqual([[0x4e00, 0x4e0f], [0x5e73, 0x5e73]]);
    expect(faces[2].ranges[1]).toEqual([0x1f1e0, 0x1f1ef]);
  });
  it('keeps only the faces that hold a character of the text', () => {
    const faces = parseFontFaces(CSS);
    expect(facesFor(faces, '平 7').map((f) => f.url)).toEqual(['./noto-90-400.woff2', './noto-90-700.woff2', './barlow-700.woff2']);
    expect(facesFor(faces, '＃').map((f) => f.url)).toEqual(['./noto-5-400.woff2']);
    expect(facesFor(faces, '   ')).toEqual([]);
  });
  it('writes escaped link tags, fonts in CORS mode as font loads are', () => {
    const tags = preloadTags(['./assets/a".woff2'], ['./assets/p.js'], ['./assets/p.css']);
    expect(tags).toContain('<link rel="modulepreload" crossorigin href="./assets/p.js">');
    expect(tags).toContain('<link rel="stylesheet" crossorigin href="./assets/p.css">');
    expect(tags).toContain('<link rel="preload" as="font" type="font/woff2" crossorigin href="./assets/a&quot;.woff2">');
  });
});
