/**
 * The conformance check passes on the simulator and fails, naming what and where, on a
 * service that breaks each rule (a real server in front of the simulator: ./testing).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../sim';
import { checkSource, formatReport } from './checkSource';
import { startBrokenService, type BrokenRule } from './testing/brokenService';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 42, live: false });
});
afterAll(() => sim.stop());

const OPTIONS = { pageLimit: 5000, maxBodyBytes: 4 * 1024 * 1024 };

describe('check-source', () => {
  it('passes on the simulator, every check', async () => {
    const report = await checkSource(sim.url, OPTIONS);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.endpoints.find((e) => e.name === 'events')!.records).toBeGreaterThan(15_000);
    expect(formatReport(report)).toMatch(/Verdict: PASS — 0 failed, 0 warning\(s\), 7 passed/);
  });

  const cases: Array<[BrokenRule, string, RegExp]> = [
    ['missing', 'endpoints', /^GET \/v1\/personnel\?limit=5000 \(page 1\)|^GET \/v1\/personnel.*HTTP 404/],
    ['schema', 'schema', /^GET \/v1\/events\?.*\(page 1\) items\[17\]\.reportedAt: Invalid ISO datetime/],
    ['loop', 'paging', /^GET \/v1\/events\?cursor=5000&limit=5000 \(page 2\): hasMore with the same cursor it was given/],
    ['goingBack', 'paging', /^GET \/v1\/disputes\?cursor=3\d+ \(the tip, asked again\): \d+ record\(s\) older than ones already delivered came back/],
    ['etag', 'etag', /^GET \/v1\/divisions with If-None-Match ".*": 200, expected 304/],
    ['timezone', 'timezones', /^GET \/v1\/kpis \.asOf: ".*Z" is 4\d\d min in the future \(local time written as UTC\?\)/],
    ['size', 'sizes', /^GET \/v1\/consultations\/followers: body .*over the 4194304-byte limit/],
    ['errors', 'errors', /^GET \/v1\/risk\/periods\?cursor=!not-a-cursor!: 500 without the error shape/],
  ];
  for (const [rule, check, where] of cases) {
    it(`fails on a service that breaks it: ${rule}`, async () => {
      const broken = await startBrokenService(sim.url, rule);
      try {
        const report = await checkSource(broken.url, OPTIONS);
        expect(report.verdict).toBe('fail');
        const failed = report.checks.find((c) => c.id === check)!;
        expect(failed.status, JSON.stringify(report.checks.filter((c) => c.status !== 'pass'))).toBe('fail');
        expect(failed.details.some((d) => where.test(d)), failed.details.join('\n')).toBe(true);
      } finally {
        await broken.close();
      }
    });
  }

  it('the CLI prints the report and exits 0 on a pass, 1 on a failure; --json for machines', async () => {
    // Asynchronously: the simulator answering the child runs in this process.
    const cli = (url: string, ...flags: string[]) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../cli/checkSource.ts'), url, ...flags], { encoding: 'utf8', timeout: 60_000 }, (err, stdout) =>
          resolve({ status: err ? ((err as { code?: number }).code ?? null) : 0, stdout }),
        );
      });
    const ok = await cli(sim.url);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Verdict: PASS');
    const broken = await startBrokenService(sim.url, 'schema');
    try {
      const bad = await cli(broken.url, '--json');
      expect(bad.status).toBe(1);
      const report = JSON.parse(bad.stdout);
      expect(report.verdict).toBe('fail');
      expect(report.checks.find((c: { id: string }) => c.id === 'schema').status).toBe('fail');
    } finally {
      await broken.close();
    }
    expect((await cli('not-a-url')).status).toBe(2);
  }, 60_000);
});
