import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import { formatClock } from '../clinic/clinic-time';
import { LoadError } from '../clinic/LoadError';
import { fieldApi } from './field-api';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

interface ActiveInvitationsProps {
  /** One consultation's links (the expert's header); all the user may see when absent (the admin page). */
  consultationId?: string;
  /** Changes when a new link was made, so the list reloads. */
  refreshKey?: string;
  onRevoked?(invitationId: string): void;
}

/** Field invitation links still open, each with 撤销 (revoke): a revoked link no longer lets anyone join. */
export function ActiveInvitations({ consultationId, refreshKey = '', onRevoked }: ActiveInvitationsProps) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ErrorMessageKey | null>(null);
  const list = useResource(`${consultationId ?? '*'}#${refreshKey}#${version}`, (signal) => fieldApi.activeInvitations(consultationId, signal));

  async function revoke(invitationId: string): Promise<void> {
    setPending(invitationId);
    setError(null);
    try {
      await fieldApi.revokeInvitation(invitationId);
      onRevoked?.(invitationId);
    } catch (err) {
      setError(errorMessageKey(toApiError(err).code));
    } finally {
      setPending(null);
      setVersion((v) => v + 1);
    }
  }

  return (
    <section className="active-invitations" aria-label={t('fieldInvite.active')} data-testid="active-invitations">
      <h3 className="active-invitations__title">{t('fieldInvite.active')}</h3>
      {error ? <p role="alert">{t(error)}</p> : null}
      {list.errorCode ? <LoadError code={list.errorCode} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <p role="status">{t('clinic.loading')}</p> : null}
      {list.data?.length === 0 ? <p className="active-invitations__none">{t('fieldInvite.noneActive')}</p> : null}
      <ul className="active-invitations__list">
        {list.data?.map((inv) => (
          <li key={inv.id} className="active-invitations__item" data-testid="active-invitation" data-invitation-id={inv.id}>
            <span>
              {t('fieldInvite.activeRow', { institution: localName(inv.institution, i18n.language), expert: inv.createdBy.displayName, time: formatClock(inv.expiresAt, i18n.language) })}
              {inv.acceptedAt ? ` · ${t('fieldInvite.accepted')}` : ''}
            </span>
            <BusyButton
              busy={pending === inv.id}
              className="button button--secondary clinic-button--small"
              disabled={pending !== null}
              onClick={() => void revoke(inv.id)}
              aria-label={t('fieldInvite.revokeLabel', { institution: inv.institution.name, time: formatClock(inv.expiresAt, i18n.language) })}
              data-testid="btn-revoke-invitation"
            >
              {pending === inv.id ? t('fieldInvite.revoking') : t('fieldInvite.revoke')}
            </BusyButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
