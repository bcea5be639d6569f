import type { DispenseRequest, PrescriptionView } from '@cloudclinic/shared';
import { useState, type FormEvent } from 'react';
import { useCurrentUser } from '../../hooks/useSession';
import { useTranslation } from 'react-i18next';
import { useVerification } from '../../hooks/prescription/useVerification';
import { errorMessageKey } from '../../i18n/error-messages';
import { AcknowledgeWarnings } from './AcknowledgeWarnings';
import { FindingList } from './FindingList';
import { ageInYears, directions, shanghaiDateTime } from './format';
import { PrintablePrescription } from './PrintablePrescription';
import { RxStatusBadge } from './RxStatusBadge';
import { localName, localUnit } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

interface ReviewCardProps {
  rx: PrescriptionView;
  pending: boolean;
  /** The live connection is down: actions that need the server are disabled, and the card says why. */
  offline: boolean;
  /** Arrived live and not looked at yet (highlighted). */
  fresh?: boolean;
  errorCode: string | null;
  /** The pharmacist started working on this card (focus inside): the list keeps it in place. */
  onActing?(): void;
  /** Approve; the ids of the overridden warnings the pharmacist acknowledged. */
  onApprove(acknowledged: string[], password: string): void;
  onReject(reason: string): void;
  onDispense(req: DispenseRequest): void;
}

