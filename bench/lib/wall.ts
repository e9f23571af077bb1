/**
 * The wall page as the benchmarks see it: when the current page is painted with data, and
 * keys sent the way a clicker's arrive (through Chromium's input pipeline).
 */
import type { PageSession } from './chromium';

/**
 * An expression, true once the current page shows data everywhere: every as-of mark a time,
 * nothing still loading, and every chart has drawn its option (useEChart marks data-drawn).
 */
export const PAINTED = `(() => {
  const page = document.querySelector('[data-testid="page"]');
  if (!page || page.querySelector('.state-loading')) return false;
  const marks = [...page.querySelectorAll('.as-of')];
  if (!marks.length || !marks.every((m) => /\\d{2}:\\d{2}/.test(m.textContent || ''))) return false;
  return [...page.querySelectorAll('[data-chart]')].every((c) => c.dataset.drawn === 'true');
})()`;

export async function pressKey(page: PageSession, key: string): Promise<void> {
  const code = key === ' ' ? 'Space' : key;
  await page.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key === ' ' ? ' ' : undefined });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code });
}

/**
 * Put the rotation in the wanted state. The core keeps a wall's hold across page loads (wall
 * control), so Space is pressed only when the wall is not already as wanted.
 */
export async function setRotation(page: PageSession, playing: boolean): Promise<void> {
  const now = () => page.evaluate<string>(`document.querySelector('[data-testid="play"]')?.dataset.playing`);
  if ((await now()) !== String(playing)) await pressKey(page, ' ');
  await page.waitFor(`document.querySelector('[data-testid="play"]')?.dataset.playing === '${playing}'`);
}
