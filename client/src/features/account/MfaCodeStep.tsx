import type { UserProfile } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mfaSignInApi } from '../../api/mfa-api';
import { session } from '../../state/session';
import { MfaCodeField } from './MfaCodeField';
import { mfaErrorKey } from './mfa-error';
import { useAction } from './use-action';

/** Sign-in, second step: the authenticator's 6-digit code, or a recovery code. */
export function MfaCodeStep({ challengeToken, onSignedIn, onRestart }: { challengeToken: string; onSignedIn(user: UserProfile): void; onRestart(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { run, pending, errorCode, setErrorCode } = useAction();
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (code.trim().length < 6) return setErrorCode('bad_request');
    const response = await run(() => mfaSignInApi.verify(challengeToken, code.trim()));
    if (response) onSignedIn(session.completeSignIn(response));
  }

  return (
    <form className="login-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={pending} data-testid="mfa-code-step">
      <h2 className="login-card__step">{t('mfa.codeStepTitle')}</h2>
      <p>{t('mfa.codeStepIntro')}</p>
      <MfaCodeField value={code} onChange={setCode} allowRecovery errorId={errorCode ? errorId : undefined} testId="mfa-code" />
      {errorCode ? (
        <p id={errorId} className="login-form__error" role="alert" data-testid="mfa-code-error">
          {t(mfaErrorKey(errorCode))}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--block" disabled={pending} data-testid="mfa-code-submit">
        {pending ? t('mfa.verifying') : t('mfa.verify')}
      </button>
      <button type="button" className="button button--secondary button--block" onClick={onRestart} data-testid="mfa-restart">
        {t('mfa.restart')}
      </button>
    </form>
  );
}
