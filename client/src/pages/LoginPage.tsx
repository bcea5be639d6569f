import type { MfaChallenge, UserProfile } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { LoginLocationState } from '../auth/RequireRole';
import { homePathFor, postLoginPath } from '../auth/role-home';
import { DemoAccountsHint } from '../components/DemoAccountsHint';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Spinner } from '../components/Spinner';
import { useLogin } from '../hooks/useLogin';
import { useSession } from '../hooks/useSession';
import { errorMessageKey } from '../i18n/error-messages';
import { MfaCodeStep } from '../features/account/MfaCodeStep';
import { MfaEnrolStep } from '../features/account/MfaEnrolStep';

const SHOW_DEMO_ACCOUNTS = import.meta.env.VITE_SHOW_DEMO_ACCOUNTS !== 'false';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = (useLocation().state as LoginLocationState | null)?.from;
  const snapshot = useSession();
  const { login, pending, errorCode } = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const ids = { username: useId(), password: useId(), error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const result = await login({ username, password });
    if (!result) return;
    if (result.kind === 'mfa') {
      setPassword('');
      setChallenge(result.challenge);
    } else signedIn(result.user);
  }

  function signedIn(user: UserProfile): void {
    void navigate(postLoginPath(user.role, from), { replace: true });
  }

  if (challenge) {
    return (
      <div className="login-page">
        <div className="login-page__language">
          <LanguageSwitch />
        </div>
        <main className={challenge.mfa === 'enrol' ? 'login-card login-card--wide' : 'login-card'}>
          <p className="login-card__product">{t('app.name')}</p>
          <h1 className="login-card__title">{challenge.mfa === 'enrol' ? t('mfa.requiredTitle') : t('login.title')}</h1>
          {challenge.mfa === 'code' ? (
            <MfaCodeStep challengeToken={challenge.challengeToken} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />
          ) : (
            <MfaEnrolStep challengeToken={challenge.challengeToken} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />
          )}
        </main>
      </div>
    );
  }

  const reason = snapshot.status === 'signed_out' ? snapshot.reason : null;
  const notice = reason === 'idle' ? t('login.signedOutIdle') : reason === 'expired' ? t('login.signedOutExpired') : null;

  return (
    <div className="login-page">
      <div className="login-page__language">
        <LanguageSwitch />
      </div>
      <main className="login-card">
        <p className="login-card__product">{t('app.name')}</p>
        <p className="login-card__tagline">{t('app.tagline')}</p>
        <h1 className="login-card__title">{t('login.title')}</h1>

        {notice ? (
          <p className="notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        ) : null}
        {snapshot.status === 'signed_in' ? (
          <p className="notice" data-testid="login-signed-in">
            {t('login.alreadySignedIn', { name: snapshot.session.user.displayName })}{' '}
            <Link to={homePathFor(snapshot.session.user.role)}>{t('login.continueAs')}</Link>
          </p>
        ) : null}

        <form className="login-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={pending}>
          {/* While signing in, the whole form is disabled: nothing to change, nothing to send twice. */}
          <fieldset className="login-form__fields" disabled={pending}>
            <div className="field">
              <label className="field__label" htmlFor={ids.username}>
                {t('login.username')}
              </label>
              <input
                id={ids.username}
                className="field__input"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                aria-invalid={errorCode ? true : undefined}
                aria-describedby={errorCode ? ids.error : undefined}
                data-testid="login-username"
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={ids.password}>
                {t('login.password')}
              </label>
              <input
                id={ids.password}
                className="field__input"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={errorCode ? true : undefined}
                aria-describedby={errorCode ? ids.error : undefined}
                data-testid="login-password"
              />
            </div>

            {errorCode ? (
              <p id={ids.error} className="login-form__error" role="alert" data-testid="login-error">
                {t(errorMessageKey(errorCode))}
              </p>
            ) : null}

            <button type="submit" className="button button--primary button--block" disabled={pending} aria-busy={pending} data-testid="login-submit">
              {pending ? (
                <span className="button__busy">
                  <Spinner />
                  {t('login.submitting')}
                </span>
              ) : (
                t('login.submit')
              )}
            </button>
          </fieldset>
        </form>

        {SHOW_DEMO_ACCOUNTS ? (
          <DemoAccountsHint
            onPick={(name, pass) => {
              setUsername(name);
              setPassword(pass);
            }}
          />
        ) : null}
      </main>
    </div>
  );
}
