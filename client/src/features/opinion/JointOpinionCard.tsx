import type { JointOpinionView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { isEnglish, shanghaiDateTime } from '../prescription/format';
import { SignerList } from './SignerList';

interface Props {
  opinion: JointOpinionView;
  /** The actions this person may take on this version (sign, amend, acknowledge). */
  children?: React.ReactNode;
}

/** One version of the joint opinion as it reads: content, dissent, signers, and its verification link. */
export function JointOpinionCard({ opinion: o, children }: Props) {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  return (
    <article className="opinion-card" data-testid="joint-opinion" data-opinion={o.id} data-status={o.status} data-version={o.version}>
      <header className="opinion-card__header">
        <h3>{t('opinion.joint.versionTitle', { version: o.version })}</h3>
        <span className={`opinion-status opinion-status--${o.status}`} data-testid="joint-status">
          {t(`opinion.status.${o.status}`)}
        </span>
      </header>
      <dl className="opinion-card__facts">
        <dt>{t('opinion.joint.findings')}</dt>
        <dd data-testid="joint-view-findings">{o.findings}</dd>
        <dt>{t('opinion.diagnoses')}</dt>
        <dd>{o.diagnoses.map((d) => `${d.code} ${en ? d.en : d.zh}`).join('；') || '—'}</dd>
        <dt>{t('opinion.joint.treatment')}</dt>
        <dd>{o.treatment}</dd>
        {o.dissent.length > 0 ? (
          <>
            <dt>{t('opinion.joint.dissent')}</dt>
            <dd>
              {o.dissent.map((d) => (
                <p key={d.expertId}>
                  {d.name}：{d.text}
                </p>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {o.signers.length > 0 ? <SignerList signers={o.signers} /> : null}
      {o.acknowledgedAt ? (
        <p className="notice" data-testid="opinion-acknowledged">
          {t('opinion.acknowledged', { name: o.acknowledgedBy ?? '', time: shanghaiDateTime(o.acknowledgedAt) })}
        </p>
      ) : null}
      <div className="opinion-form__actions">
        {children}
        {o.status === 'final' || o.status === 'superseded' ? (
          <a href={`/verify/opinion/${encodeURIComponent(o.id)}`} target="_blank" rel="noreferrer" data-testid="opinion-verify-link">
            {t('opinion.verifyLink')}
          </a>
        ) : null}
      </div>
    </article>
  );
}
