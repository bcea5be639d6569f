import { useTranslation } from 'react-i18next';
import type { AllergyItem } from './clinical-lists';

/**
 * Allergies at the top of the record, impossible to miss: red with every substance and reaction, and
 * announced (role="alert") when there is any. When the allergy part failed to load it says so —
 * never "no known allergies".
 */
export function AllergyBanner({ allergies, unavailable }: { allergies: readonly AllergyItem[]; unavailable: boolean }) {
  const { t } = useTranslation();
  if (unavailable) {
    return (
      <div className="his-allergies his-allergies--unknown" role="alert" data-testid="his-allergies" data-state="unknown">
        <span className="his-allergies__icon" aria-hidden="true">
          !
        </span>
        <p>{t('record.allergies.unknown')}</p>
      </div>
    );
  }
  if (allergies.length === 0) {
    return (
      <div className="his-allergies his-allergies--none" data-testid="his-allergies" data-state="none">
        <p>{t('record.allergies.none')}</p>
      </div>
    );
  }
  const items = allergies.map((a) => {
    const details = [
      ...a.reactions,
      a.criticality ? t(`record.allergies.criticality.${a.criticality}`) : null,
      a.unconfirmed ? t('record.allergies.unconfirmed') : null,
    ].filter((d): d is string => Boolean(d));
    return details.length > 0 ? t('record.allergies.item', { substance: a.substance, details: details.join(t('record.listSeparator')) }) : a.substance;
  });
  return (
    <div className="his-allergies his-allergies--present" role="alert" data-testid="his-allergies" data-state="present">
      <span className="his-allergies__icon" aria-hidden="true">
        !
      </span>
      <p>
        <strong>{t('record.allergies.list', { items: items.join(t('record.listSeparator')) })}</strong>
      </p>
    </div>
  );
}
