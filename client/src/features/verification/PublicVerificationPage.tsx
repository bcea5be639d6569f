import { DRUG_ROUTES, FREQUENCIES, VerificationCodeSchema, type PublicVerification } from '@cloudclinic/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { prescriptionApi } from '../../api/prescription-api';
import { toApiError } from '../../api/api-error';
import { StandaloneLayout } from '../../components/StandaloneLayout';
import { errorMessageKey } from '../../i18n/error-messages';
import { localUnit } from '../../i18n/local-name';
import { isEnglish, shanghaiDateTime } from '../prescription/format';

/**
 * Where the QR on a printed 处方笺 lands (no login): is it authentic, what is its status. No patient
 * name; the drugs only after the holder types the code printed beside the QR.
 */
export default function PublicVerificationPage() {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  const { prescriptionId = '' } = useParams();
  const [result, setResult] = useState<PublicVerification | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    prescriptionApi.publicVerify(prescriptionId, null, controller.signal).then(setResult, (err: unknown) => {
      if (!controller.signal.aborted) setErrorCode(toApiError(err).code);
    });
    return () => controller.abort();
  }, [prescriptionId]);

  async function unlock(e: FormEvent): Promise<void> {
    e.preventDefault();
    const parsed = VerificationCodeSchema.safeParse(code);
    if (!parsed.success) return setErrorCode('bad_request');
    setPending(true);
    try {
      setResult(await prescriptionApi.publicVerify(prescriptionId, parsed.data));
      setErrorCode(null);
    } catch (err) {
      setErrorCode(toApiError(err).code);
    } finally {
      setPending(false);
    }
  }

  return (
    <StandaloneLayout>
      <section className="rx-verify" data-testid="verify-page">
        <h1>{t('rx.publicVerify.title')}</h1>
        {result === null && errorCode === null ? <p role="status">{t('rx.publicVerify.checking')}</p> : null}
        {result ? (
          <div className={`notice ${result.authentic ? '' : 'notice--warning'}`} data-testid="verify-result" data-authentic={String(result.authentic)} data-status={result.status}>
            <p className="rx-verify__verdict">{result.authentic ? t('rx.publicVerify.authentic') : t('rx.publicVerify.notAuthentic')}</p>
            <dl className="rx-verify__facts">
              <dt>{t('rx.print.number')}</dt>
              <dd data-testid="verify-number">{result.number}</dd>
              <dt>{t('rx.publicVerify.status')}</dt>
              <dd data-testid="verify-status">{t(`rx.status.${result.status}`)}</dd>
              <dt>{t('rx.print.signedAt')}</dt>
              <dd>{shanghaiDateTime(result.signedAt)}</dd>
              <dt>{t('rx.print.validUntil')}</dt>
              <dd>{shanghaiDateTime(result.validUntil)}</dd>
              <dt>{t('rx.publicVerify.issuedBy')}</dt>
              <dd>{result.issuedBy ?? '—'}</dd>
              <dt>{t('rx.print.institution')}</dt>
              <dd>{result.pharmacy}</dd>
            </dl>
          </div>
        ) : null}
        {result?.items ? (
          <ol className="rx-verify__items" data-testid="verify-items">
            {result.items.map((i) => (
              <li key={`${i.name}-${i.strength}`}>
                {t('rx.publicVerify.item', {
                  name: i.name,
                  strength: i.strength,
                  quantity: i.quantity.value,
                  unit: localUnit(i.quantity.unit, i18n.language),
                  frequency: en ? FREQUENCIES[i.frequency].en : FREQUENCIES[i.frequency].zh,
                  route: en ? DRUG_ROUTES[i.route].en : DRUG_ROUTES[i.route].zh,
                })}
              </li>
            ))}
          </ol>
        ) : result ? (
          <form className="rx-verify__code" onSubmit={(e) => void unlock(e)}>
            <label className="field">
              <span className="field__label">{t('rx.publicVerify.codeLabel')}</span>
              <input className="field__input" value={code} maxLength={8} autoComplete="off" onChange={(e) => setCode(e.target.value)} data-testid="verify-code" />
            </label>
            <button type="submit" className="button button--primary" disabled={pending} data-testid="verify-submit">
              {t('rx.publicVerify.showDrugs')}
            </button>
          </form>
        ) : null}
        {errorCode ? (
          <p className="clinic-form__error" role="alert" data-testid="verify-error">
            {errorCode === 'forbidden' ? t('rx.publicVerify.wrongCode') : t(errorMessageKey(errorCode))}
          </p>
        ) : null}
      </section>
    </StandaloneLayout>
  );
}
