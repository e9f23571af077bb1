/**
 * The reference the wall benchmarks measure against in the same run: a plain ECharts page
 * with seven charts (bars, lines, a pie, a funnel, a radar, grouped bars, an area line) on a
 * dark dashboard grid, the full echarts bundle, ECharts' default one-second opening
 * animation, no data fetching and no fonts. A page like this is what "a big-screen made with
 * ECharts" costs on this machine; the cockpit must do at least as well.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>plain echarts</title>
<style>
  html, body { margin: 0; height: 100%; background: #0b1a30; color: #e6eef8; font-family: sans-serif; overflow: hidden; }
  header { height: 8vh; display: flex; align-items: center; padding: 0 2vw; font-size: 3vh; background: #0f2340; }
  main { display: grid; grid-template-columns: repeat(4, 1fr); grid-template-rows: 1fr 1fr; gap: 1vh; padding: 1vh; height: calc(92vh - 2vh); box-sizing: border-box; }
  .chart { background: #10243f; border: 1px solid #24406a; }
  .wide { grid-column: span 2; }
</style></head>
<body><header>District dashboard</header><main>
<div class="chart" id="c0"></div><div class="chart" id="c1"></div><div class="chart wide" id="c2"></div>
<div class="chart" id="c3"></div><div class="chart" id="c4"></div><div class="chart" id="c5"></div><div class="chart" id="c6"></div>
</main>
<script src="/echarts.min.js"></script>
<script>
  const towns = ['North', 'South', 'East', 'West', 'Lake', 'Star', 'River', 'Hill'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const vals = (n, k) => Array.from({ length: n }, () => Math.round(rnd() * k));
  const days = Array.from({ length: 30 }, (_, i) => 'D' + (i + 1));
  const text = { color: '#e6eef8', fontSize: 14 };
  const axis = { axisLabel: text, axisLine: { lineStyle: { color: '#4a5e78' } }, splitLine: { lineStyle: { color: '#22324a' } } };
  const options = [
    { grid: { left: 60, right: 20, top: 20, bottom: 30 }, xAxis: { type: 'value', ...axis }, yAxis: { type: 'category', data: towns, ...axis }, series: [{ type: 'bar', data: vals(8, 200), label: { show: true, position: 'right', ...text } }] },
    { series: [{ type: 'pie', radius: ['40%', '70%'], data: towns.map((name, i) => ({ name, value: vals(1, 100)[0] + i })), label: text }] },
    { legend: { textStyle: text }, grid: { left: 50, right: 20, top: 40, bottom: 30 }, xAxis: { type: 'category', data: days, ...axis }, yAxis: { type: 'value', ...axis }, series: [0, 1, 2].map((k) => ({ type: 'line', name: 'L' + k, data: vals(30, 100), smooth: true })) },
    { series: [{ type: 'funnel', data: ['Reported', 'Accepted', 'Handled', 'Closed', 'Rated'].map((name, i) => ({ name, value: 100 - i * 15 })), label: text }] },
    { radar: { indicator: ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name, max: 100 })), axisName: text }, series: [{ type: 'radar', data: [{ value: vals(5, 100) }] }] },
    { legend: { textStyle: text }, grid: { left: 60, right: 20, top: 40, bottom: 30 }, xAxis: { type: 'value', ...axis }, yAxis: { type: 'category', data: towns, ...axis }, series: [0, 1].map((k) => ({ type: 'bar', name: 'G' + k, data: vals(8, 150) })) },
    { grid: { left: 50, right: 20, top: 20, bottom: 30 }, xAxis: { type: 'category', data: days, ...axis }, yAxis: { type: 'value', ...axis }, series: [{ type: 'line', data: vals(30, 1000), areaStyle: {} }] },
  ];
  options.forEach((o, i) => echarts.init(document.getElementById('c' + i)).setOption(o));
</script></body></html>`;

export interface PlainEchartsPage {
  url: string;
  close(): Promise<void>;
}

export async function servePlainEcharts(): Promise<PlainEchartsPage> {
  const echartsJs = readFileSync(require.resolve('echarts/dist/echarts.min.js'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/echarts.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
      res.end(echartsJs);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
