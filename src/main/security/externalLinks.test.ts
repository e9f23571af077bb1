import { describe, expect, it } from 'vitest';
import { checkExternalUrl, hostMatches } from './externalLinks';

const allowed = ['replay.linping.gov.cn', '*.zjzwfw.gov.cn'];

describe('checkExternalUrl', () => {
  it('opens https links to listed hosts, normalised', () => {
    expect(checkExternalUrl('https://replay.linping.gov.cn/v/938?t=1', allowed)).toEqual({ ok: true, url: 'https://replay.linping.gov.cn/v/938?t=1' });
    expect(checkExternalUrl('https://REPLAY.linping.gov.cn', allowed)).toEqual({ ok: true, url: 'https://replay.linping.gov.cn/' });
    expect(checkExternalUrl('https://www.zjzwfw.gov.cn/x', allowed)).toMatchObject({ ok: true });
  });

  it.each([
    ['http://replay.linping.gov.cn/', /scheme http: is not allowed/],
    ['file:///C:/Windows/System32/calc.exe', /scheme file:/],
    ['smb://attacker/share', /scheme smb:/],
    ['javascript:alert(1)', /scheme javascript:/],
    ['ms-msdt:/id PCWDiagnostic', /scheme ms-msdt:/],
    ['https://evil.example/', /host evil.example is not in links.allowedHosts/],
    ['https://replay.linping.gov.cn.evil.example/', /not in links.allowedHosts/],
    ['https://zjzwfw.gov.cn/', /not in links.allowedHosts/],
    ['https://user:pw@replay.linping.gov.cn/', /credentials/],
    ['not a url', /not a valid URL/],
    ['', /no URL/],
  ])('refuses %s', (url, reason) => {
    const r = checkExternalUrl(url, allowed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('refuses everything when the allow-list is empty, and non-strings', () => {
    expect(checkExternalUrl('https://replay.linping.gov.cn/', []).ok).toBe(false);
    expect(checkExternalUrl(42, allowed).ok).toBe(false);
    expect(checkExternalUrl(`https://replay.linping.gov.cn/${'a'.repeat(2100)}`, allowed).ok).toBe(false);
  });
});

describe('hostMatches', () => {
  it('matches wildcard subdomains only', () => {
    expect(hostMatches('a.b.example.org', '*.example.org')).toBe(true);
    expect(hostMatches('example.org', '*.example.org')).toBe(false);
    expect(hostMatches('badexample.org', '*.example.org')).toBe(false);
  });
});
