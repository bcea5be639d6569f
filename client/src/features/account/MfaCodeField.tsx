import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/account-security.css';

interface Props {
  value: string;
  onChange(value: string): void;
  /** Accept a recovery code too (sign-in, disabling); else 6 digits only. */
  allowRecovery?: boolean;
  errorId?: string | undefined;
  testId: string;
}

/** The labelled one-time-code input: phones offer the code from an SMS/authenticator (autocomplete one-time-code). */
export function MfaCodeField({ value, onChange, allowRecovery = false, errorId, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {allowRecovery ? t('mfa.codeOrRecoveryLabel') : t('mfa.codeLabel')}
      </label>
      <input
        id={id}
        className="field__input mfa-code-input"
        name="one-time-code"
        autoComplete="one-time-code"
        inputMode={allowRecovery ? 'text' : 'numeric'}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={allowRecovery ? 16 : 6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        data-testid={testId}
      />
      <p id={hintId} className="field__hint">
        {allowRecovery ? t('mfa.codeOrRecoveryHint') : t('mfa.codeHint')}
      </p>
    </div>
  );
}
