import { useTranslation } from 'react-i18next';

interface PlannedFeaturesProps {
  /** Already-translated feature descriptions. */
  items: readonly string[];
}

/** "Coming soon" list on placeholder pages; delete once the page is built. */
export function PlannedFeatures({ items }: PlannedFeaturesProps) {
  const { t } = useTranslation();
  return (
    <section className="planned" aria-label={t('pages.comingSoon')}>
      <h2 className="planned__title">{t('pages.comingSoon')}</h2>
      <ul className="planned__list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
