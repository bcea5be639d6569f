import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface AuditFilterValues {
  hisPatientId: string;
  actor: string;
  action: string;
  outcome: string;
  /** `YYYY-MM-DD`, China time; empty: open. */
  fromDay: string;
  toDay: string;
}

export const NO_FILTERS: AuditFilterValues = { hisPatientId: '', actor: '', action: '', outcome: '', fromDay: '', toDay: '' };
const OUTCOMES = ['ok', 'forbidden', 'not_found', 'unauthorized', 'bad_request', 'conflict', 'error'];
const FIELDS = ['hisPatientId', 'actor', 'action'] as const;

/** The audit screen's filters: applied together when the form is submitted. */
export function AuditFilters({ onApply }: { onApply: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState<AuditFilterValues>(NO_FILTERS);
  const set = (key: keyof AuditFilterValues, value: string) => setV((old) => ({ ...old, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(v);
  };
  const reset = () => {
    setV(NO_FILTERS);
    onApply(NO_FILTERS);
  };
  return (
    <form className="audit-filters" onSubmit={submit} aria-label={t('admin.audit.filters')} data-testid="audit-filters">
      {FIELDS.map((key) => (
        <div className="field" key={key}>
          <label className="field__label" htmlFor={`${id}-${key}`}>
            {t(`admin.audit.filter.${key}`)}
          </label>
          <input id={`${id}-${key}`} className="field__input" value={v[key]} maxLength={64} onChange={(e) => set(key, e.target.value)} data-testid={`audit-filter-${key}`} />
        </div>
      ))}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-outcome`}>
          {t('admin.audit.filter.outcome')}
        </label>
        <select id={`${id}-outcome`} className="field__input" value={v.outcome} onChange={(e) => set('outcome', e.target.value)} data-testid="audit-filter-outcome">
          <option value="">{t('admin.audit.filter.anyOutcome')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      {(['fromDay', 'toDay'] as const).map((key) => (
        <div className="field" key={key}>
          <label className="field__label" htmlFor={`${id}-${key}`}>
            {t(`admin.audit.filter.${key}`)}
          </label>
          <input id={`${id}-${key}`} type="date" className="field__input" value={v[key]} onChange={(e) => set(key, e.target.value)} data-testid={`audit-filter-${key}`} />
        </div>
      ))}
      <div className="audit-filters__actions">
        <button type="submit" className="button" data-testid="audit-apply">
          {t('admin.audit.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={reset}>
          {t('admin.audit.reset')}
        </button>
      </div>
    </form>
  );
}
