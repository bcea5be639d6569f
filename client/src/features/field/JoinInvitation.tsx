import { InvitationTokenSchema } from '@cloudclinic/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { LoadingState } from '../../components/LoadingState';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import { fieldApi } from './field-api';

/**
 * Opened from the invitation link or QR code (`/field/join?t=…`): accepts it as the logged-in field
 * doctor and goes straight into the consultation — the tap on the link is the only one needed.
 */
export function JoinInvitation({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<ErrorMessageKey | null>(null);
  const started = useRef(false);
  const valid = token !== null && InvitationTokenSchema.safeParse(token).success;

  useEffect(() => {
    if (!valid || !token || started.current) return;
    started.current = true; // StrictMode mounts twice: accept once
    fieldApi.acceptInvitation(token).then(
      ({ consultationId }) => void navigate(`/field/consultations/${encodeURIComponent(consultationId)}`, { replace: true }),
      (err: unknown) => setError(errorMessageKey(toApiError(err).code)),
    );
  }, [token, valid, navigate]);

  if (!valid || error) {
    return (
      <div className="field-join field-join--error" role="alert" data-testid="join-error" data-code={error ?? 'bad_request'}>
        <p>{error ? t(error) : t('fieldJoin.invalid')}</p>
        <Link to="/field" className="button">
          {t('fieldJoin.home')}
        </Link>
      </div>
    );
  }
  return (
    <div className="field-join">
      <LoadingState label={t('fieldJoin.joining')} size="block" testId="join-pending" />
    </div>
  );
}
