import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentItem } from './clinical-lists';
import { SectionState } from './SectionState';

/** EMR notes (门诊病历, 出院小结 …), newest first; the newest is open, the others expand. */
export function DocumentList({ documents, unavailable }: { documents: readonly DocumentItem[]; unavailable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="his-section" aria-labelledby={titleId} data-testid="his-documents">
      <h3 id={titleId} className="his-section__title">
        {t('record.documents.title')}
      </h3>
      {documents.length === 0 ? (
        <SectionState unavailable={unavailable} empty={t('record.documents.none')} />
      ) : (
        <ul className="his-list">
          {documents.map((d, i) => (
            <li key={d.id} className="his-item">
              <details className="his-details his-document" open={i === 0}>
                <summary>
                  <span className="his-item__title">
                    <time dateTime={d.day}>{d.day}</time> {d.title}
                  </span>
                  <span className="his-item__meta">{[d.description, d.author, d.institution].filter(Boolean).join(' · ')}</span>
                </summary>
                {d.note.status === 'ok' ? (
                  <pre className="his-document__text" data-testid="his-document-text">
                    {d.note.text}
                  </pre>
                ) : (
                  <p className="his-section-state">{d.note.status === 'none' ? t('record.documents.noText') : t('record.documents.unreadable')}</p>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
