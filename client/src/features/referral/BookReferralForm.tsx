import { clinicLocalToIso, defaultPreparation, REFERRAL_LIMITS, type BookReferralBody, type ReferralView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { referralApi } from '../../api/referral-api';
import { useResource } from '../../hooks/clinic/useResource';
import { SlotPicker } from './SlotPicker';

/**
 * 预约: a seat of one of the department's slots (号源), or a time (read as China time) and a place
 * written by hand; and the preparation (the exam's default, editable).
 */
export function BookReferralForm({ r, pending, onSubmit, onCancel }: { r: ReferralView; pending: boolean; onSubmit(body: BookReferralBody): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const slots = useResource(`slots:${r.id}`, (signal) => referralApi.slots(r.id, signal));
  const [slotId, setSlotId] = useState<string | null>(null);
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [preparation, setPreparation] = useState(defaultPreparation(r.kind, r.examType));
  const iso = clinicLocalToIso(at);
  const ready = slotId !== null || (iso !== null && place.trim().length >= 2);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (slotId) onSubmit({ slotId, preparation: preparation.trim() });
    else if (iso && place.trim().length >= 2) onSubmit({ at: iso, place: place.trim(), preparation: preparation.trim() });
  };
  return (
    <form className="referral-form" onSubmit={submit} data-testid="book-form">
      <SlotPicker slots={slots} chosen={slotId} onChoose={setSlotId} />
      {slotId === null ? (
        <>
          <label className="field__label" htmlFor={`${id}-at`}>
            {t('referral.bookAt')}
          </label>
          <input id={`${id}-at`} type="datetime-local" className="field__input" value={at} onChange={(e) => setAt(e.target.value)} required data-testid="book-at" />
          <label className="field__label" htmlFor={`${id}-place`}>
            {t('referral.place')}
          </label>
          <input id={`${id}-place`} className="field__input" value={place} maxLength={REFERRAL_LIMITS.place} onChange={(e) => setPlace(e.target.value)} required data-testid="book-place" />
        </>
      ) : null}
      <label className="field__label" htmlFor={`${id}-prep`}>
        {t('referral.preparation')}
      </label>
      <textarea id={`${id}-prep`} className="field__input" rows={3} value={preparation} maxLength={REFERRAL_LIMITS.preparation} onChange={(e) => setPreparation(e.target.value)} data-testid="book-preparation" />
      <button type="submit" className="button button--primary" disabled={pending || !ready} data-testid="book-confirm">
        {t('referral.bookConfirm')}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('referral.back')}
      </button>
    </form>
  );
}
