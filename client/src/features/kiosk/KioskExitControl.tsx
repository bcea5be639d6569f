import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toApiError } from '../../api/api-error';
import { kioskApi } from '../../api/kiosk-api';
import { useLogout } from '../../hooks/useLogout';
import { Keypad } from './Keypad';
import { BusyButton } from '../../components/BusyButton';

const PIN_KEYS = [...'1234567890'];
const RetrySchema = z.object({ retryAfterSeconds: z.number() });

type Problem = { kind: 'wrong' } | { kind: 'limited'; seconds: number } | { kind: 'failed' } | null;

/**
 * Leaving kiosk mode (sign-out) is for staff: a discreet 工作人员 button opens a PIN pad; the PIN is
 * checked on the server (rate-limited, audited) before the kiosk signs out. No one-tap logout.
 */
export function KioskExitControl() {
  const { t } = useTranslation();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const inputId = useId();

  function close(): void {
    setOpen(false);
    setPin('');
    setProblem(null);
  }

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (pending || pin.length < 4) return;
    setPending(true);
    try {
      await kioskApi.unlock(pin);
      logout();
    } catch (err) {
      const e = toApiError(err);
      const retry = RetrySchema.safeParse(e.details);
      setProblem(e.code === 'forbidden' ? { kind: 'wrong' } : e.code === 'rate_limited' ? { kind: 'limited', seconds: retry.success ? retry.data.retryAfterSeconds : 60 } : { kind: 'failed' });
      setPin('');
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button button--secondary kiosk-exit__open" onClick={() => setOpen(true)} data-testid="btn-kiosk-exit">
        {t('kiosk.exit.open')}
      </button>
    );
  }
  return (
    <div className="kiosk-idle" role="dialog" aria-modal="true" aria-labelledby="kiosk-exit-title" data-testid="kiosk-exit-dialog">
      <form className="kiosk-idle__box kiosk-exit" onSubmit={(e) => void submit(e)}>
        <h2 id="kiosk-exit-title" className="kiosk-idle__title">
          {t('kiosk.exit.title')}
        </h2>
        <p>{t('kiosk.exit.lead')}</p>
        <label className="kiosk-field__label" htmlFor={inputId}>
          {t('kiosk.exit.pin')}
        </label>
        <input
          id={inputId}
          className="kiosk-field__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          data-testid="kiosk-exit-pin"
        />
        <p className="kiosk-error" role="alert" data-testid="kiosk-exit-error">
          {problem?.kind === 'wrong' ? t('kiosk.exit.wrong') : problem?.kind === 'limited' ? t('kiosk.exit.limited', { seconds: problem.seconds }) : problem ? t('kiosk.exit.failed') : ''}
        </p>
        <Keypad keys={PIN_KEYS} columns={5} onKey={(k) => setPin((p) => (p + k).slice(0, 8))} onBackspace={() => setPin((p) => p.slice(0, -1))} onClear={() => setPin('')} disabled={pending} />
        <div className="kiosk-actions">
          <BusyButton type="submit" className="button button--primary kiosk-button--huge" busy={pending} disabled={pin.length < 4} data-testid="kiosk-exit-confirm">
            {t('kiosk.exit.confirm')}
          </BusyButton>
          <button type="button" className="button button--secondary kiosk-button--huge" onClick={close} data-testid="kiosk-exit-cancel">
            {t('kiosk.exit.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
