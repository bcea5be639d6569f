import { REQUEST_LIMITS } from '@cloudclinic/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface LocalWindow {
  from: string;
  to: string;
}

/** The preferred time windows (datetime-local pairs): add up to the limit, remove any but the last. */
export function TimeWindows({ value, onChange }: { value: LocalWindow[]; onChange(next: LocalWindow[]): void }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (i: number, patch: Partial<LocalWindow>) => onChange(value.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className="request-form__group">
      <legend>{t('requests.form.times')}</legend>
      {value.map((w, i) => (
        <div key={i} className="request-form__row">
          <label htmlFor={`${id}-from-${i}`}>{t('requests.form.from')}</label>
          <input id={`${id}-from-${i}`} type="datetime-local" className="field__input" value={w.from} onChange={(e) => set(i, { from: e.target.value })} required data-testid="request-time-from" />
          <label htmlFor={`${id}-to-${i}`}>{t('requests.form.to')}</label>
          <input id={`${id}-to-${i}`} type="datetime-local" className="field__input" value={w.to} onChange={(e) => set(i, { to: e.target.value })} required data-testid="request-time-to" />
          {value.length > 1 ? (
            <button type="button" className="button button--secondary" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('requests.form.removeTimeLabel', { n: i + 1 })}>
              {t('requests.form.removeTime')}
            </button>
          ) : null}
        </div>
      ))}
      {value.length < REQUEST_LIMITS.times ? (
        <button type="button" className="button button--secondary" onClick={() => onChange([...value, { from: '', to: '' }])}>
          {t('requests.form.addTime')}
        </button>
      ) : null}
    </fieldset>
  );
}
