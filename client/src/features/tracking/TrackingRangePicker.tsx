import { addClinicDays, clinicDate, trackingRange } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface DayRange {
  from: string;
  to: string;
}

const PRESETS = [
  ['last7', 7],
  ['last30', 30],
  ['last90', 90],
  ['last365', 365],
] as const;

/** The period shown: two clinic dates (checked before asking the server) or a quick choice ending today. */
export function TrackingRangePicker({ range, onChange }: { range: DayRange; onChange(range: DayRange): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(range);
  const [invalid, setInvalid] = useState(false);
  const today = clinicDate(new Date());

  function apply(next: DayRange): void {
    const checked = next.from && next.to ? trackingRange(next, today) : null;
    setInvalid(!checked?.ok);
    if (checked?.ok) onChange({ from: checked.from, to: checked.to });
  }
  function submit(e: FormEvent): void {
    e.preventDefault();
    apply(draft);
  }
  function preset(days: number): void {
    const next = { from: addClinicDays(today, 1 - days), to: today };
    setDraft(next);
    apply(next);
  }

  return (
    <form className="tracking-range" onSubmit={submit} noValidate aria-label={t('tracking.range.label')} data-testid="tracking-range">
      <label className="field__label" htmlFor={`${id}-from`}>
        {t('tracking.range.from')}
      </label>
      <input id={`${id}-from`} type="date" className="field__input" value={draft.from} max={draft.to || undefined} onChange={(e) => setDraft({ ...draft, from: e.target.value })} aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : undefined} data-testid="tracking-from" />
      <label className="field__label" htmlFor={`${id}-to`}>
        {t('tracking.range.to')}
      </label>
      <input id={`${id}-to`} type="date" className="field__input" value={draft.to} min={draft.from || undefined} onChange={(e) => setDraft({ ...draft, to: e.target.value })} aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : undefined} data-testid="tracking-to" />
      <button type="submit" className="button button--primary" data-testid="tracking-apply">
        {t('tracking.range.apply')}
      </button>
      <div className="tracking-range__presets" role="group" aria-label={t('tracking.range.presets')}>
        {PRESETS.map(([key, days]) => (
          <button key={key} type="button" className="button button--secondary" onClick={() => preset(days)} data-testid={`tracking-preset-${days}`}>
            {t(`tracking.range.${key}`)}
          </button>
        ))}
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="tracking-range__error" role="alert" data-testid="tracking-range-error">
          {t('tracking.range.invalid')}
        </p>
      ) : null}
    </form>
  );
}
