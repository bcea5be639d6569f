import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImagingItem, ReportItem } from './clinical-lists';
import { RecognitionBadge } from './RecognitionBadge';
import { SectionState } from './SectionState';

interface ReportListProps {
  reports: readonly ReportItem[];
  imaging: readonly ImagingItem[];
  reportsUnavailable: boolean;
  imagingUnavailable: boolean;
}

/** Exam reports (ECG, ultrasound, CT …) with their conclusions, then the imaging studies on file. */
export function ReportList({ reports, imaging, reportsUnavailable, imagingUnavailable }: ReportListProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const imagingId = useId();
  const exams = reports.filter((r) => r.section === 'exam');
  return (
    <div className="his-section-group">
      <section className="his-section" aria-labelledby={titleId} data-testid="his-reports">
        <h3 id={titleId} className="his-section__title">
          {t('record.reports.title')}
        </h3>
        {exams.length === 0 ? (
          <SectionState unavailable={reportsUnavailable} empty={t('record.reports.none')} />
        ) : (
          <ul className="his-list">
            {exams.map((r) => (
              <li key={r.id} className="his-item">
                <p className="his-item__title">
                  {r.title}
                  <RecognitionBadge provenance={r} />
                </p>
                <p className="his-item__meta">
                  <time dateTime={r.day}>{r.day}</time>
                  {r.institution ? ` · ${r.institution}` : null}
                </p>
                <p className="his-item__body">
                  <span className="his-item__label">{t('record.reports.conclusion')}</span>
                  {r.conclusion ?? t('record.reports.noConclusion')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="his-section" aria-labelledby={imagingId} data-testid="his-imaging">
        <h3 id={imagingId} className="his-section__title">
          {t('record.reports.imaging')}
        </h3>
        {imaging.length === 0 ? (
          <SectionState unavailable={imagingUnavailable} empty={t('record.reports.imagingNone')} />
        ) : (
          <ul className="his-list">
            {imaging.map((s) => (
              <li key={s.id} className="his-item">
                <p className="his-item__title">
                  {s.modalities.length > 0 ? <span className="his-tag his-tag--muted">{s.modalities.join('/')}</span> : null}
                  {s.description}
                  <RecognitionBadge provenance={s} />
                </p>
                <p className="his-item__meta">
                  {[s.day, s.institution, s.series !== null && s.instances !== null ? t('record.reports.images', { series: s.series, instances: s.instances }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
