import { OVERRIDE_REASONS, OverrideReasonCodeSchema, reasonHasSubstance, type Finding } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { isEnglish } from './format';
import type { OverrideDraft } from './pad-model';

interface FindingListProps {
  findings: Finding[];
  /** Override reasons being typed (pad); absent: show the recorded reasons (review, signed). */
  overrides?: Readonly<Record<string, OverrideDraft>>;
  onOverride?(findingId: string, override: OverrideDraft): void;
}

const CODES = OverrideReasonCodeSchema.options;

/**
 * The server's safety findings by severity: refusals (cannot be signed, no override), warnings (need
 * a coded reason and free text of substance, typed right here), notes. Test hook `rx-warning` on
 * each finding, with `data-severity`.
 */
export function FindingList({ findings, overrides, onOverride }: FindingListProps) {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  return (
    <ul className="rx-findings">
      {findings.map((f) => {
        const given: OverrideDraft = overrides ? (overrides[f.id] ?? { code: '', reason: '' }) : { code: f.override?.code ?? '', reason: f.override?.reason ?? '' };
        const thin = given.reason.trim().length > 0 && !reasonHasSubstance(given.reason);
        return (
          <li key={f.id} className={`rx-finding rx-finding--${f.severity}`} data-testid="rx-warning" data-severity={f.severity} data-rule={f.rule} data-finding-id={f.id}>
            <span className="rx-finding__severity">{t(`rx.findings.${f.severity}`)}</span>
            <span className="rx-finding__message">{en ? f.messageEn : f.message}</span>
            {f.severity === 'warning' && onOverride ? (
              <div className="rx-finding__override">
                <label className="rx-field">
                  <span className="rx-field__label">{t('rx.findings.overrideCode')}</span>
                  <select
                    className="field__input"
                    value={given.code}
                    onChange={(e) => onOverride(f.id, { ...given, code: CODES.find((c) => c === e.target.value) ?? '' })}
                    aria-invalid={!given.code}
                    data-testid="rx-override-code"
                  >
                    <option value="">{t('rx.findings.overrideChoose')}</option>
                    {CODES.map((c) => (
                      <option key={c} value={c}>
                        {en ? OVERRIDE_REASONS[c].en : OVERRIDE_REASONS[c].zh}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="rx-field rx-field--wide">
                  <span className="rx-field__label">{t('rx.findings.overrideLabel')}</span>
                  <input
                    className="field__input"
                    value={given.reason}
                    maxLength={500}
                    placeholder={t('rx.findings.overridePlaceholder')}
                    onChange={(e) => onOverride(f.id, { ...given, reason: e.target.value })}
                    aria-invalid={!reasonHasSubstance(given.reason)}
                    data-testid="rx-override"
                  />
                </label>
                {thin ? <span className="rx-finding__hint">{t('rx.findings.overrideTooThin')}</span> : null}
              </div>
            ) : null}
            {f.severity === 'warning' && !onOverride && given.reason ? (
              <span className="rx-finding__reason">
                {t('rx.review.overrideReason', { reason: `${given.code ? `${en ? OVERRIDE_REASONS[given.code].en : OVERRIDE_REASONS[given.code].zh}：` : ''}${given.reason}` })}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
