import { OVERRIDE_REASONS, type Finding } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { isEnglish } from './format';

interface AcknowledgeWarningsProps {
  /** The warnings the prescriber signed over. */
  overridden: readonly Finding[];
  acknowledged: ReadonlySet<string>;
  /** Id of the line saying how many are left (the approve button is described by it). */
  hintId: string;
  onChange(findingId: string, checked: boolean): void;
}

/**
 * One tick per warning the prescriber overrode, each with its rule, its text and the prescriber's
 * reason; 审核通过 stays disabled (and the server refuses) until every one is ticked.
 */
export function AcknowledgeWarnings({ overridden, acknowledged, hintId, onChange }: AcknowledgeWarningsProps) {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  const remaining = overridden.filter((f) => !acknowledged.has(f.id)).length;
  return (
    <fieldset className="rx-review__acks" data-testid="rx-acks" data-remaining={remaining}>
      <legend>{t('rx.review.acknowledge')}</legend>
      {overridden.map((f) => (
        <label key={f.id} className="rx-field rx-field--check rx-ack" data-rule={f.rule}>
          <input type="checkbox" checked={acknowledged.has(f.id)} onChange={(e) => onChange(f.id, e.target.checked)} data-testid="rx-ack" data-finding-id={f.id} data-rule={f.rule} />
          <span>
            <strong className="rx-ack__rule">{t(`rx.findings.rules.${f.rule}`)}</strong> {en ? f.messageEn : f.message}
            {f.override ? (
              <span className="rx-ack__reason">
                {t('rx.review.overrideReason', { reason: `${en ? OVERRIDE_REASONS[f.override.code].en : OVERRIDE_REASONS[f.override.code].zh}：${f.override.reason}` })}
              </span>
            ) : null}
          </span>
        </label>
      ))}
      <p className="rx-pad__hint" id={hintId} data-testid="rx-acks-remaining">
        {remaining > 0 ? t('rx.review.ackRemaining', { count: remaining }) : t('rx.review.ackDone')}
      </p>
    </fieldset>
  );
}
