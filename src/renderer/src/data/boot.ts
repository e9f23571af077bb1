import type { QueryClient } from '@tanstack/react-query';
import { BOOT_ELEMENT_ID, parseBoot } from '../../../shared/boot';
import { cockpitQuery } from './client';

/**
 * Seeds `client` with the answers the hub wrote into the page (src/shared/boot.ts), so the
 * first picture needs no round of queries. They are refetched as soon as the change stream is
 * up (live.ts), like any answer that may predate it. Returns how many were seeded.
 */
export function seedFromBoot(client: QueryClient, doc: Document = document): number {
  const el = doc.getElementById(BOOT_ELEMENT_ID);
  if (!el?.textContent) return 0;
  const answers = parseBoot(el.textContent);
  for (const a of answers) client.setQueryData(cockpitQuery(a.name, {}).queryKey, a.result as never);
  // Read once: the text is not needed again.
  el.remove();
  return answers.length;
}
