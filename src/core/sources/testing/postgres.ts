/**
 * A real PostgreSQL server for tests and benchmarks: initdb on a private folder, a loopback
 * port, started and stopped with pg_ctl. initdb and pg_ctl refuse to run as root, so as root
 * they run as the package's `postgres` user. Anything that goes wrong throws, loudly, with the
 * server's log: a test that needs PostgreSQL fails rather than skips (./cockpit test installs
 * Debian's postgresql where it is missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  readonly host: string;
  readonly port: number;
  /** The superuser (trust authentication on loopback). */
  readonly user: string;
  readonly database: string;
  /** Runs SQL as the superuser. */
  sql(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Stops the server (fast shutdown: connections are cut, as when a database host goes away). */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

function binDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'pg_ctl'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): run ./cockpit test, or apt-get install -y postgresql');
  }
  return join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const id = (what: string) => Number(execFileSync('id', [what, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : join(bin, tool);
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const r = spawnSync(cmd, full, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
      throw new Error(`PostgreSQL ${tool} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || r.error?.message || '').trim()}\n${log}`);
    }
  };
  const user = 'cockpit';
  const port = await freePort();
  run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', user, '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['-D', join(dir, 'data'), '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = () => run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
  start();

  const connect = () => new pg.Client({ host: '127.0.0.1', port, user, database: 'postgres' });
  const admin = connect();
  await admin.connect();
  await admin.query('CREATE DATABASE district');
  await admin.end();
  let pool: pg.Pool | null = null;
  const poolFor = () => {
    if (!pool) {
      pool = new pg.Pool({ host: '127.0.0.1', port, user, database: 'district', max: 2 });
      pool.on('error', () => {}); // a stopped server cuts idle clients; the next query reconnects
    }
    return pool;
  };
  let running = true;
  return {
    host: '127.0.0.1',
    port,
    user,
    database: 'district',
    sql: (text, values) => poolFor().query(text, values),
    stop() {
      if (!running) return;
      const p = pool;
      pool = null;
      void p?.end().catch(() => {});
      stop();
      running = false;
    },
    start() {
      if (running) return;
      start();
      running = true;
    },
    async destroy() {
      await (pool as pg.Pool | null)?.end().catch(() => {});
      pool = null;
      if (running) stop();
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
