import { useTranslation } from 'react-i18next';
import { REVIEW_FILTERS, type ReviewFilter } from './review-filter';

interface ReviewFiltersProps {
  filter: ReviewFilter;
  counts: Record<ReviewFilter, number>;
  query: string;
  onFilter(filter: ReviewFilter): void;
  onQuery(query: string): void;
}

/** Status filter (待审核 first, with counts) and search by patient, prescription number or drug. */
export function ReviewFilters({ filter, counts, query, onFilter, onQuery }: ReviewFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="rx-filters">
      <div className="rx-filters__status" role="group" aria-label={t('rx.review.filters.label')}>
        {REVIEW_FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`button clinic-button--small${f === filter ? ' rx-filters__on' : ''}`}
            aria-pressed={f === filter}
            onClick={() => onFilter(f)}
            data-testid="rx-filter"
            data-filter={f}
          >
            {t(`rx.review.filters.${f}`)} <span className="rx-filters__count">{counts[f]}</span>
          </button>
        ))}
      </div>
      <label className="rx-field rx-filters__search">
        <span className="rx-field__label">{t('rx.review.search')}</span>
        <input
          className="field__input"
          type="search"
          value={query}
          maxLength={60}
          placeholder={t('rx.review.searchHint')}
          onChange={(e) => onQuery(e.target.value)}
          data-testid="rx-search-queue"
        />
      </label>
    </div>
  );
}
