import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicationItem } from './clinical-lists';
import { SectionState } from './SectionState';

/** What the patient takes now according to the county HIS (MedicationStatement, active). */
export function MedicationList({ medications, unavailable }: { medications: readonly MedicationItem[]; unavailable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="his-section" aria-labelledby={titleId} data-testid="his-medications">
      <h3 id={titleId} className="his-section__title">
        {t('record.medications.title')}
      </h3>
      {medications.length === 0 ? (
        <SectionState unavailable={unavailable} empty={t('record.medications.none')} />
      ) : (
        <ul className="his-list">
          {medications.map((m) => (
            <li key={m.id} className="his-item">
              <p className="his-item__title">{m.name}</p>
              {m.dosage ? <p className="his-item__body">{m.dosage}</p> : null}
              <p className="his-item__meta">
                {[m.since ? t('record.medications.since', { date: m.since }) : null, m.source].filter(Boolean).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