/** One prescription in the pharmacist's queue: patient and allergies, items, findings and overrides, signature, actions. */
export function ReviewCard({ rx, pending, offline, fresh = false, errorCode, onActing, onApprove, onReject, onDispense }: ReviewCardProps) {
  const { t, i18n } = useTranslation();
  const verification = useVerification(rx.id, rx.version, rx.status);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [lots, setLots] = useState<Record<string, string>>({});
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [printing, setPrinting] = useState(false);
  const me = useCurrentUser();
  const reviewedByMe = rx.review?.decision === 'approved' && rx.review.by.id === me?.id;
  const [selfCheck, setSelfCheck] = useState(false);
  const [password, setPassword] = useState('');
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const overridden = rx.findings.filter((f) => f.severity === 'warning' && f.override);
  const allAcknowledged = overridden.every((f) => acknowledged.has(f.id));
  const hintId = `rx-acks-${rx.id}`;
  const blocked = pending || offline;
  const age = ageInYears(rx.patient.birthDate, new Date());
  const sex = rx.patient.sex === 'male' || rx.patient.sex === 'female' || rx.patient.sex === 'other' ? rx.patient.sex : 'unknown';

  function reject(e: FormEvent): void {
    e.preventDefault();
    if (reason.trim().length >= 2) onReject(reason.trim());
  }

  function dispense(e: FormEvent): void {
    e.preventDefault();
    onDispense({
      items: rx.items.map((i) => ({ itemId: i.id, quantity: Number(quantities[i.id] ?? i.quantity.value), lot: (lots[i.id] ?? '').trim() })),
      sameAsReviewerAcknowledged: reviewedByMe && selfCheck,
    });
  }

  const lotsComplete = rx.items.every((i) => (lots[i.id] ?? '').trim().length > 0);
  return (
    <article
      className={`rx-review rx-review--${rx.status}${fresh ? ' rx-review--fresh' : ''}`}
      data-testid="rx-review-card"
      data-prescription-id={rx.id}
      data-status={rx.status}
      data-fresh={fresh}
      onFocus={onActing}
      tabIndex={-1}
    >
      <header className="rx-review__header">
        <h3 className="rx-review__title">
          {rx.patient.name} · {t(`rx.print.sexes.${sex}`)} · {age === null ? '—' : t('rx.print.ageValue', { age })}
        </h3>
        <RxStatusBadge status={rx.status} />
        <span className="rx-pad__meta">{t('rx.number', { number: rx.number })}</span>
        {rx.version > 1 ? <span className="rx-pad__meta">{t('rx.version', { version: rx.version })}</span> : null}
      </header>
      <dl className="rx-review__facts">
        <div>
          <dt>{t('rx.review.allergies')}</dt>
          <dd className={rx.patient.allergies.length > 0 ? 'rx-review__allergies' : undefined} data-testid="rx-review-allergies">
            {rx.patient.allergies.length > 0 ? rx.patient.allergies.join('、') : t('rx.review.noAllergies')}
          </dd>
        </div>
        <div>
          <dt>{t('rx.review.prescriber')}</dt>
          <dd>
            {rx.prescriber.name}
            {rx.prescriber.qualificationNo ? `（${rx.prescriber.qualificationNo}）` : ''} · {shanghaiDateTime(rx.signedAt)}
          </dd>
        </div>
        <div>
          <dt>{t('rx.diagnosis')}</dt>
          <dd>{rx.diagnosis || '—'}</dd>
        </div>
        <div>
          <dt>{t('rx.review.signature')}</dt>
          <dd data-testid="rx-review-signature" data-valid={verification && verification !== 'failed' ? String(verification.valid) : 'unknown'}>
            {verification === null
              ? t('rx.review.verifying')
              : verification === 'failed'
                ? t('rx.review.notVerified', { reasons: '—' })
                : verification.valid
                  ? t('rx.review.verified', { name: verification.signer?.name ?? '', time: shanghaiDateTime(verification.signedAt) })
                  : t('rx.review.notVerified', { reasons: verification.reasons.join('；') })}
          </dd>
        </div>
      </dl>
      <ol className="rx-review__items">
        {rx.items.map((i) => (
          <li key={i.id} data-testid="rx-item" data-medication-id={i.medicationId}>
            <strong data-testid="rx-review-item-name">{localName(i, i18n.language)}</strong> {i.strength} × {i.quantity.value}
            {localUnit(i.quantity.unit, i18n.language)}
            <span className="rx-review__sig">
              {directions(i, i18n.language)} · {i.days}
              {t('rx.item.days')}
              {i.instructions ? ` · ${i.instructions}` : ''}
            </span>
            {i.dispensed ? (
              <span className="rx-review__lot">
                {t('rx.review.lot')} {i.dispensed.lot} × {i.dispensed.quantity}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {rx.findings.length > 0 ? (
        <section>
          <h4 className="rx-pad__subtitle">{t('rx.review.findings')}</h4>
          <FindingList findings={rx.findings} />
          {rx.status === 'under_review' && overridden.length > 0 ? (
            <AcknowledgeWarnings
              overridden={overridden}
              acknowledged={acknowledged}
              hintId={hintId}
              onChange={(findingId, checked) =>
                setAcknowledged((prev) => {
                  const next = new Set(prev);
                  if (checked) next.add(findingId);
                  else next.delete(findingId);
                  return next;
                })
              }
            />
          ) : null}
        </section>
      ) : null}
      {errorCode ? (
        <p className="clinic-form__error" role="alert" data-testid="rx-review-error" data-code={errorCode}>
          {t(errorMessageKey(errorCode))}
        </p>
      ) : null}
      {offline && (rx.status === 'under_review' || rx.status === 'approved') ? (
        <p className="rx-pad__hint" id={`rx-offline-${rx.id}`} data-testid="rx-offline-hint">
          {t('rx.review.offlineActions')}
        </p>
      ) : null}
      {rx.status === 'under_review' && !rejecting ? (
        <div className="rx-review__actions">
          <label className="rx-field">
            <span className="rx-field__label">{t('rx.review.password')}</span>
            <input className="field__input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="rx-approve-password" />
          </label>
          <BusyButton
            className="button button--primary"
            busy={pending}
            disabled={blocked || verification === null || !allAcknowledged || !password}
            aria-describedby={offline ? `rx-offline-${rx.id}` : overridden.length > 0 ? hintId : undefined}
            onClick={() => onApprove([...acknowledged], password)}
            data-testid="rx-approve"
          >
            {t('rx.review.approve')}
          </BusyButton>
          <button type="button" className="button clinic-button--danger" disabled={blocked} onClick={() => setRejecting(true)} data-testid="rx-reject">
            {t('rx.review.reject')}
          </button>
        </div>
      ) : null}
      {rx.status === 'under_review' && rejecting ? (
        <form className="rx-review__form" onSubmit={reject}>
          <label className="rx-field rx-field--wide">
            <span className="rx-field__label">{t('rx.review.rejectReason')}</span>
            <input className="field__input" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="rx-reject-reason" />
          </label>
          <BusyButton type="submit" className="button clinic-button--danger" busy={pending} disabled={blocked || reason.trim().length < 2} data-testid="rx-reject-confirm">
            {t('rx.review.confirmReject')}
          </BusyButton>
          <button type="button" className="button" onClick={() => setRejecting(false)}>
            {t('rx.review.cancel')}
          </button>
        </form>
      ) : null}
      {rx.status === 'approved' ? (
        <form className="rx-review__form" onSubmit={dispense} data-testid="rx-dispense-form">
          {rx.items.map((i) => (
            <fieldset key={i.id} className="rx-review__dispense">
              <legend>{localName(i, i18n.language)}</legend>
              <label className="rx-field">
                <span className="rx-field__label">{t('rx.review.dispenseQuantity')}</span>
                <input
                  className="field__input rx-field__input--short"
                  inputMode="numeric"
                  value={quantities[i.id] ?? String(i.quantity.value)}
                  onChange={(e) => setQuantities((q) => ({ ...q, [i.id]: e.target.value }))}
                />
              </label>
              <label className="rx-field">
                <span className="rx-field__label">{t('rx.review.lot')}</span>
                <input className="field__input" value={lots[i.id] ?? ''} maxLength={40} onChange={(e) => setLots((l) => ({ ...l, [i.id]: e.target.value }))} data-testid="rx-lot" />
              </label>
            </fieldset>
          ))}
          {reviewedByMe ? (
            <label className="rx-field rx-field--check">
              <input type="checkbox" checked={selfCheck} onChange={(e) => setSelfCheck(e.target.checked)} data-testid="rx-dispense-self" />
              <span>{t('rx.review.sameAsReviewer')}</span>
            </label>
          ) : null}
          <BusyButton type="submit" className="button button--primary" busy={pending} disabled={blocked || !lotsComplete || (reviewedByMe && !selfCheck)} data-testid="rx-dispense">
            {t('rx.review.confirmDispense')}
          </BusyButton>
        </form>
      ) : null}
      {rx.version > 0 ? (
        <button type="button" className="button clinic-button--small" onClick={() => setPrinting(true)} data-testid="rx-print-open">
          {t('rx.actions.print')}
        </button>
      ) : null}
      {printing ? (
        <PrintablePrescription prescriptionId={rx.id} onClose={() => setPrinting(false)} />
      ) : null}
    </article>
  );
}
