import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../i18n/error-messages';
import type { ConsentInput } from '../../hooks/clinic/useKioskFlow';
import { KioskIcon } from './KioskIcon';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

interface ConsentStepProps {
  appointment: KioskAppointmentView;
  /** Resolves with an error code, or null when recorded. */
  onAccept(input: ConsentInput): Promise<string | null>;
  onDecline(): void;
}

const POINTS = ['video', 'record', 'privacy', 'stop'] as const;

/** Step 2: informed consent to telemedicine in plain words; recording is a separate, optional choice. */
export function ConsentStep({ appointment, onAccept, onDecline }: ConsentStepProps) {
  const { t, i18n } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [guardianOpen, setGuardianOpen] = useState(false);
  const [guardianName, setGuardianName] = useState('');
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const ids = { guardian: useId(), recordingHint: useId() };

  async function accept(input: ConsentInput): Promise<void> {
    setPending(true);
    setErrorCode(null);
    const error = await onAccept(input);
    setPending(false);
    setErrorCode(error);
  }

  const guardianValid = guardianName.trim().length > 0;

  return (
    <section className="kiosk-step kiosk-consent" aria-labelledby="kiosk-consent-title">
      <h1 id="kiosk-consent-title" className="kiosk-step__title">
        {t('kiosk.consent.title', { name: appointment.patientLabel })}
      </h1>
      <p className="kiosk-consent__lead">{t('kiosk.consent.lead', { expert: appointment.expertName, department: localName({ name: appointment.departmentName, nameEn: appointment.departmentNameEn }, i18n.language) })}</p>
      <ul className="kiosk-consent__points">
        {POINTS.map((p) => (
          <li key={p}>
            <span className="kiosk-consent__icon">
              <KioskIcon name={p} />
            </span>
            {t(`kiosk.consent.points.${p}`)}
          </li>
        ))}
      </ul>

      <button
        type="button"
        role="switch"
        aria-checked={recording}
        aria-describedby={ids.recordingHint}
        className="kiosk-switch"
        data-testid="consent-recording"
        onClick={() => setRecording((r) => !r)}
      >
        <span className="kiosk-switch__track" aria-hidden="true">
          <span className="kiosk-switch__thumb" />
        </span>
        <span className="kiosk-switch__label">{t('kiosk.consent.recording')}</span>
      </button>
      <p id={ids.recordingHint} className="kiosk-consent__hint">
        {t('kiosk.consent.recordingHint')}
      </p>

      <p className="kiosk-error" role="alert">
        {errorCode ? t(errorMessageKey(errorCode)) : ''}
      </p>

      <div className="kiosk-actions">
        <BusyButton className="button button--primary kiosk-button--huge" busy={pending && !guardianOpen} disabled={pending} data-testid="consent-accept" onClick={() => void accept({ confirmedBy: 'patient', recording })}>
          {t('kiosk.consent.acceptSelf')}
        </BusyButton>
        <button
          type="button"
          className="button button--secondary kiosk-button--huge"
          aria-expanded={guardianOpen}
          disabled={pending}
          data-testid="consent-guardian"
          onClick={() => setGuardianOpen((o) => !o)}
        >
          {t('kiosk.consent.acceptGuardian')}
        </button>
      </div>

      {guardianOpen ? (
        <div className="kiosk-guardian">
          <label className="kiosk-field__label" htmlFor={ids.guardian}>
            {t('kiosk.consent.guardianName')}
          </label>
          <p className="kiosk-consent__hint" id={`${ids.guardian}-hint`}>
            {t('kiosk.guardian.hint')}
          </p>
          <input
            id={ids.guardian}
            className="kiosk-field__input kiosk-field__input--name"
            inputMode="text"
            lang="zh-CN"
            aria-describedby={`${ids.guardian}-hint`}
            autoFocus
            value={guardianName}
            maxLength={32}
            autoComplete="off"
            onChange={(e) => setGuardianName(e.target.value)}
            data-testid="consent-guardian-name"
          />
          <BusyButton
            className="button button--primary kiosk-button--huge"
            busy={pending}
            disabled={!guardianValid}
            data-testid="consent-guardian-confirm"
            onClick={() => void accept({ confirmedBy: 'guardian', guardianName: guardianName.trim(), recording })}
          >
            {t('kiosk.consent.confirmGuardian')}
          </BusyButton>
        </div>
      ) : null}

      <button type="button" className="button button--secondary kiosk-consent__decline" disabled={pending} data-testid="consent-decline" onClick={onDecline}>
        {t('kiosk.consent.decline')}
      </button>
    </section>
  );
}
