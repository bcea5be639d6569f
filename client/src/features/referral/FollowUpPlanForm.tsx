import { addClinicDays, clinicDate, FOLLOW_UP_LIMITS, FollowUpKindSchema, type FollowUpKind } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { referralApi } from '../../api/referral-api';
import type { ReferralsState } from './use-referrals';

interface Draft {
  kind: FollowUpKind;
  text: string;
  dueDate: string;
}

const blank = (): Draft => ({ kind: 'medication', text: '', dueDate: addClinicDays(clinicDate(new Date()), 14) });

/** 下转: the expert's follow-up plan for the county, item by item (kind, what, due date on the clinic calendar). */
export function FollowUpPlanForm({ consultationId, state }: { consultationId: string; state: ReferralsState }) {
  const { t } = useTranslation();
  const id = useId();
  const [items, setItems] = useState<Draft[]>([blank()]);
  const set = (n: number, patch: Partial<Draft>) => setItems((list) => list.map((d, i) => (i === n ? { ...d, ...patch } : d)));
  const ready = items.length > 0 && items.every((d) => d.text.trim().length >= 2 && d.dueDate !== '');

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (await state.run(() => referralApi.filePlan(consultationId, { items }))) setItems([blank()]);
  }

  return (
    <form className="referral-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="plan-form">
      <h3 id={`${id}-title`}>{t('referral.planFile')}</h3>
      {items.map((d, n) => (
        <fieldset key={n} className="referral-form__item" data-testid="plan-item">
          <legend>{`${n + 1}`}</legend>
          <label className="field__label" htmlFor={`${id}-${n}-kind`}>
            {t('referral.itemKind')}
          </label>
          <select id={`${id}-${n}-kind`} className="field__input" value={d.kind} onChange={(e) => set(n, { kind: FollowUpKindSchema.parse(e.target.value) })} data-testid="plan-item-kind">
            {FollowUpKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(`referral.itemKinds.${k}`)}
              </option>
            ))}
          </select>
          <label className="field__label" htmlFor={`${id}-${n}-text`}>
            {t('referral.itemText')}
          </label>
          <input id={`${id}-${n}-text`} className="field__input" value={d.text} maxLength={FOLLOW_UP_LIMITS.text} onChange={(e) => set(n, { text: e.target.value })} required data-testid="plan-item-text" />
          <label className="field__label" htmlFor={`${id}-${n}-due`}>
            {t('referral.itemDue')}
          </label>
          <input id={`${id}-${n}-due`} type="date" className="field__input" value={d.dueDate} onChange={(e) => set(n, { dueDate: e.target.value })} required data-testid="plan-item-due" />
          {items.length > 1 ? (
            <button type="button" className="button button--secondary" onClick={() => setItems((list) => list.filter((_, i) => i !== n))}>
              {t('referral.planRemoveItem')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" disabled={items.length >= FOLLOW_UP_LIMITS.items} onClick={() => setItems((list) => [...list, blank()])} data-testid="plan-add-item">
        {t('referral.planAddItem')}
      </button>
      <button type="submit" className="button button--primary" disabled={!ready || state.pending} data-testid="plan-submit">
        {t('referral.planSubmit')}
      </button>
    </form>
  );
}
