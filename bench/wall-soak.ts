/**
 * Wall soak (issue 13; not a CI test): one wall in Chromium through the hub, 30 s rotation,
 * the simulator at speed 60 (a simulated hour a real minute), a red warning injected every
 * two minutes and acknowledged with the keyboard once it is on screen. Reports:
 *  - renderer memory: V8 heap in use after a forced GC, each minute; flat = the last reading
 *    within 10% of the first after warm-up (4 min: compiled code still grows before that);
 *  - alerts: each injected warning on screen within one poll interval + 1 s, and in the
 *    core's records; missed = any that was not;
 *  - rotation: the longest time the page did not change (stuck = more than the rotation
 *    interval + 10 s; when an alert came in between, the page it was on gets a whole interval
 *    again afterwards, so two intervals + 10 s, alert time excluded).
 * The issue's full soak is 7 simulated days (168 min real at speed 60):
 *   npm run build && node --import tsx bench/wall-soak.ts --minutes 168
 * Shorter runs say how much of it they covered.
 */
import { launchChromium, startStack } from './renderer-common';
import { warningRecord } from '../e2e/fixtures/records';

const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const MINUTES = arg('--minutes', 12);
const ROTATION_SEC = 30;
const POLL_SEC = 5;
const SPEED = 60;
const WARMUP_MIN = 4;
const INJECT_EVERY_MS = 120_000;

const stack = await startStack({
  simSpeed: SPEED,
  intervalSec: POLL_SEC,
  config: { playlist: { intervalSec: ROTATION_SEC }, alerts: { maxPerHour: 60, kpis: [], levelRise: { enabled: false }, sourceDown: { enabled: false } } },
});
for (let i = 0; i < 400 && (await stack.cockpit.query('meta', {})).weeks.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
// The alert engine takes news only after a whole first sync.
await new Promise((r) => setTimeout(r, 3 * POLL_SEC * 1000));

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const cdp = await page.context().newCDPSession(page);
await page.goto(`${stack.url}/`);
await page.locator('[data-testid="freshness"][data-link="up"]').waitFor();
await page.evaluate(() => {
  const w = window as unknown as { __changes: number[] };
  w.__changes = [Date.now()];
  const wall = document.querySelector('[data-testid="wall"]')!;
  new MutationObserver(() => w.__changes.push(Date.now())).observe(wall, { attributes: true, attributeFilter: ['data-page'] });
});

const heap = async (): Promise<number> => {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
};
const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
const readings: Array<{ min: number; heap: number; simAt: string }> = [];
const alertSpans: Array<[number, number]> = [];
let injected = 0;
let shownInTime = 0;
let recorded = 0;
const lateOrMissed: string[] = [];

const t0 = Date.now();
let nextInject = t0 + 30_000;
let nextReading = t0;
while (Date.now() - t0 < MINUTES * 60_000) {
  const now = Date.now();
  if (now >= nextReading) {
    const minute = Math.round((now - t0) / 60_000);
    readings.push({ min: minute, heap: await heap(), simAt: new Date(stack.sim.now()).toISOString().slice(0, 16) });
    console.log(`min ${String(minute).padStart(3)}: heap ${mb(readings.at(-1)!.heap)} MB; simulated ${readings.at(-1)!.simAt}; injected ${injected}, on time ${shownInTime}`);
    nextReading += 60_000;
  }
  // Any alert the district raised by itself is acknowledged too, so each injection starts clear.
  const dialog = page.getByRole('alertdialog');
  if ((await dialog.count()) > 0) {
    const since = Date.now();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    alertSpans.push([since - 1000, Date.now()]);
  }
  if (now >= nextInject) {
    nextInject += INJECT_EVERY_MS;
    const id = `soak-${injected}-${Date.now()}`;
    injected++;
    const at = Date.now();
    stack.sim.inject('warnings', warningRecord(id, 'red'));
    const shown = await dialog.waitFor({ timeout: POLL_SEC * 1000 + 1000 }).then(() => true, () => false);
    const tookMs = Date.now() - at;
    if (shown) shownInTime++;
    else lateOrMissed.push(`${id}: not on screen within ${POLL_SEC + 1} s`);
    if (shown) {
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
      alertSpans.push([at, Date.now()]);
    }
    const model = await stack.cockpit.query('alerts', { wall: 'main' });
    if (model.recent.some((a) => a.facts.some((f) => f.kind === 'warning' && f.warningId === id))) recorded++;
    else lateOrMissed.push(`${id}: not in the core's alert records`);
    console.log(`  warning ${id} on screen after ${tookMs} ms${shown ? '' : ' — MISSED'}`);
  }
  await new Promise((r) => setTimeout(r, 500));
}

const changes = await page.evaluate(() => (window as unknown as { __changes: number[] }).__changes);
changes.push(Date.now());
let maxGap = 0;
let maxGapWithAlert = 0;
for (let i = 1; i < changes.length; i++) {
  const [a, b] = [changes[i - 1], changes[i]];
  // Time with an alert up does not count: the rotation holds then, on purpose.
  const held = alertSpans.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
  if (held > 0) maxGapWithAlert = Math.max(maxGapWithAlert, b - a - held);
  else maxGap = Math.max(maxGap, b - a);
}
const afterWarmup = readings.filter((r) => r.min >= WARMUP_MIN);
const first = afterWarmup[0]?.heap ?? NaN;
const last = afterWarmup.at(-1)?.heap ?? NaN;
const growth = (last - first) / first;
const simulatedHours = (MINUTES * SPEED) / 60;
const flat = growth < 0.1;
const noMissed = lateOrMissed.length === 0 && injected > 0;
const notStuck = maxGap <= (ROTATION_SEC + 10) * 1000 && maxGapWithAlert <= (2 * ROTATION_SEC + 10) * 1000;
console.log(`\nwall soak, ${MINUTES} min real = ${simulatedHours.toFixed(1)} simulated hours at speed ${SPEED} (${((simulatedHours / 168) * 100).toFixed(0)}% of the 7-day soak)`);
console.log(`renderer heap after GC: ${mb(first)} MB at ${WARMUP_MIN} min → ${mb(last)} MB at ${afterWarmup.at(-1)?.min} min (${(growth * 100).toFixed(1)}%) — target < 10% growth after warm-up: ${flat ? 'PASS' : 'FAIL'}`);
console.log(`alerts: ${injected} injected, ${shownInTime} on screen within ${POLL_SEC + 1} s, ${recorded} in the core's records — target none missed: ${noMissed ? 'PASS' : 'FAIL'}${lateOrMissed.length ? `\n  ${lateOrMissed.join('\n  ')}` : ''}`);
console.log(
  `rotation: ${changes.length - 2} page changes; longest without one ${(maxGap / 1000).toFixed(1)} s (target ≤ ${ROTATION_SEC + 10} s), with an alert in between ${(maxGapWithAlert / 1000).toFixed(1)} s besides the alert (target ≤ ${2 * ROTATION_SEC + 10} s): ${notStuck ? 'PASS' : 'FAIL'}`,
);
await browser.close();
await stack.stop();
process.exit(flat && noMissed && notStuck ? 0 : 1);
