import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mfaAccountApi } from '../../api/mfa-api';
import { MfaCodeField } from './MfaCodeField';
import { mfaErrorKey } from './mfa-error';
import { useAction } from './use-action';

/** Turning the second factor off needs the password and a current (or recovery) code. */
export function MfaDisableForm({ onDisabled }: { onDisabled(): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { run, pending, errorCode, setErrorCode } = useAction();
  const ids = { password: useId(), error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!password || code.trim().length < 6) return setErrorCode('bad_request');
    const ok = await run(async () => {
      await mfaAccountApi.disable(password, code.trim());
      return true;
    });
    if (ok) onDisabled();
  }

  return (
    <form className="mfa-disable" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={pending} aria-labelledby={`${ids.password}-title`}>
      <h2 id={`${ids.password}-title`}>{t('mfa.disableTitle')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={ids.password}>
          {t('login.password')}
        </label>
        <input
          id={ids.password}
          className="field__input"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="mfa-disable-password"
        />
      </div>
      <MfaCodeField value={code} onChange={setCode} allowRecovery errorId={errorCode ? ids.error : undefined} testId="mfa-disable-code" />
      {errorCode ? (
        <p id={ids.error} className="login-form__error" role="alert" data-testid="mfa-disable-error">
          {errorCode === 'invalid_credentials' ? t('mfa.wrongPasswordOrCode') : t(mfaErrorKey(errorCode))}
        </p>
      ) : null}
      <button type="submit" className="button button--secondary" disabled={pending} data-testid="mfa-disable-submit">
        {t('mfa.disable')}
      </button>
    </form>
  );
}
