import type { PrescriptionView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ConnectionIndicator } from '../../features/pharmacy/ConnectionIndicator';
import { NewArrivalBar } from '../../features/pharmacy/NewArrivalBar';
import { ReviewFilters } from '../../features/pharmacy/ReviewFilters';
import { ReviewCard } from '../../features/prescription/ReviewCard';
import { useNewArrivalAlert } from '../../hooks/prescription/useNewArrivalAlert';
import { useReviewQueue } from '../../hooks/prescription/useReviewQueue';
import { useReviewView } from '../../hooks/prescription/useReviewView';
import { errorMessageKey } from '../../i18n/error-messages';
import '../../styles/clinic.css';
import '../../styles/prescription.css';

/** Pharmacist home: the live review queue of this hospital's online prescriptions (审方 → 发药), filtered and searched. */
export function PharmacyHomePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const view = useReviewView(queue.prescriptions);
  const alert = useNewArrivalAlert(queue.prescriptions, !queue.loading);
  const offline = queue.connection === 'reconnecting' || queue.connection === 'failed';

  function showNew(): void {
    const first = queue.prescriptions.filter((p) => alert.fresh.has(p.id) && p.status === 'under_review');
    if (view.filter !== 'under_review' && view.filter !== 'all') view.setFilter('under_review');
    alert.clear();
    const id = first[0]?.id;
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-prescription-id="${id}"]`)?.focus());
  }

  const card = (rx: PrescriptionView) => (
    <ReviewCard
      key={`${rx.id}:${rx.version}`}
      rx={rx}
      pending={queue.pending === rx.id}
      offline={offline}
      fresh={alert.fresh.has(rx.id)}
      errorCode={queue.actionErrors[rx.id] ?? null}
      onActing={() => view.hold(rx.id)}
      onApprove={(acknowledged, password) => void queue.approve(rx.id, acknowledged, password)}
      onReject={(reason) => void queue.reject(rx.id, reason)}
      onDispense={(req) => void queue.dispense(rx.id, req)}
    />
  );
  return (
    <div className="page rx-pharmacy" data-testid="pharmacy-home">
      <PageHeader title={t('rx.review.title')} intro={t('rx.review.intro')} />
      <div className="rx-pharmacy__bar">
        <ConnectionIndicator state={queue.connection} />
        <NewArrivalBar alert={alert} onShow={showNew} />
      </div>
      {queue.errorCode ? (
        <p className="notice notice--warning" role="alert">
          {t(errorMessageKey(queue.errorCode))}
        </p>
      ) : null}
      <ReviewFilters filter={view.filter} counts={view.counts} query={view.query} onFilter={view.setFilter} onQuery={view.setQuery} />
      {queue.loading ? <p role="status">{t('rx.loading')}</p> : null}
      <section aria-label={t('rx.review.title')} className="rx-pharmacy__queue" data-testid="rx-review-queue" data-filter={view.filter}>
        {!queue.loading && view.shown.length === 0 ? (
          <div className="rx-pharmacy__empty" data-testid="rx-queue-empty">
            <p className="rx-pad__hint">{view.query ? t('rx.review.noMatch') : t(`rx.review.emptyBy.${view.filter}`)}</p>
            {view.query ? (
              <button type="button" className="button clinic-button--small" onClick={() => view.setQuery('')}>
                {t('rx.review.clearSearch')}
              </button>
            ) : null}
          </div>
        ) : null}
        {view.shown.map(card)}
      </section>
    </div>
  );
}
