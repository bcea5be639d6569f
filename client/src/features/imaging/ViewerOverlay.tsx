import { TAG, type DicomJsonDataset } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatDicomTime, formatPersonName, parseAge, personName, text } from './dicom-json';
import type { Voi } from './cornerstone/stack-controller';

interface ViewerOverlayProps {
  /** Metadata of the shown series' first instance (DICOM JSON: text already decoded to Unicode). */
  dataset: DicomJsonDataset | undefined;
  sliceIndex: number;
  sliceCount: number;
  voi: Voi | null;
  zoom: number | null;
}

/** Patient and study facts in the viewport corners, as reading stations show them. */
export function ViewerOverlay({ dataset, sliceIndex, sliceCount, voi, zoom }: ViewerOverlayProps) {
  const { t } = useTranslation();
  const name = formatPersonName(personName(dataset, TAG.PatientName));
  const sex = text(dataset, TAG.PatientSex);
  const age = parseAge(text(dataset, TAG.PatientAge));
  const sexLabel = sex === 'M' || sex === 'F' || sex === 'O' ? t(`imaging.overlay.sex.${sex}`) : null;
  return (
    <div className="imaging-overlay" aria-hidden={false}>
      <div className="imaging-overlay__corner imaging-overlay__corner--tl" data-testid="imaging-overlay-patient">
        <strong className="imaging-overlay__name" data-testid="imaging-patient-name">
          {name.primary}
        </strong>
        {name.secondary ? <span>{name.secondary}</span> : null}
        <span>
          {[sexLabel, age ? t(`imaging.overlay.age.${age.unit}`, { value: age.value }) : null].filter(Boolean).join(' · ')}
        </span>
        <span>ID {text(dataset, TAG.PatientID)}</span>
      </div>
      <div className="imaging-overlay__corner imaging-overlay__corner--tr">
        <span>{text(dataset, TAG.InstitutionName)}</span>
        <span>{text(dataset, TAG.StudyDescription)}</span>
        <span>
          {formatDicomDate(text(dataset, TAG.StudyDate))} {formatDicomTime(text(dataset, TAG.StudyTime))}
        </span>
        <span>{text(dataset, TAG.AccessionNumber)}</span>
      </div>
      <div className="imaging-overlay__corner imaging-overlay__corner--bl">
        <span>
          {text(dataset, TAG.Modality)} · {text(dataset, TAG.SeriesDescription)}
        </span>
        <span>
          {t('imaging.slice')} <span data-testid="imaging-slice-index">{sliceCount ? sliceIndex + 1 : 0}</span> / <span data-testid="imaging-slice-count">{sliceCount}</span>
        </span>
      </div>
      <div className="imaging-overlay__corner imaging-overlay__corner--br">
        {zoom ? <span data-testid="imaging-zoom">{t('imaging.overlay.zoom', { zoom: zoom.toFixed(2) })}</span> : null}
        {voi ? <span data-testid="imaging-voi">{t('imaging.overlay.window', { width: Math.round(voi.width), center: Math.round(voi.center) })}</span> : null}
      </div>
    </div>
  );
}
