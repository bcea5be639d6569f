import { useTranslation } from 'react-i18next';

/**
 * What a section shows instead of its list: "not loaded" when its part failed (never "none",
 * which would read as a clinical negative), else the section's own empty message.
 */
export function SectionState({ unavailable, empty }: { unavailable: boolean; empty: string }) {
  const { t } = useTranslation();
  return unavailable ? (
    <p className="his-section-state his-section-state--unavailable" data-testid="his-section-unavailable">
      {t('record.sectionUnavailable')}
    </p>
  ) : (
    <p className="his-section-state">{empty}</p>
  );
}
