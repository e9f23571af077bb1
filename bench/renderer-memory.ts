/**
 * Renderer memory over a long day on the wall, in Chromium through the hub, read with the
 * DevTools protocol after forced garbage collection:
 *  - live updates: after 2,000 change notices vs after 100 — each a real event injected into
 *    the simulator, synced, pushed over SSE and refetched by the events page;
 *  - page switches: after 1,000 playlist switches vs after 50.
 * Target: growth < 10% of the JS objects (from a heap snapshot) and of the DOM nodes, and the
 * V8 heap in use after GC under 10 MB at the end. The V8
 * heap total (which also holds compiled code, growing while the JIT warms up) and Blink's heap
 * (DOM, layout, text shaping caches) are printed beside them, with intermediate readings, so
 * a leak shows as a trend that keeps climbing.
 *
 *   npm run build && node --import tsx bench/renderer-memory.ts [--updates 2000] [--switches 1000] [--size 1920x1080]
 */
import { eventRecord } from '../e2e/fixtures/records';
import { PAGE_IDS } from '../src/shared/config';
import { launchBareChromium, mb, PAINTED_WITH_DATA, startStack, type BareChromium } from './renderer-common';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const UPDATES = arg('updates', 2000);
const SWITCHES = arg('switches', 1000);
const TARGET_HEAP = 10 * 1024 * 1024;
const sizeAt = process.argv.indexOf('--size');
const [WIDTH, HEIGHT] = (sizeAt > 0 ? process.argv[sizeAt + 1] : '1920x1080').split('x').map(Number);

interface Reading {
  /** From a heap snapshot: JavaScript objects, arrays, closures and strings. */
  objects: number;
  /** V8's heap in use, including compiled code. */
  heap: number;
  /** Blink's garbage-collected heap beside it. */
  blink: number;
  nodes: number;
  listeners: number;
}

const DATA_TYPES = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'number', 'regexp', 'bigint']);

async function jsObjectBytes(cdp: BareChromium): Promise<number> {
  const chunks: string[] = [];
  const off = cdp.on('HeapProfiler.addHeapSnapshotChunk', (p) => chunks.push(p.chunk as string));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  off();
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (DATA_TYPES.has(types[snap.nodes[i + typeAt]])) bytes += snap.nodes[i + sizeAt];
  }
  return bytes;
}

async function reading(cdp: BareChromium): Promise<Reading> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send<{ metrics: Array<{ name: string; value: number }> }>('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const usage = await cdp.send<{ usedSize: number; embedderHeapUsedSize?: number }>('Runtime.getHeapUsage');
  return {
    objects: await jsObjectBytes(cdp),
    heap: usage.usedSize,
    blink: usage.embedderHeapUsedSize ?? NaN,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

const line = (n: number, r: Reading) =>
  `after ${n}: JS objects ${mb(r.objects)}, V8 heap ${mb(r.heap)}, Blink heap ${mb(r.blink)}, DOM nodes ${r.nodes}, listeners ${r.listeners}`;

function report(label: string, early: Reading, late: Reading, earlyN: number, lateN: number): boolean {
  const pct = (a: number, b: number) => ((b - a) / a) * 100;
  const objects = pct(early.objects, late.objects);
  const nodes = pct(early.nodes, late.nodes);
  const ok = objects < 10 && nodes < 10;
  console.log(`  ${label}`);
  console.log(`    ${line(earlyN, early)}`);
  console.log(`    ${line(lateN, late)}`);
  console.log(
    `    growth: JS objects ${objects.toFixed(1)}%, DOM nodes ${nodes.toFixed(1)}% — target < 10%: ${ok ? 'PASS' : 'FAIL'}` +
      ` (V8 heap ${pct(early.heap, late.heap).toFixed(1)}%, Blink heap ${pct(early.blink, late.blink).toFixed(1)}%)`,
  );
  return ok;
}

async function evaluate(cdp: BareChromium, expression: string): Promise<unknown> {
  const r = await cdp.send<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
  });
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
  return r.result.value;
}

