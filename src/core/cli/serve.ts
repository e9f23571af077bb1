/**
 * `npm run serve -- [--port 7320] [--host H] [--config PATH] [--data-dir D] [--open]`
 * Runs the cockpit core headless and serves it to browsers (the hub). With no config file
 * the cockpit runs on its built-in simulated district, offline.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CockpitConfig } from '../../shared/config';
import { createCockpit } from '../cockpit';
import { defaultConfig, loadConfigFile } from '../config/load';
import { isLoopbackHost, startHub } from '../hub';
import { consoleLogger } from '../log/logger';

const USAGE = 'usage: npm run serve -- [--port N] [--host H] [--config PATH] [--data-dir DIR] [--open]';
const STATIC_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

function fail(message: string): never {
  console.error(`cockpit serve: ${message}`);
  process.exit(2);
}

function readConfig(path: string | undefined): CockpitConfig {
  if (!path) return defaultConfig();
  const loaded = loadConfigFile(resolve(path));
  if (!loaded.ok) fail(loaded.error);
  for (const w of loaded.warnings) consoleLogger.warn(w);
  return loaded.config;
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`(could not open a browser; open ${url} yourself)`));
  child.unref();
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        open: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = readConfig(values.config);
  const port = values.port !== undefined ? Number(values.port) : config.hub.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0–65535, got "${values.port}"`);
  const host = values.host ?? config.hub.host;
  const token = process.env[config.hub.tokenEnv] || undefined;
  if (!isLoopbackHost(host) && !token) {
    fail(`listening on ${host} (beyond this machine) needs a token: set the environment variable ${config.hub.tokenEnv} (16+ characters)`);
  }
  const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.district-cockpit'));
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    consoleLogger.warn(`no built renderer in ${STATIC_DIR}: run "npm run build" (the API still works)`);
  }

  const configDir = values.config ? dirname(resolve(values.config)) : process.cwd();
  const cockpit = await createCockpit({ config, dataDir, configDir, logger: consoleLogger });
  let hub;
  try {
    await cockpit.start();
    hub = await startHub({
      core: cockpit,
      staticDir: STATIC_DIR,
      host,
      port,
      token,
      logger: consoleLogger,
    });
  } catch (err) {
    await cockpit.close();
    fail((err as Error).message);
  }

  const mode = config.sources.length ? `${config.sources.length} source(s)` : 'the built-in simulated district';
  console.log(`District Cockpit is serving ${mode} at ${hub.url}/`);
  if (token) console.log(`A token is required: open ${hub.url}/?token=<the value of ${config.hub.tokenEnv}>`);
  if (values.open) openInBrowser(`${hub.url}/`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await hub.close();
    await cockpit.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
