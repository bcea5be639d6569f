import { useTranslation } from 'react-i18next';

/** Grey placeholders in the shape of the record while the county HIS answers. */
export function RecordSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="his-skeleton" role="status" data-testid="his-loading">
      <span className="sr-only">{t('record.loading')}</span>
      <div aria-hidden="true">
        <div className="his-skeleton__line his-skeleton__line--title" />
        <div className="his-skeleton__block his-skeleton__block--banner" />
        <div className="his-skeleton__line" />
        <div className="his-skeleton__line his-skeleton__line--short" />
        <div className="his-skeleton__block" />
      </div>
    </div>
  );
}
