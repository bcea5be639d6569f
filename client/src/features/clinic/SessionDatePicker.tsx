import { addClinicDays, clinicDate } from '@cloudclinic/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from './clinic-time';

interface SessionDatePickerProps {
  date: string;
  onChange(date: string): void;
}

/** Which clinic day the session list shows: the day before / after, a date field, back to today. */
export function SessionDatePicker({ date, onChange }: SessionDatePickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const today = clinicDate(new Date());
  return (
    <div className="session-date" role="group" aria-label={t('admin.sessions.dayPicker')} data-testid="session-date">
      <button type="button" className="button button--secondary" onClick={() => onChange(addClinicDays(date, -1))} data-testid="session-date-prev">
        ‹ {t('admin.sessions.prevDay')}
      </button>
      <label className="field__label" htmlFor={id}>
        {t('admin.sessions.date')}
      </label>
      <input id={id} type="date" className="field__input" value={date} onChange={(e) => onChange(e.target.value)} required data-testid="session-date-input" />
      <button type="button" className="button button--secondary" onClick={() => onChange(addClinicDays(date, 1))} data-testid="session-date-next">
        {t('admin.sessions.nextDay')} ›
      </button>
      <button type="button" className="button button--secondary" onClick={() => onChange(today)} disabled={date === today} data-testid="session-date-today">
        {t('admin.sessions.today')}
      </button>
      <span className="session-date__day" aria-live="polite" data-testid="session-date-label">
        {formatDay(`${date}T12:00:00+08:00`, i18n.language)}
      </span>
    </div>
  );
}
