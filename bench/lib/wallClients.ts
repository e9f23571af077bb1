/**
 * Light wall clients for bench/hub-capacity.ts, in their own process: each opens the hub's
 * change stream (/api/changes, SSE) like a browser wall's EventSource and, on every change
 * notice, refetches what a wall page refetches (overview and events) over its own keep-alive
 * connections. Not a browser: no rendering, no ECharts — it measures the hub, not the wall.
 * Prints one JSON line: per notice, per client, ms from the notice's `at` to both answers in.
 *
 *   node --import tsx bench/lib/wallClients.ts <hubUrl> <clients> <seconds>
 */
import { Agent, get, request } from 'node:http';

const [base, nArg, secArg] = process.argv.slice(2);
const clients = Number(nArg);
const seconds = Number(secArg);
const QUERIES = ['overview', 'events'];

const latencies: number[] = [];
let errors = 0;
let connected = 0;
const received = new Map<string, number>();

function fetchJson(agent: Agent, path: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      if (res.statusCode !== 200) errors++;
      res.resume();
      res.on('end', resolve);
      res.on('error', () => (errors++, resolve()));
    });
    req.on('error', () => (errors++, resolve()));
    req.end();
  });
}

function startClient(): void {
  const agent = new Agent({ keepAlive: true, maxSockets: QUERIES.length });
  const req = get(`${base}/api/changes`, { headers: { Accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      errors++;
      res.resume();
      return;
    }
    connected++;
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.includes('event: change')) continue;
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const at = Date.parse((JSON.parse(data.slice(6)) as { at: string }).at);
        received.set(String(at), (received.get(String(at)) ?? 0) + 1);
        void Promise.all(QUERIES.map((q) => fetchJson(agent, `/api/query/${q}?params=%7B%7D`))).then(() => latencies.push(Date.now() - at));
      }
    });
  });
  req.on('error', () => errors++);
}

// Open the streams a few at a time, like walls coming up, not one burst.
for (let i = 0; i < clients; i++) setTimeout(startClient, Math.floor(i / 20) * 50);
const ready = setInterval(() => {
  if (connected + errors >= clients) {
    clearInterval(ready);
    process.stdout.write(`${JSON.stringify({ ready: connected })}\n`);
  }
}, 50);
setTimeout(() => {
  process.stdout.write(`${JSON.stringify({ latencies, errors, connected, notices: [...received.values()] })}\n`);
  process.exit(0);
}, seconds * 1000);
