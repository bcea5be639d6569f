import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskNotice } from './kiosk-flow';
import { checkEntry, CODE_KEYS, displayEntry, normalizeEntry, RESIDENT_ID_KEYS, type CheckInMode } from './checkin-input';
import { Keypad } from './Keypad';
import { BusyButton } from '../../components/BusyButton';

interface CheckInStepProps {
  notice: KioskNotice;
  /** Resolves with an error code, or null when checked in. */
  onCheckIn(req: { code: string } | { residentId: string }): Promise<string | null>;
  /** Something is typed: an abandoned entry resets after a while (idle-timer.ts). */
  onDirtyChange?(dirty: boolean): void;
}

/** Step 1: check in with the slip's appointment code (default) or the resident ID number. */
export function CheckInStep({ notice, onCheckIn, onDirtyChange }: CheckInStepProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CheckInMode>('code');
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), feedback: useId(), error: useId() };
  const check = checkEntry(mode, value);

  useEffect(() => inputRef.current?.focus(), [mode]);
  useEffect(() => onDirtyChange?.(value !== '' || mode !== 'code'), [value, mode, onDirtyChange]);
  const shown = displayEntry(mode, value);
  const complete = shown !== value;

  function change(next: string): void {
    setValue(normalizeEntry(mode, next));
    setErrorCode(null);
  }

  function switchMode(next: CheckInMode): void {
    setMode(next);
    setValue('');
    setErrorCode(null);
  }

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (check.state !== 'valid' || pending) return;
    setPending(true);
    const error = await onCheckIn(mode === 'code' ? { code: value } : { residentId: value });
    setPending(false);
    if (error) setErrorCode(error);
  }

  const feedback =
    check.state === 'incomplete' && mode === 'resident_id'
      ? t('kiosk.checkin.remaining', { remaining: check.remaining })
      : check.state === 'invalid'
        ? t('kiosk.checkin.invalidId')
        : check.state === 'valid' && check.masked
          ? `✓ ${t('kiosk.entry.masked', { masked: check.masked })}`
          : '';

  return (
    <section className="kiosk-step kiosk-checkin" aria-labelledby="kiosk-checkin-title">
      <h1 id="kiosk-checkin-title" className="kiosk-step__title">
        {t('kiosk.checkin.title')}
      </h1>
      {notice ? (
        <p className="notice kiosk-notice" role="status" data-testid="kiosk-notice" data-notice={notice}>
          {t(`kiosk.notice.${notice}`)}
        </p>
      ) : null}

      <div className="kiosk-tabs" role="tablist" aria-label={t('kiosk.checkin.modeLabel')}>
        {(['code', 'resident_id'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className="kiosk-tabs__tab"
            data-testid={`kiosk-mode-${m}`}
            onClick={() => switchMode(m)}
          >
            {t(`kiosk.checkin.mode.${m}`)}
          </button>
        ))}
      </div>

      <form className="kiosk-checkin__form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="kiosk-field__label" htmlFor={ids.input}>
          {t(`kiosk.checkin.label.${mode}`)}
        </label>
        <input
          ref={inputRef}
          id={ids.input}
          className="kiosk-field__input"
          type="text"
          inputMode="none"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={shown}
          readOnly={complete}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            // The complete ID is shown masked: a physical Backspace edits the real digits.
            if (complete && e.key === 'Backspace') change(value.slice(0, -1));
          }}
          aria-invalid={check.state === 'invalid' || errorCode !== null ? true : undefined}
          aria-describedby={`${ids.feedback} ${ids.error}`}
          data-testid={mode === 'code' ? 'kiosk-checkin-code' : 'kiosk-checkin-resident-id'}
        />
        <p id={ids.feedback} className={`kiosk-field__feedback${check.state === 'invalid' ? ' kiosk-field__feedback--bad' : ''}`} aria-live="polite">
          {feedback || t(`kiosk.checkin.hint.${mode}`)}
        </p>
        <Keypad
          keys={mode === 'code' ? CODE_KEYS : RESIDENT_ID_KEYS}
          columns={mode === 'code' ? 10 : 3}
          onKey={(k) => change(value + k)}
          onBackspace={() => change(value.slice(0, -1))}
          onClear={() => change('')}
          disabled={pending}
        />
        <p id={ids.error} className="kiosk-error" role="alert">
          {errorCode ? t(checkInErrorKey(errorCode)) : ''}
        </p>
        <BusyButton type="submit" className="button button--primary kiosk-button--huge" busy={pending} busyLabel={t('kiosk.checkin.submitting')} disabled={check.state !== 'valid'} data-testid="kiosk-checkin-submit">
          {t('kiosk.checkin.submit')}
        </BusyButton>
      </form>
    </section>
  );
}

function checkInErrorKey(code: string) {
  switch (code) {
    case 'not_found':
      return 'kiosk.checkin.error.not_found' as const;
    case 'forbidden':
      return 'kiosk.checkin.error.forbidden' as const;
    case 'bad_request':
      return 'kiosk.checkin.error.bad_request' as const;
    case 'invalid_state':
      return 'kiosk.checkin.error.invalid_state' as const;
    case 'consent_declined':
      // The patient declined the remote visit earlier today: only staff can re-open the check-in.
      return 'kiosk.notice.consent_declined' as const;
    case 'network':
    case 'unavailable':
      return 'kiosk.checkin.error.network' as const;
    default:
      return 'kiosk.checkin.error.other' as const;
  }
}
