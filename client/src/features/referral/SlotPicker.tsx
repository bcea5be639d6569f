import { clinicDateTime, type ReferralSlotView } from '@cloudclinic/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../hooks/clinic/useResource';
import { LoadError } from '../clinic/LoadError';

/** The department's open slots (号源) for this referral, each with the seats left; "none" means a time written by hand. */
export function SlotPicker({ slots, chosen, onChoose }: { slots: Resource<ReferralSlotView[]>; chosen: string | null; onChoose(id: string | null): void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="referral-form__slots" data-testid="book-slots">
      <legend>{t('referral.slots')}</legend>
      {slots.loading && !slots.data ? <p role="status">{t('clinic.loading')}</p> : null}
      {slots.errorCode ? <LoadError code={slots.errorCode} onRetry={slots.reload} /> : null}
      {slots.data?.length === 0 ? <p className="referral-panel__empty">{t('referral.noSlots')}</p> : null}
      <ul className="referral-form__slot-list">
        {slots.data?.map((s) => (
          <li key={s.id}>
            <label>
              <input type="radio" name={name} checked={chosen === s.id} onChange={() => onChoose(s.id)} data-testid="book-slot" data-slot-id={s.id} />
              {clinicDateTime(s.at)} · {s.place} · {t('referral.seatsLeft', { count: s.capacity - s.booked })}
            </label>
          </li>
        ))}
        <li>
          <label>
            <input type="radio" name={name} checked={chosen === null} onChange={() => onChoose(null)} data-testid="book-slot-manual" />
            {t('referral.slotManual')}
          </label>
        </li>
      </ul>
    </fieldset>
  );
}
