import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemItem } from './clinical-lists';
import { SectionState } from './SectionState';

function Problem({ p }: { p: ProblemItem }) {
  const { t } = useTranslation();
  return (
    <li className="his-item">
      <p className="his-item__title">
        {p.icd10 ? (
          <code className="his-code" title={t('record.problems.icd10')}>
            {p.icd10}
          </code>
        ) : null}
        {p.display}
      </p>
      <p className="his-item__meta">
        {p.onset ? t('record.problems.onset', { date: p.onset }) : null}
        {p.abated ? ` · ${t('record.problems.abated', { date: p.abated })}` : null}
      </p>
    </li>
  );
}

/** Active diagnoses (ICD-10, Chinese name, onset); resolved ones folded below. */
export function ProblemList({ problems, past, unavailable }: { problems: readonly ProblemItem[]; past: readonly ProblemItem[]; unavailable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="his-section" aria-labelledby={titleId} data-testid="his-problems">
      <h3 id={titleId} className="his-section__title">
        {t('record.problems.title')}
      </h3>
      {problems.length === 0 ? (
        <SectionState unavailable={unavailable} empty={t('record.problems.none')} />
      ) : (
        <ul className="his-list">
          {problems.map((p) => (
            <Problem key={p.id} p={p} />
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <details className="his-details">
          <summary>{t('record.problems.past', { value: past.length })}</summary>
          <ul className="his-list his-list--muted">
            {past.map((p) => (
              <Problem key={p.id} p={p} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
