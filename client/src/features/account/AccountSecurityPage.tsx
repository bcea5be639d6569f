import type { MfaStatus } from '@cloudclinic/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mfaAccountApi } from '../../api/mfa-api';
import { homePathFor } from '../../auth/role-home';
import { StandaloneLayout } from '../../components/StandaloneLayout';
import { useCurrentUser } from '../../hooks/useSession';
import { MfaDisableForm } from './MfaDisableForm';
import { MfaEnrolmentPanel } from './MfaEnrolmentPanel';
import { mfaErrorKey } from './mfa-error';
import { RecoveryCodes } from './RecoveryCodes';
import { useAction } from './use-action';

type View = 'status' | 'enrol' | { codes: string[] };

/** 账户安全: the signed-in user's two-factor sign-in (set up with a QR code, recovery codes, turning it off). */
export default function AccountSecurityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [view, setView] = useState<View>('status');
  const { run, errorCode } = useAction();
  const reload = useCallback(() => void run(mfaAccountApi.status).then((s) => s && setStatus(s)), [run]);
  const confirm = useCallback(async (code: string) => setView({ codes: await mfaAccountApi.confirmEnrolment(code) }), []);

  useEffect(reload, [reload]);

  return (
    <StandaloneLayout>
      <div className="account-security" data-testid="account-security">
        <h1>{t('mfa.pageTitle')}</h1>
        {user ? (
          <p>
            <Link to={homePathFor(user.role)}>{t('pages.goHome')}</Link>
          </p>
        ) : null}
        {errorCode ? (
          <p className="login-form__error" role="alert">
            {t(mfaErrorKey(errorCode))}
          </p>
        ) : null}
        {!status ? null : typeof view === 'object' ? (
          <RecoveryCodes
            codes={view.codes}
            onDone={() => {
              setView('status');
              reload();
            }}
          />
        ) : view === 'enrol' ? (
          <MfaEnrolmentPanel start={mfaAccountApi.startEnrolment} confirm={confirm} />
        ) : (
          <section aria-labelledby="mfa-status-title">
            <h2 id="mfa-status-title">{t('mfa.statusTitle')}</h2>
            <p role="status" data-testid="mfa-status">
              {!status.available ? t('mfa.statusUnavailable') : status.enrolled ? t('mfa.statusOn', { count: status.recoveryCodesLeft }) : t('mfa.statusOff')}
            </p>
            {status.required ? <p className="notice">{t('mfa.statusRequired')}</p> : null}
            {status.available && !status.enrolled ? (
              <button type="button" className="button button--primary" onClick={() => setView('enrol')} data-testid="mfa-start-enrol">
                {t('mfa.startEnrol')}
              </button>
            ) : null}
            {status.enrolled && !status.required ? <MfaDisableForm onDisabled={reload} /> : null}
          </section>
        )}
      </div>
    </StandaloneLayout>
  );
}
