/**
 * `npm run brief -- --week 2026-11-23 --pages overview,risk --out brief.pdf [--config PATH]
 *  [--data-dir DIR] [--locale zh-CN|en] [--scale 2]`
 * The briefing pack of a risk week from the cache as it is (no sync: the same cache gives the same
 * figures and hash): a hub on a free loopback port serves the built renderer to this machine's
 * Chromium, which prints the PDF and a PNG of each page beside it, and the pack's record (JSON).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../../shared/i18n';
import { createCore } from '../core';
import { defaultConfig, loadConfigFile } from '../config/load';
import { startHub } from '../hub';
import { silentLogger } from '../log/logger';
import { makeBriefPack } from '../brief/pack';
import { parsePages, PackRequestError } from '../brief/packModel';
import { closePackBrowser } from '../brief/render';
import { parseCliArgs } from './args';

const USAGE = 'usage: npm run brief -- --week YYYY-MM-DD --pages overview,risk --out brief.pdf [--config PATH] [--data-dir DIR] [--locale zh-CN|en] [--scale 2]';
const STATIC_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

function fail(message: string): never {
  console.error(`cockpit brief: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const v = parseCliArgs({
    argv: process.argv.slice(2),
    usage: USAGE,
    fail,
    options: {
      week: { type: 'string' },
      pages: { type: 'string', default: 'overview,risk,events,consultation' },
      out: { type: 'string', default: 'brief.pdf' },
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      locale: { type: 'string', default: 'zh-CN' },
      scale: { type: 'string', default: '2' },
    },
  });
  if (!v.week) fail(`--week is required\n${USAGE}`);
  if (!(LOCALES as readonly string[]).includes(v.locale!)) fail(`--locale must be one of ${LOCALES.join(', ')}, got "${v.locale}"`);
  const scale = Number(v.scale);
  if (!(scale >= 1 && scale <= 6)) fail(`--scale must be 1–6 (PNG size over 1920×1080), got "${v.scale}"`);
  let pages;
  try {
    pages = parsePages(v.pages!);
  } catch (err) {
    fail((err as Error).message);
  }
  if (!existsSync(join(STATIC_DIR, 'index.html'))) fail(`no built renderer in ${STATIC_DIR}: run "npm run build" first`);
  const configPath = v.config ? resolve(v.config) : null;
  let config = defaultConfig();
  if (configPath) {
    const loaded = loadConfigFile(configPath);
    if (!loaded.ok) fail(loaded.error);
    config = loaded.config;
  }
  const core = await createCore({ config, dataDir: resolve(v['data-dir'] ?? join(homedir(), '.district-cockpit')), configDir: configPath ? dirname(configPath) : process.cwd(), logger: silentLogger });
  const hub = await startHub({ core, staticDir: STATIC_DIR, port: 0, logger: silentLogger });
  try {
    const pack = await makeBriefPack({ hubUrl: hub.url, ask: (name, params) => Promise.resolve(core.query(name, params)), week: v.week!, pages, out: resolve(v.out!), locale: v.locale as Locale, scale });
    console.log(
      JSON.stringify({ pdf: pack.pdf, pngs: pack.pngs, record: pack.record, pages: pack.pageCount, asOf: pack.model.asOf, figuresSha256: pack.model.figuresSha256, cacheStateSha256: pack.model.cacheStateSha256, ms: Math.round(pack.ms) }, null, 2),
    );
  } catch (err) {
    if (err instanceof PackRequestError) fail(err.message);
    throw err;
  } finally {
    await closePackBrowser();
    await hub.close();
    await core.close();
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
