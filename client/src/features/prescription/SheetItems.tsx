import type { PrescriptionSheet } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { directions, yuan } from './format';

/** Rp.: 通用名, 规格, 数量, 用法用量 and 金额 per line, then 合计 (or why there is none). */
export function SheetItems({ sheet }: { sheet: PrescriptionSheet }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="rx-sheet__rp" aria-label={t('rx.print.items')}>
      <p className="rx-sheet__rp-mark" aria-hidden="true">
        Rp.
      </p>
      <ol>
        {sheet.items.map((i) => (
          <li key={i.position} data-testid="rx-print-item">
            <span className="rx-sheet__drug">
              <span data-testid="rx-print-item-name">{i.name}</span> <span data-testid="rx-print-item-strength">{i.strength}</span>{' '}
              <span data-testid="rx-print-item-quantity">
                × {i.quantity.value}
                {i.quantity.unit}
              </span>
              <span className="rx-sheet__amount" data-testid="rx-print-item-amount">
                {i.amount === null ? t('rx.print.noPrice') : yuan(i.amount)}
              </span>
            </span>
            <span className="rx-sheet__sig" data-testid="rx-print-item-directions">
              {t('rx.print.sig')}
              {directions(i, i18n.language)}
              {i.instructions ? `；${i.instructions}` : ''} {t('rx.print.days', { count: i.days })}
            </span>
          </li>
        ))}
      </ol>
      <p className="rx-sheet__total">
        <span>{t('rx.print.total')}：</span>
        <strong data-testid="rx-print-total">{sheet.total === null ? t('rx.print.noPrice') : yuan(sheet.total)}</strong>
      </p>
      {sheet.priceSource ? (
        <p className="rx-sheet__note" data-testid="rx-print-price-source">
          {t('rx.print.priceSource', { source: sheet.priceSource })}
        </p>
      ) : null}
    </section>
  );
}
