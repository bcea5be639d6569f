import type { LoginResponse, UserProfile } from '@cloudclinic/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mfaSignInApi } from '../../api/mfa-api';
import { session } from '../../state/session';
import { MfaEnrolmentPanel } from './MfaEnrolmentPanel';
import { RecoveryCodes } from './RecoveryCodes';

/** Sign-in for a role that must use two factors but has none yet: enrol first, then the home page. */
export function MfaEnrolStep({ challengeToken, onSignedIn, onRestart }: { challengeToken: string; onSignedIn(user: UserProfile): void; onRestart(): void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<{ session: LoginResponse; codes: string[] } | null>(null);
  const start = useCallback(() => mfaSignInApi.startEnrolment(challengeToken), [challengeToken]);
  const confirm = useCallback(
    async (code: string) => {
      const { recoveryCodes, ...response } = await mfaSignInApi.confirmEnrolment(challengeToken, code);
      setDone({ session: response, codes: recoveryCodes });
    },
    [challengeToken],
  );
  return (
    <div data-testid="mfa-forced-enrolment">
      <p className="notice" role="status">
        {t('mfa.requiredNotice')}
      </p>
      {done ? (
        <RecoveryCodes codes={done.codes} onDone={() => onSignedIn(session.completeSignIn(done.session))} />
      ) : (
        <>
          <MfaEnrolmentPanel start={start} confirm={confirm} />
          <button type="button" className="button button--secondary" onClick={onRestart} data-testid="mfa-restart">
            {t('mfa.restart')}
          </button>
        </>
      )}
    </div>
  );
}
