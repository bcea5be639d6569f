import { REQUEST_LIMITS } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../components/BusyButton';

/** 拒绝: a reason is required (the county doctor reads it). */
export function DeclineForm({ pending, onSubmit, onCancel }: { pending: boolean; onSubmit(reason: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length >= 2) onSubmit(reason.trim());
  };
  return (
    <form className="request-action-form" onSubmit={submit} data-testid="decline-form">
      <label className="field__label" htmlFor={`${id}-reason`}>
        {t('requests.inbox.declineReason')}
      </label>
      <textarea id={`${id}-reason`} className="field__input" rows={2} maxLength={REQUEST_LIMITS.reason} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={2} data-testid="decline-reason" />
      <BusyButton busy={pending} type="submit" className="button button--primary" disabled={reason.trim().length < 2} data-testid="decline-confirm">
        {t('requests.inbox.declineConfirm')}
      </BusyButton>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('requests.inbox.back')}
      </button>
    </form>
  );
}
