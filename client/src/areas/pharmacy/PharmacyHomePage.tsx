import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ReviewCard } from '../../features/prescription/ReviewCard';
import { useReviewQueue } from '../../hooks/prescription/useReviewQueue';
import { errorMessageKey } from '../../i18n/error-messages';
import '../../styles/prescription.css';

const OPEN = new Set(['under_review', 'approved']);

/** Pharmacist home: the live review queue of this hospital's online prescriptions (审方 → 发药). */
export function PharmacyHomePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const open = queue.prescriptions.filter((p) => OPEN.has(p.status));
  const recent = queue.prescriptions.filter((p) => !OPEN.has(p.status));
  const card = (rx: (typeof queue.prescriptions)[number]) => (
    <ReviewCard
      key={rx.id}
      rx={rx}
      pending={queue.pending === rx.id}
      errorCode={queue.actionErrors[rx.id] ?? null}
      onApprove={() => void queue.approve(rx.id)}
      onReject={(reason) => void queue.reject(rx.id, reason)}
      onDispense={(req) => void queue.dispense(rx.id, req)}
    />
  );
  return (
    <div className="page rx-pharmacy" data-testid="pharmacy-home">
      <PageHeader title={t('rx.review.title')} intro={t('rx.review.intro')} />
      {queue.errorCode ? (
        <p className="notice notice--warning" role="alert">
          {t(errorMessageKey(queue.errorCode))}
        </p>
      ) : null}
      {queue.loading ? <p role="status">{t('rx.loading')}</p> : null}
      <section aria-label={t('rx.review.title')} className="rx-pharmacy__queue" data-testid="rx-review-queue">
        {!queue.loading && open.length === 0 ? <p className="rx-pad__hint">{t('rx.review.empty')}</p> : null}
        {open.map(card)}
      </section>
      {recent.length > 0 ? (
        <section className="rx-pharmacy__recent">
          <h2 className="rx-pad__subtitle">{t('rx.review.recent')}</h2>
          {recent.map(card)}
        </section>
      ) : null}
    </div>
  );
}
