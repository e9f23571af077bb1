import { useState, type JSX } from 'react';
import type { Controller } from '../control/useController';
import { useT } from '../i18n';

/** Pairing: type the six digits the wall shows. Until then this page can do nothing to the wall. */
export function PairForm({ controller, title }: { controller: Controller; title: string }): JSX.Element {
  const t = useT();
  const [code, setCode] = useState('');
  return (
    <form
      className="pair"
      data-testid="pair-form"
      onSubmit={(e) => {
        e.preventDefault();
        void controller.pair(code);
      }}
    >
      <h1>{title}</h1>
      <p>{t('control.pairPrompt', { wall: controller.wall })}</p>
      <input
        data-testid="pair-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
        aria-label={t('control.pairCodeLabel')}
      />
      <button type="submit" data-testid="pair-submit" disabled={code.length !== 6}>
        {t('control.pair')}
      </button>
      {controller.error && (
        <p className="pair__error" role="alert" data-testid="pair-error">
          {controller.error}
        </p>
      )}
    </form>
  );
}
