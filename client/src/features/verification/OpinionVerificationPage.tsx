import type { OpinionVerification } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { opinionApi } from '../../api/opinion-api';
import { toApiError } from '../../api/api-error';
import { StandaloneLayout } from '../../components/StandaloneLayout';
import { errorMessageKey } from '../../i18n/error-messages';
import { shanghaiDateTime } from '../prescription/format';
import '../../styles/opinion.css';

/**
 * `/verify/opinion/:id` (no login): every expert's signature on a joint opinion checked against the
 * published keys, with the signers, their times and each signature's validity. No patient data.
 */
export default function OpinionVerificationPage() {
  const { t } = useTranslation();
  const { opinionId = '' } = useParams();
  const [result, setResult] = useState<OpinionVerification | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    opinionApi.publicVerify(opinionId, controller.signal).then(setResult, (err: unknown) => {
      if (!controller.signal.aborted) setErrorCode(toApiError(err).code);
    });
    return () => controller.abort();
  }, [opinionId]);

  return (
    <StandaloneLayout>
      <section className="rx-verify" data-testid="opinion-verify-page">
        <h1>{t('opinion.verify.title')}</h1>
        {result === null && errorCode === null ? <p role="status">{t('rx.publicVerify.checking')}</p> : null}
        {errorCode ? (
          <p className="notice notice--warning" role="alert">
            {t(errorMessageKey(errorCode))}
          </p>
        ) : null}
        {result ? (
          <div className={`notice ${result.valid ? '' : 'notice--warning'}`} data-testid="opinion-verify-result" data-valid={String(result.valid)} data-status={result.status}>
            <p className="rx-verify__verdict">{result.valid ? t('opinion.verify.valid') : t('opinion.verify.invalid')}</p>
            <dl className="rx-verify__facts">
              <dt>{t('opinion.verify.version')}</dt>
              <dd>{result.version}</dd>
              <dt>{t('rx.publicVerify.status')}</dt>
              <dd>{t(`opinion.status.${result.status}`)}</dd>
              <dt>{t('opinion.verify.institution')}</dt>
              <dd>{result.institution || '—'}</dd>
              <dt>{t('opinion.verify.integrity')}</dt>
              <dd>{result.integrity ? t('opinion.verify.intact') : t('opinion.verify.altered')}</dd>
            </dl>
            <table className="opinion-verify__signatures">
              <caption>{t('opinion.signers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('opinion.verify.signer')}</th>
                  <th scope="col">{t('opinion.verify.signedAt')}</th>
                  <th scope="col">{t('opinion.verify.signature')}</th>
                </tr>
              </thead>
              <tbody>
                {result.signatures.map((s) => (
                  <tr key={s.signerId} data-testid="opinion-verify-signature" data-valid={String(s.valid)}>
                    <td>{t('opinion.verify.signerOf', { name: s.name, institution: s.institution })}</td>
                    <td>{s.signedAt ? shanghaiDateTime(s.signedAt) : '—'}</td>
                    <td>{s.valid ? t('opinion.verify.signatureValid') : s.signedAt ? t('opinion.verify.signatureInvalid') : t('opinion.waitingSignature')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </StandaloneLayout>
  );
}
