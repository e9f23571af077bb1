import type { JSX } from 'react';
import { useT } from '../i18n';
import { useWallControl } from './follow';

/** The code a phone or presenter types to pair with this wall (shown only where the hub allows it). */
export function PairingCode(): JSX.Element | null {
  const t = useT();
  const code = useWallControl((s) => s.pairing?.code ?? null);
  if (!code) return null;
  return (
    <span className="pairing-code" data-testid="pairing-code" title={t('control.pairHint')}>
      {t('control.pairCode', { code })}
    </span>
  );
}
