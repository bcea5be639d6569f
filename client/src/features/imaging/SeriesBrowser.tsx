import { useTranslation } from 'react-i18next';
import type { StudyWithSeries } from '../../hooks/imaging/useImagingStudies';
import { formatDicomDate } from './dicom-json';
import { SeriesThumbnail } from './SeriesThumbnail';

interface SeriesBrowserProps {
  consultationId: string;
  studies: StudyWithSeries[];
  /** Studies the county attached to the consultation request: marked. */
  attached: readonly string[];
  selected: { studyUid: string; seriesUid: string } | null;
  /** Followers cannot change the series: it follows the presenter's. */
  disabled: boolean;
  onSelect(studyUid: string, seriesUid: string): void;
}

/** The patient's studies (those attached to the request first, marked), each with its series as thumbnails. */
export function SeriesBrowser({ consultationId, studies, attached, selected, disabled, onSelect }: SeriesBrowserProps) {
  const { t } = useTranslation();
  return (
    <nav className="imaging-series" aria-label={t('imaging.series')}>
      {studies.map((study) => (
        <section key={study.uid} className="imaging-series__study" data-testid="imaging-study" data-study-uid={study.uid} data-attached={String(attached.includes(study.uid))}>
          <h3 className="imaging-series__study-title">
            <span>{study.description ?? study.modalities.join('/')}</span>
            {attached.includes(study.uid) ? (
              <span className="imaging-series__attached" title={t('imaging.attachedLabel')}>
                {t('imaging.attached')}
              </span>
            ) : null}
            <span className="imaging-series__date">{formatDicomDate(study.date)}</span>
          </h3>
          <ul className="imaging-series__list">
            {study.series.map((s) => {
              const active = selected?.studyUid === study.uid && selected.seriesUid === s.uid;
              return (
                <li key={s.uid}>
                  <button
                    type="button"
                    className={`imaging-series__item${active ? ' imaging-series__item--active' : ''}`}
                    aria-pressed={active}
                    disabled={disabled && !active}
                    onClick={() => onSelect(study.uid, s.uid)}
                    data-testid="imaging-series"
                    data-series-uid={s.uid}
                  >
                    <SeriesThumbnail consultationId={consultationId} studyUid={study.uid} seriesUid={s.uid} modality={s.modality} />
                    <span className="imaging-series__text">
                      <span className="imaging-series__name">{s.description ?? s.modality}</span>
                      <span className="imaging-series__count">
                        {s.modality} · {t('imaging.images', { count: s.instanceCount ?? 0 })}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
