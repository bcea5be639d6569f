import { useTranslation } from 'react-i18next';
import type { Provenance } from './provenance';

/** `互认`: a result from another accredited institution, accepted instead of repeating it. */
export function RecognitionBadge({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  if (!provenance.recognised) return null;
  const label = provenance.institution ? t('record.recognised.from', { institution: provenance.institution }) : t('record.recognised.fromElsewhere');
  return (
    <span className="his-badge his-badge--recognised" title={label} data-testid="his-recognised">
      {t('record.recognised.badge')}
      <span className="sr-only">{label}</span>
    </span>
  );
}
