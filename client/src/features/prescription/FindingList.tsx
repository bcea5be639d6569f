import type { Finding } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { isEnglish } from './format';

interface FindingListProps {
  findings: Finding[];
  /** Override reasons being typed (pad); absent: show the recorded reasons (review, signed). */
  overrides?: Readonly<Record<string, string>>;
  onOverride?(findingId: string, reason: string): void;
}

/**
 * The server's safety findings by severity: refusals (cannot be signed), warnings (need a reason,
 * typed right here), notes. Test hook `rx-warning` on each finding, with `data-severity`.
 */
export function FindingList({ findings, overrides, onOverride }: FindingListProps) {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  return (
    <ul className="rx-findings">
      {findings.map((f) => {
        const reason = overrides ? (overrides[f.id] ?? '') : (f.override?.reason ?? '');
        return (
          <li key={f.id} className={`rx-finding rx-finding--${f.severity}`} data-testid="rx-warning" data-severity={f.severity} data-rule={f.rule} data-finding-id={f.id}>
            <span className="rx-finding__severity">{t(`rx.findings.${f.severity}`)}</span>
            <span className="rx-finding__message">{en ? f.messageEn : f.message}</span>
            {f.severity === 'warning' && onOverride ? (
              <label className="rx-finding__override">
                <span className="rx-field__label">{t('rx.findings.overrideLabel')}</span>
                <input
                  className="field__input"
                  value={reason}
                  maxLength={500}
                  placeholder={t('rx.findings.overridePlaceholder')}
                  onChange={(e) => onOverride(f.id, e.target.value)}
                  aria-invalid={reason.trim().length < 2}
                  data-testid="rx-override"
                />
              </label>
            ) : null}
            {f.severity === 'warning' && !onOverride && reason ? <span className="rx-finding__reason">{t('rx.review.overrideReason', { reason })}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
