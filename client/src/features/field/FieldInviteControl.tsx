import type { InvitationView } from '@cloudclinic/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import '../../styles/field-room.css';
import { ActiveInvitations } from './ActiveInvitations';
import { fieldApi } from './field-api';

/**
 * "邀请现场医生" on the expert's consultation page: a short-lived invitation (link + QR code) for a
 * field doctor's phone or AR glasses. One tap on the link (or a scan) joins them to this consultation.
 */
export function FieldInviteControl({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [invite, setInvite] = useState<InvitationView | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorMessageKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState(false);
  const url = invite ? `${window.location.origin}${invite.path}` : null;

  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
      (data) => live && setQr(data),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [url]);

  async function create(): Promise<void> {
    setPending(true);
    setError(null);
    setCopied(false);
    try {
      setInvite(await fieldApi.createInvitation(consultationId));
      setOpen(true);
    } catch (err) {
      setError(errorMessageKey(toApiError(err).code));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="field-invite">
      <button type="button" className="button" onClick={() => void create()} disabled={pending} data-testid="btn-invite-field">
        {invite ? t('fieldInvite.renew') : t('fieldInvite.button')}
      </button>
      <button type="button" className="button button--secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="btn-active-invitations">
        {t('fieldInvite.active')}
      </button>
      {error ? (
        <p role="alert" className="field-invite__error">
          {t(error)}
        </p>
      ) : null}
      {open ? (
        <div className="field-invite__card" data-testid="field-invite-card">
          {invite && url ? (
            <div className="field-invite__new" data-testid="field-invite">
              {qr ? <img className="field-invite__qr" src={qr} alt={t('fieldInvite.qrAlt')} width={160} height={160} /> : null}
              <div className="field-invite__text">
                <p>{t('fieldInvite.for', { institution: invite.institution.name })}</p>
                <input className="field-invite__link" readOnly value={url} data-testid="field-invite-link" onFocus={(e) => e.currentTarget.select()} aria-label={t('fieldInvite.link')} />
                <p className="field-invite__expiry">{t('fieldInvite.expires', { time: new Date(invite.expiresAt).toLocaleTimeString() })}</p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
                >
                  {copied ? t('fieldInvite.copied') : t('fieldInvite.copy')}
                </button>
              </div>
            </div>
          ) : null}
          <ActiveInvitations consultationId={consultationId} refreshKey={invite?.id ?? ''} onRevoked={(revoked) => revoked === invite?.id && setInvite(null)} />
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)} data-testid="field-invite-close">
            {t('fieldInvite.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
