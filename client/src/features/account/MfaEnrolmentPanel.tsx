import type { MfaEnrolmentStart } from '@cloudclinic/shared';
import QRCode from 'qrcode';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MfaCodeField } from './MfaCodeField';
import { mfaErrorKey } from './mfa-error';
import { useAction } from './use-action';

interface Props {
  /** Asks the server for a fresh secret. */
  start(): Promise<MfaEnrolmentStart>;
  /** Confirms with a current code (the caller keeps what the server answers); throws ApiError. */
  confirm(code: string): Promise<void>;
}

/** Scan the QR code (or type the secret) into an authenticator app, then confirm with its current code. */
export function MfaEnrolmentPanel({ start, confirm }: Props) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<MfaEnrolmentStart | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const loading = useAction();
  const confirming = useAction();
  const errorId = useId();
  const { run: load } = loading;

  useEffect(() => {
    let live = true;
    void load(start).then((e) => {
      if (!live || !e) return;
      setEnrolment(e);
      QRCode.toDataURL(e.otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then(
        (data) => live && setQr(data),
        () => live && setQr(null),
      );
    });
    return () => {
      live = false;
    };
  }, [load, start]);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) return confirming.setErrorCode('bad_request');
    await confirming.run(() => confirm(code));
  }

  if (loading.errorCode) {
    return (
      <p className="login-form__error" role="alert" data-testid="mfa-enrol-error">
        {t(mfaErrorKey(loading.errorCode))}
      </p>
    );
  }
  if (!enrolment) return <p role="status">{t('app.loading')}</p>;
  const error = confirming.errorCode;
  return (
    <section className="mfa-enrol" aria-labelledby="mfa-enrol-title" data-testid="mfa-enrol">
      <h2 id="mfa-enrol-title">{t('mfa.enrolTitle')}</h2>
      <ol className="mfa-enrol__steps">
        <li>{t('mfa.enrolStepApp')}</li>
        <li>
          {t('mfa.enrolStepScan')}
          <div className="mfa-enrol__qr">
            {qr ? <img src={qr} width={220} height={220} alt={t('mfa.qrAlt')} data-testid="mfa-qr" /> : null}
          </div>
          <p>
            {t('mfa.secretLabel')} <code className="mfa-enrol__secret" data-testid="mfa-secret">{enrolment.secret}</code>
          </p>
        </li>
        <li>{t('mfa.enrolStepConfirm')}</li>
      </ol>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={confirming.pending}>
        <MfaCodeField value={code} onChange={setCode} errorId={error ? errorId : undefined} testId="mfa-enrol-code" />
        {error ? (
          <p id={errorId} className="login-form__error" role="alert" data-testid="mfa-enrol-confirm-error">
            {t(mfaErrorKey(error))}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={confirming.pending} data-testid="mfa-enrol-submit">
          {confirming.pending ? t('mfa.confirming') : t('mfa.confirm')}
        </button>
      </form>
    </section>
  );
}
