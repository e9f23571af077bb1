import type { WallState } from '../../../shared/control/types';
import { getBridge } from '../transport';

/**
 * Ask for the briefing pack of what the wall shows (part 4 of issue 12): the desktop app
 * prints it in a hidden window, the hub with its machine's Chromium. Resolves with the file's name.
 */
export async function requestPack(state: WallState | null, week: string | null): Promise<string> {
  if (!week) throw new Error('no week to brief yet');
  const pages = state?.pages ?? [];
  // The desktop app makes it in hidden windows and says which folder it went to.
  const bridge = getBridge();
  if (bridge) return (await bridge.makeBriefPack(week, pages)).dir;
  const res = await fetch('/api/brief', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ week, pages, wall: state?.wall ?? 'main' }),
  });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      message = ((await res.json()) as { error?: string }).error ?? message;
    } catch {
      /* keep the status line */
    }
    throw new Error(message);
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `brief-${week}.pdf`;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return name;
}
