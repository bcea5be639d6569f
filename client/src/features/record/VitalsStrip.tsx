import { useTranslation } from 'react-i18next';
import type { VitalSign } from './lab-results';
import { LabFlag } from './LabFlag';
import { RecognitionBadge } from './RecognitionBadge';

/** The latest reading of each vital sign, one line. */
export function VitalsStrip({ vitals, unavailable }: { vitals: readonly VitalSign[]; unavailable: boolean }) {
  const { t } = useTranslation();
  if (unavailable || vitals.length === 0) return null;
  return (
    <section className="his-vitals" aria-label={t('record.vitals.title')} data-testid="his-vitals">
      <h3 className="sr-only">{t('record.vitals.title')}</h3>
      <dl className="his-vitals__list">
        {vitals.map((v) => (
          <div key={v.key} className="his-vitals__item">
            <dt>{v.name}</dt>
            <dd>
              <LabFlag display={v.display} flag={v.flag} />
              {v.unit ? <span className="his-unit"> {v.unit}</span> : null}
              <RecognitionBadge provenance={v} />
            </dd>
            <dd className="his-vitals__day">
              <time dateTime={v.day}>{v.day}</time>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
