import { DRUG_ROUTES, FrequencySchema, RouteCodeSchema, type Finding, type RouteCode } from '@cloudclinic/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { frequencyLabel, routeLabel } from './format';
import { FREQUENCY_CODES, itemProblem, quantityPreview, unitOptions, type ItemDraft } from './pad-model';
import { localName, localUnit } from '../../i18n/local-name';

const ROUTE_CODES = Object.keys(DRUG_ROUTES) as RouteCode[];

interface PadItemRowProps {
  item: ItemDraft;
  /** The server's quantity for this line, when the product's catalogue entry is not known here. */
  serverQuantity: string | null;
  findings: Finding[];
  readOnly: boolean;
  onChange(patch: Partial<ItemDraft>): void;
  onRemove(): void;
}

/** One line of the pad: dose, unit, frequency, route, days, directions; the quantity follows. Test hook `rx-item`. */
export function PadItemRow({ item, serverQuantity, findings, readOnly, onChange, onRemove }: PadItemRowProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const problem = itemProblem(item);
  const preview = quantityPreview(item);
  const worst = findings.some((f) => f.severity === 'refused') ? 'refused' : findings.some((f) => f.severity === 'warning') ? 'warning' : null;
  return (
    <li className={`rx-item${worst ? ` rx-item--${worst}` : ''}`} data-testid="rx-item" data-medication-id={item.medicationId}>
      <div className="rx-item__head">
        <strong className="rx-item__name" data-testid="rx-item-name">{localName(item, i18n.language)}</strong> <span className="rx-item__strength">{item.strength}</span>
        {!readOnly ? (
          <button type="button" className="button clinic-button--small rx-item__remove" onClick={onRemove} aria-label={t('rx.item.remove', { name: localName(item, i18n.language) })} data-testid="rx-remove">
            ×
          </button>
        ) : null}
      </div>
      <div className="rx-item__fields">
        <label className="rx-field">
          <span className="rx-field__label">{t('rx.item.dose')}</span>
          <input
            id={`${id}-dose`}
            className="field__input rx-field__input--short"
            inputMode="decimal"
            value={item.doseValue}
            readOnly={readOnly}
            onChange={(e) => onChange({ doseValue: e.target.value })}
            aria-invalid={problem === 'dose'}
            data-testid="rx-dose"
          />
        </label>
        <label className="rx-field">
          <span className="rx-field__label">{t('rx.item.unit')}</span>
          <select className="field__input" value={item.doseUnit} disabled={readOnly} onChange={(e) => onChange({ doseUnit: e.target.value })} data-testid="rx-unit">
            {unitOptions(item).map((u) => (
              <option key={u} value={u}>
                {localUnit(u, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="rx-field">
          <span className="rx-field__label">{t('rx.item.frequency')}</span>
          <select className="field__input" value={item.frequency} disabled={readOnly} onChange={(e) => {
              const f = FrequencySchema.safeParse(e.target.value);
              if (f.success) onChange({ frequency: f.data });
            }} data-testid="rx-frequency">
            {FREQUENCY_CODES.map((f) => (
              <option key={f} value={f}>
                {frequencyLabel(f, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="rx-field">
          <span className="rx-field__label">{t('rx.item.route')}</span>
          <select className="field__input" value={item.route} disabled={readOnly} onChange={(e) => {
              const r = RouteCodeSchema.safeParse(e.target.value);
              if (r.success) onChange({ route: r.data });
            }} data-testid="rx-route">
            {ROUTE_CODES.map((r) => (
              <option key={r} value={r}>
                {routeLabel(r, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="rx-field">
          <span className="rx-field__label">{t('rx.item.days')}</span>
          <input
            className="field__input rx-field__input--short"
            inputMode="numeric"
            value={item.days}
            readOnly={readOnly}
            onChange={(e) => onChange({ days: e.target.value })}
            aria-invalid={problem === 'days'}
            data-testid="rx-days"
          />
        </label>
        <div className="rx-field rx-field--quantity">
          <span className="rx-field__label">{t('rx.item.quantity')}</span>
          <output className="rx-quantity" data-testid="rx-quantity">
            {preview ? t('rx.item.quantityValue', { count: preview.packages, unit: localUnit(preview.unit, i18n.language) }) : (serverQuantity ?? '—')}
          </output>
          {preview ? <span className="rx-field__hint">{t('rx.item.perDose', { count: Number(preview.unitsPerDose.toFixed(3)), unit: localUnit(preview.doseUnit, i18n.language) })}</span> : null}
        </div>
      </div>
      <label className="rx-field rx-field--wide">
        <span className="rx-field__label">{t('rx.item.instructions')}</span>
        <input
          className="field__input"
          value={item.instructions}
          readOnly={readOnly}
          maxLength={200}
          placeholder={t('rx.item.instructionsPlaceholder')}
          onChange={(e) => onChange({ instructions: e.target.value })}
          data-testid="rx-instructions"
        />
      </label>
      {problem && !readOnly ? (
        <p className="field__hint field__hint--bad" role="alert">
          {t(`rx.item.problems.${problem}`)}
        </p>
      ) : null}
    </li>
  );
}
