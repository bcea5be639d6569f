import { REFERRAL_LIMITS, type BookReferralBody, type ReferralView } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookReferralForm } from './BookReferralForm';
import { ReferralDetails } from './ReferralDetails';

export interface InboxActions {
  pending: boolean;
  book(id: string, body: BookReferralBody): void;
  decline(id: string, reason: string): void;
  move(id: string, action: 'complete' | 'cancel'): void;
}

/** One referral in the coordinator's list: what is asked, and book / decline / complete / cancel as the server allows. */
export function InboxReferral({ r, actions }: { r: ReferralView; actions: InboxActions }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState<'book' | 'decline' | null>(null);
  const [reason, setReason] = useState('');
  return (
    <article className="referral-card" data-testid="inbox-referral" data-referral-id={r.id} data-status={r.status} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="referral-card__status">
        <strong data-testid="referral-status">{t(`referral.status.${r.status}`)}</strong> · {t('referral.from', { name: r.requestedBy.displayName, institution: r.institution.name })}
      </p>
      <ReferralDetails r={r} />
      <p>{r.summary}</p>
      {open === 'book' ? <BookReferralForm r={r} pending={actions.pending} onSubmit={(body) => actions.book(r.id, body)} onCancel={() => setOpen(null)} /> : null}
      {open === 'decline' ? (
        <div className="referral-form">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('referral.declineReason')}
          </label>
          <input id={`${id}-reason`} className="field__input" value={reason} maxLength={REFERRAL_LIMITS.declineReason} onChange={(e) => setReason(e.target.value)} data-testid="decline-reason" />
          <button type="button" className="button button--primary" disabled={actions.pending || reason.trim().length < 2} onClick={() => actions.decline(r.id, reason.trim())} data-testid="decline-confirm">
            {t('referral.declineConfirm')}
          </button>
        </div>
      ) : null}
      {open === null ? (
        <div className="referral-card__actions">
          {r.actions.includes('book') ? (
            <button type="button" className="button button--primary" onClick={() => setOpen('book')} data-testid="referral-book">
              {t('referral.book')}
            </button>
          ) : null}
          {r.actions.includes('decline') ? (
            <button type="button" className="button button--secondary" onClick={() => setOpen('decline')} data-testid="referral-decline">
              {t('referral.decline')}
            </button>
          ) : null}
          {r.actions.includes('complete') ? (
            <button type="button" className="button button--secondary" disabled={actions.pending} onClick={() => actions.move(r.id, 'complete')} data-testid="referral-complete">
              {t('referral.complete')}
            </button>
          ) : null}
          {r.actions.includes('cancel') ? (
            <button type="button" className="button button--secondary" disabled={actions.pending} onClick={() => actions.move(r.id, 'cancel')} data-testid="referral-cancel">
              {t('referral.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
