/**
 * A district's own systems on the wall, beside the simulated District API service: a signed,
 * page-numbered gateway API with Chinese field names feeding events (docs/examples/
 * gateway-source.json), and a folder of office spreadsheets — an XLSX personnel register and a
 * GBK CSV of 云上板凳 sessions (docs/examples/folder-source.json) — feeding the personnel and
 * consultation figures. Real servers and real files; the browser goes through the hub.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startGateway, toGatewayRecord, type RunningGateway } from '../src/core/sources/testing/gateway';
import { consultationRows, personnelRows, writeConsultationsGbkCsv, writeFollowersCsv, writePersonnelXlsx } from '../src/core/sources/testing/spreadsheets';
import { eventRecord } from './fixtures/records';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

const example = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'examples', name), 'utf8'));
const SECRET = 'e2e-gateway-secret-0123456789';
let gateway: RunningGateway;
const folder = mkdtempSync(join(tmpdir(), 'cockpit-e2e-folder-'));

// A few events the gateway's system holds, reported in the last minutes (so they lead the feed).
const recent = (i: number) => new Date(Date.now() - (5 - i) * 60_000).toISOString();
const gatewayEvents = [0, 1, 2].map((i) =>
  eventRecord({ id: `gw-e2e-${i}`, title: `网关事件${i} 龙船坞租赁纠纷`, reportedAt: recent(i), updatedAt: recent(i) }),
);

test.beforeAll(async () => {
  process.env.GATEWAY_APP_SECRET = SECRET;
  gateway = await startGateway({ appKey: 'linping-cockpit', appSecret: SECRET, records: gatewayEvents.map(toGatewayRecord) });
  await writePersonnelXlsx(join(folder, '人员名单.xlsx'), personnelRows(12, 5));
  writeConsultationsGbkCsv(join(folder, '云上板凳.csv'), consultationRows(8, 6));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  writeFollowersCsv(join(folder, '关注人数.csv'), [{ date: today, followers: 1200 }]);
});
test.afterAll(async () => {
  await gateway?.close();
  rmSync(folder, { recursive: true, force: true });
});

const stack = useStack({
  intervalSec: 2,
  extraSources: () => [
    { ...example('gateway-source.json'), url: gateway.url, intervalSec: 1 },
    { ...example('folder-source.json'), path: folder, intervalSec: 1, settleMs: 300 },
  ],
});

/** The simulated service's own figures: the wall adds the district's files to them. */
async function simKpis(): Promise<{ dispatchedPersonnel: number; consultationsHeld: number }> {
  return (await fetch(`${stack().sim.url}/v1/kpis`)).json();
}
const figure = async (page: Page, kpi: string) => Number((await page.locator(`[data-kpi="${kpi}"] .kpi-number`).first().innerText()).replace(/\D/g, ''));

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test('a signed gateway API shaped nothing like the contract feeds the events on the wall, live', async ({ page }) => {
  await openWall(page, stack().url);
  await page.keyboard.press('3');
  for (const e of gatewayEvents) await expect(page.locator(`[data-event="${e.id}"]`)).toContainText(e.title, { timeout: 15_000 });
  await expect(page.locator('.fresh-chip[data-source="jczl-gateway"]')).toHaveAttribute('data-state', 'fresh');
  await expect(page.locator('.fresh-chip[data-source="office-files"]')).toHaveAttribute('data-state', 'fresh');

  // A new event in the district's system reaches the wall through the gateway within a few polls.
  const live = eventRecord({ id: 'gw-e2e-live', title: '网关新事件 星桥物业投诉', reportedAt: new Date().toISOString() });
  gateway.put([toGatewayRecord(live)]);
  await expect(page.locator('[data-event="gw-e2e-live"]')).toContainText('网关新事件 星桥物业投诉', { timeout: 10_000 });
  expect(gateway.stats.refused).toBe(0);
  await page.screenshot({ path: 'test-results/screens/connect-gateway-events-1920x1080.png' });
});

test('XLSX and GBK CSV files give the personnel and consultation figures; an edit updates them; a broken row is named', async ({ page }) => {
  await openWall(page, stack().url);
  await page.keyboard.press('3');
  await expect.poll(async () => (await figure(page, 'dispatchedPersonnel')) - (await simKpis()).dispatchedPersonnel, { timeout: 15_000 }).toBe(5);
  await page.keyboard.press('4');
  await expect.poll(async () => (await figure(page, 'held')) - (await simKpis()).consultationsHeld, { timeout: 15_000 }).toBe(8);

  // The office edits its files: two more 下沉人员, one more session held — and one broken row.
  const people = personnelRows(12, 7);
  people[3].考核得分 = '九十';
  await writePersonnelXlsx(join(folder, '人员名单.xlsx'), people);
  writeConsultationsGbkCsv(join(folder, '云上板凳.csv'), consultationRows(9, 7));
  await expect.poll(async () => (await figure(page, 'held')) - (await simKpis()).consultationsHeld, { timeout: 15_000 }).toBe(9);
  await page.screenshot({ path: 'test-results/screens/connect-consultation-1920x1080.png' });
  await page.keyboard.press('3');
  // XC0004's new row is quarantined; its last good copy (a 下沉人员 already) stays in use: 7.
  await expect.poll(async () => (await figure(page, 'dispatchedPersonnel')) - (await simKpis()).dispatchedPersonnel, { timeout: 15_000 }).toBe(7);

  // The operators' health names the file, row and column, through the hub like the wall's data.
  const health = await (await fetch(`${stack().url}/api/query/health`)).json();
  const files = health.sources.find((s: { sourceId: string }) => s.sourceId === 'office-files');
  expect(files.endpoints.find((e: { name: string }) => e.name === 'personnel')).toMatchObject({ quarantined: 1 });
  expect(health.quarantine).toContainEqual(
    expect.objectContaining({ endpoint: 'office-files/personnel', count: 1, lastReason: 'file 人员名单.xlsx row 5: field score (column 考核得分): cannot read "九十" as a number' }),
  );
});
