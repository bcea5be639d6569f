import { clinicDateTime, type ReferralView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { ReferralResults } from './ReferralResults';

/** What a referral asks for and, once booked, when, where and how to prepare (card, inbox and slip alike). */
export function ReferralDetails({ r }: { r: ReferralView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <dl className="referral-details">
      <dt>{t('referral.department')}</dt>
      <dd>
        {r.department.institutionName} {en ? r.department.nameEn : r.department.name}
      </dd>
      <dt>{t('referral.kind')}</dt>
      <dd data-testid="referral-kind">
        {t(`referral.kinds.${r.kind}`)}
        {r.examType ? ` · ${t(`referral.exams.${r.examType}`)}` : ''} · {t(`referral.urgencies.${r.urgency}`)}
      </dd>
      <dt>{t('referral.reason')}</dt>
      <dd>{r.reason}</dd>
      {r.slotAt ? (
        <>
          <dt>{t('referral.slot')}</dt>
          <dd data-testid="referral-slot">{clinicDateTime(r.slotAt)}</dd>
          <dt>{t('referral.place')}</dt>
          <dd data-testid="referral-place">{r.place}</dd>
          <dt>{t('referral.preparation')}</dt>
          <dd data-testid="referral-preparation">{r.preparation}</dd>
        </>
      ) : null}
      {r.results.length > 0 ? (
        <>
          <dt>{t('referral.results')}</dt>
          <dd>
            <ReferralResults results={r.results} />
          </dd>
        </>
      ) : null}
      {r.declineReason ? (
        <>
          <dt>{t('referral.declineReason')}</dt>
          <dd>{r.declineReason}</dd>
        </>
      ) : null}
    </dl>
  );
}
