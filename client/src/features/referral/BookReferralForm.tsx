import { clinicLocalToIso, defaultPreparation, REFERRAL_LIMITS, type BookReferralBody, type ReferralView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** 预约: the time (read as China time), the place, and the preparation (the exam's default, editable). */
export function BookReferralForm({ r, pending, onSubmit, onCancel }: { r: ReferralView; pending: boolean; onSubmit(body: BookReferralBody): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [preparation, setPreparation] = useState(defaultPreparation(r.kind, r.examType));
  const iso = clinicLocalToIso(at);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (iso && place.trim().length >= 2) onSubmit({ at: iso, place: place.trim(), preparation: preparation.trim() });
  };
  return (
    <form className="referral-form" onSubmit={submit} data-testid="book-form">
      <label className="field__label" htmlFor={`${id}-at`}>
        {t('referral.bookAt')}
      </label>
      <input id={`${id}-at`} type="datetime-local" className="field__input" value={at} onChange={(e) => setAt(e.target.value)} required data-testid="book-at" />
      <label className="field__label" htmlFor={`${id}-place`}>
        {t('referral.place')}
      </label>
      <input id={`${id}-place`} className="field__input" value={place} maxLength={REFERRAL_LIMITS.place} onChange={(e) => setPlace(e.target.value)} required data-testid="book-place" />
      <label className="field__label" htmlFor={`${id}-prep`}>
        {t('referral.preparation')}
      </label>
      <textarea id={`${id}-prep`} className="field__input" rows={3} value={preparation} maxLength={REFERRAL_LIMITS.preparation} onChange={(e) => setPreparation(e.target.value)} data-testid="book-preparation" />
      <button type="submit" className="button button--primary" disabled={pending || !iso || place.trim().length < 2} data-testid="book-confirm">
        {t('referral.bookConfirm')}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('referral.back')}
      </button>
    </form>
  );
}
