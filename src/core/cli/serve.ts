/**
 * `npm run serve -- [--port 7320] [--host H] [--config PATH] [--data-dir D] [--open]`
 * Runs the cockpit core headless and serves it to browsers (the hub). With no config file
 * the cockpit runs on its built-in simulated district, offline. The config file is watched:
 * a valid edit is applied without a restart (except hub.host/port/tokenEnv), a bad one is
 * logged and the running configuration kept.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleLogger } from '../log/logger';
import { parseCliArgs } from './args';
import { serveHub } from './serveHub';

const USAGE = 'usage: npm run serve -- [--port N] [--host H] [--config PATH] [--data-dir DIR] [--open]';
// Built, this module is out/main/hub.js beside out/renderer; run from source (tsx), it is
// src/core/cli/serve.ts. Either way the renderer is the build's out/renderer.
const HERE = dirname(fileURLToPath(import.meta.url));
const STATIC_DIR = basename(HERE) === 'main' && existsSync(join(HERE, '..', 'renderer')) ? resolve(HERE, '..', 'renderer') : resolve(HERE, '../../../out/renderer');

function fail(message: string): never {
  console.error(`cockpit serve: ${message}`);
  process.exit(2);
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`(could not open a browser; open ${url} yourself)`));
  child.unref();
}

async function main(): Promise<void> {
  const values = parseCliArgs({
    argv: process.argv.slice(2),
    usage: USAGE,
    fail,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const port = values.port !== undefined ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) fail(`--port must be an integer 0–65535, got "${values.port}"`);
  const configPath = values.config !== undefined ? resolve(values.config) : null;
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    consoleLogger.warn(`no built renderer in ${STATIC_DIR}: run "npm run build" (the API still works)`);
  }

  let serving;
  try {
    serving = await serveHub({
      configPath,
      configDir: configPath ? dirname(configPath) : process.cwd(),
      dataDir: resolve(values['data-dir'] ?? join(homedir(), '.district-cockpit')),
      staticDir: STATIC_DIR,
      host: values.host,
      port,
      logger: consoleLogger,
      onFatal: (err) => {
        console.error(`cockpit serve: no working core after a configuration change, exiting: ${err.message}`);
        process.exit(1);
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }

  const { hub, config, token } = serving;
  const mode = config.sources.length ? `${config.sources.length} source(s)` : 'the built-in simulated district';
  console.log(`District Cockpit is serving ${mode} at ${hub.url}/`);
  if (token) console.log(`A token is required: open ${hub.url}/?token=<the value of ${config.hub.tokenEnv}>`);
  if (configPath) console.log(`Watching ${configPath}: valid edits apply at once.`);
  if (values.open) openInBrowser(`${hub.url}/`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await serving.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
