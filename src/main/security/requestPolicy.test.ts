import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isInAppNavigation } from './requestPolicy';

const prod = ['app://cockpit'];
const dev = ['app://cockpit', 'http://localhost:5173'];

describe('isAllowedRequest', () => {
  it('allows our own files, inline data and DevTools', () => {
    for (const url of ['app://cockpit/index.html', 'app://cockpit/assets/a.woff2', 'data:image/png;base64,AA', 'blob:app://cockpit/1234', 'devtools://devtools/bundled/x.js']) {
      expect(isAllowedRequest(url, prod), url).toBe(true);
    }
  });

  it('blocks remote content, files and other app:// hosts', () => {
    for (const url of ['https://tile.example/1/2/3.png', 'http://10.0.0.5/v1/meta', 'file:///etc/passwd', 'app://cockpit.evil/x', 'app://other/index.html', 'ws://localhost:5173/', 'http://localhost:5173/src/main.tsx', 'chrome://gpu']) {
      expect(isAllowedRequest(url, prod), url).toBe(false);
    }
  });

  it('allows the dev server and its hot-reload socket only when trusted', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/x', dev)).toBe(false);
  });
});

describe('isInAppNavigation', () => {
  it('keeps navigation inside our origin', () => {
    expect(isInAppNavigation('app://cockpit/index.html#/risk', prod)).toBe(true);
    expect(isInAppNavigation('https://example.com/', prod)).toBe(false);
    expect(isInAppNavigation('app://cockpitx/index.html', prod)).toBe(false);
    expect(isInAppNavigation('file:///C:/index.html', prod)).toBe(false);
  });
});
