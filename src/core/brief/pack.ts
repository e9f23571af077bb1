/**
 * One briefing pack: its model from the registry's queries (packModel.ts), drawn by Chromium
 * (render.ts). What `npm run brief`, the hub's POST /api/brief (the presenter's button and B key)
 * and the bench call.
 */
import type { Locale } from '../../shared/i18n';
import type { PageId } from '../../shared/wall/pages';
import { buildPackModel, type Ask, type PackModel } from './packModel';
import { renderPack, type RenderedPack } from './render';

export interface MakePackOptions {
  hubUrl: string;
  ask: Ask;
  week: string;
  pages: PageId[];
  out: string;
  locale?: Locale;
  scale?: number;
  wall?: string;
  headers?: Record<string, string>;
  now?: () => number;
}

export interface MadePack extends RenderedPack {
  model: PackModel;
  ms: number;
}

export async function makeBriefPack(opts: MakePackOptions): Promise<MadePack> {
  const t0 = performance.now();
  const model = await buildPackModel(opts.ask, { week: opts.week, pages: opts.pages }, (opts.now ?? Date.now)());
  const rendered = await renderPack({ hubUrl: opts.hubUrl, model, out: opts.out, locale: opts.locale, scale: opts.scale, wall: opts.wall, headers: opts.headers });
  return { ...rendered, model, ms: performance.now() - t0 };
}
