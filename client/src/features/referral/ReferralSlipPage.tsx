import type { ReferralView } from '@cloudclinic/shared';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { referralApi } from '../../api/referral-api';
import { LoadError } from '../clinic/LoadError';
import { formatClock, formatFullDate } from '../clinic/clinic-time';
import { useResource } from '../../hooks/clinic/useResource';
import { ReferralResults } from './ReferralResults';
import '../../styles/booking-slip.css';
import '../../styles/referral.css';

/** `/county/referrals/:id/slip`: the booked referral as a one-page slip for the patient (the booking slip's print rules). */
export function ReferralSlipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const r = useResource(id, (signal) => referralApi.get(id, signal));
  return (
    <div className="page clinic-page" data-testid="referral-slip-page">
      <Link to="/county">← {t('referral.back')}</Link>
      {r.loading && !r.data ? <p role="status">{t('clinic.loading')}</p> : null}
      {r.errorCode ? <LoadError code={r.errorCode} onRetry={r.reload} /> : null}
      {r.data ? (
        <div className="slip" data-testid="referral-slip">
          <SlipContent r={r.data} prefix="referral-slip" />
          <button type="button" className="button button--primary slip__print" onClick={() => window.print()} data-testid="referral-slip-print">
            {t('referral.print')}
          </button>
          {createPortal(
            <article className="slip-print-root" aria-hidden="true">
              <SlipContent r={r.data} prefix="referral-slip-print" />
            </article>,
            document.body,
          )}
        </div>
      ) : null}
    </div>
  );
}

function SlipContent({ r, prefix }: { r: ReferralView; prefix: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const field = (key: string, label: string, value: string) => (
    <div className="slip__field">
      <dt>{label}</dt>
      <dd data-testid={`${prefix}-${key}`}>{value}</dd>
    </div>
  );
  const what = `${t(`referral.kinds.${r.kind}`)}${r.examType ? ` · ${t(`referral.exams.${r.examType}`)}` : ''}`;
  return (
    <>
      <p className="slip__title">{t('referral.slipTitle')}</p>
      <dl className="slip__fields">
        {field('patient', t('referral.patient'), r.hisPatientId)}
        {field('what', t('referral.kind'), what)}
        {field('department', t('referral.department'), `${r.department.institutionName} ${lang.startsWith('en') ? r.department.nameEn : r.department.name}`)}
        {r.slotAt ? field('date', t('referral.slot'), `${formatFullDate(r.slotAt, lang)} ${formatClock(r.slotAt, lang)}`) : null}
        {field('place', t('referral.place'), r.place ?? '—')}
      </dl>
      <p className="slip__hint" data-testid={`${prefix}-preparation`}>
        {t('referral.preparation')}：{r.preparation ?? '—'}
      </p>
      {r.results.length > 0 ? (
        <section className="slip__hint" aria-label={t('referral.results')}>
          <p>{t('referral.resultsBring')}</p>
          <ReferralResults results={r.results} />
        </section>
      ) : null}
    </>
  );
}
