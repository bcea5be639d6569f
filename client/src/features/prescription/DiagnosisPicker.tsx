import { searchIcd10, type Diagnosis } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEnglish } from './format';

interface DiagnosisPickerProps {
  value: readonly Diagnosis[];
  onChange(next: Diagnosis[]): void;
  max?: number;
  readOnly?: boolean;
  /** Test id prefix: `<prefix>-search`, `<prefix>-option`, `<prefix>-chip`. */
  testId: string;
}

/** Coded diagnoses from the bundled ICD-10 list: search by code, Chinese or English, Enter picks the first match. */
export function DiagnosisPicker({ value, onChange, max = 5, readOnly = false, testId }: DiagnosisPickerProps) {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  const listId = useId();
  const [q, setQ] = useState('');
  const matches = q.trim() ? searchIcd10(q, 8).filter((e) => !value.some((d) => d.code === e.code)) : [];
  const add = (d: Diagnosis) => {
    if (value.length >= max) return;
    onChange([...value, { code: d.code, zh: d.zh, en: d.en }]);
    setQ('');
  };
  return (
    <div className="rx-diagnoses">
      <ul className="rx-diagnoses__chosen">
        {value.map((d) => (
          <li key={d.code} className="rx-diagnoses__chip" data-testid={`${testId}-chip`} data-code={d.code}>
            <span>
              {d.code} {en ? d.en : d.zh}
            </span>
            {readOnly ? null : (
              <button type="button" className="button clinic-button--small" aria-label={t('rx.diagnoses.remove', { code: d.code })} onClick={() => onChange(value.filter((x) => x.code !== d.code))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly || value.length >= max ? null : (
        <>
          <input
            className="field__input"
            value={q}
            maxLength={40}
            placeholder={t('rx.diagnoses.search')}
            aria-label={t('rx.diagnoses.search')}
            aria-controls={q.trim() ? listId : undefined}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches[0]) {
                e.preventDefault();
                add(matches[0]);
              }
            }}
            data-testid={`${testId}-search`}
          />
          {q.trim() ? (
            <ul id={listId} className="rx-diagnoses__options" role="listbox">
              {matches.length === 0 ? <li className="rx-pad__hint">{t('rx.diagnoses.none')}</li> : null}
              {matches.map((m) => (
                <li key={m.code} role="option" aria-selected={false}>
                  <button type="button" className="button clinic-button--small" onClick={() => add(m)} data-testid={`${testId}-option`} data-code={m.code}>
                    {m.code} {m.zh} · {m.en}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}