async function press(cdp: BareChromium, key: string): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key === ' ' ? ' ' : key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
}

const settle = (cdp: BareChromium) =>
  evaluate(cdp, `Promise.race([${PAINTED_WITH_DATA}, new Promise((r) => setTimeout(r, 3000))])`);

async function waitFor(cdp: BareChromium, condition: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await evaluate(cdp, condition))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Events sync every 50 ms so updates arrive as fast as the pipeline carries them.
const stack = await startStack({ intervalSec: 5, source: { intervalsSec: { events: 0.05 } } });
const cdp = await launchBareChromium(WIDTH, HEIGHT);
try {
  for (let i = 0; i < 400 && (await stack.cockpit.query('meta', {})).weeks.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false });
  await cdp.send('Page.navigate', { url: `${stack.url}/` });
  await waitFor(cdp, `!!document.querySelector('[data-testid="freshness"][data-link="up"]')`);
  await press(cdp, '3'); // the events page: live feed, flow, per-town charts
  await waitFor(cdp, `document.querySelector('[data-testid="wall"]')?.dataset.page === 'events'`);
  await settle(cdp);

  let notices = 0;
  stack.cockpit.onChange((n) => {
    if (n.changed.includes('events')) notices++;
  });
  const feedUpdates = async (target: number): Promise<void> => {
    while (notices < target) {
      stack.sim.inject('events', eventRecord({ title: `记忆测试事件 ${notices}` }));
      await new Promise((r) => setTimeout(r, 60));
    }
    await new Promise((r) => setTimeout(r, 500)); // let the last refetch land
    // Readings compare the same page: the rotation must have stayed paused.
    if ((await evaluate(cdp, `document.querySelector('[data-testid="wall"]').dataset.page`)) !== 'events') {
      throw new Error('the wall left the events page during the live updates');
    }
  };

  console.log(`renderer memory (${WIDTH}×${HEIGHT}, Chromium through the hub, bare DevTools protocol)`);
  const t0 = performance.now();
  await feedUpdates(100);
  const after100 = await reading(cdp);
  for (const checkpoint of [500, 1000, 1500].filter((c) => c < UPDATES)) {
    await feedUpdates(checkpoint);
    console.log(`    (${line(checkpoint, await reading(cdp))})`);
  }
  await feedUpdates(UPDATES);
  const afterUpdates = await reading(cdp);
  const updatesOk = report(`live updates on the events page (${((performance.now() - t0) / 1000).toFixed(0)} s)`, after100, afterUpdates, 100, UPDATES);

  const t1 = performance.now();
  let switches = 0;
  const switchTo = async (n: number): Promise<void> => {
    while (switches < n) {
      const i = switches % PAGE_IDS.length;
      await press(cdp, String(i + 1));
      await waitFor(cdp, `document.querySelector('[data-testid="wall"]')?.dataset.page === '${PAGE_IDS[i]}'`);
      await settle(cdp);
      switches++;
    }
  };
  // Both readings end on the same page so they compare like with like.
  await switchTo(52);
  const after50 = await reading(cdp);
  for (const checkpoint of [500].filter((c) => c < SWITCHES)) {
    await switchTo(checkpoint);
    console.log(`    (${line(checkpoint, await reading(cdp))})`);
  }
  await switchTo(SWITCHES);
  const afterSwitches = await reading(cdp);
  const switchesOk = report(`playlist page switches (${((performance.now() - t1) / 1000).toFixed(0)} s)`, after50, afterSwitches, 52, SWITCHES);
  // The JS heap a long day leaves, after garbage collection (issue 14: keep it under 10 MB).
  const heap = Math.max(afterUpdates.heap, afterSwitches.heap);
  const heapOk = heap < TARGET_HEAP;
  console.log(`  JS heap (V8, used after GC) at the end of both: ${mb(heap)} — target < ${mb(TARGET_HEAP)}: ${heapOk ? 'PASS' : 'FAIL'}`);
  process.exitCode = updatesOk && switchesOk && heapOk ? 0 : 1;
} finally {
  await cdp.close();
  await stack.stop();
}
