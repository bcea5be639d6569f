import { InitialPasswordSchema, type ManagedUser } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { useAction } from '../account/use-action';
import { BusyButton } from '../../components/BusyButton';

/** One account's actions: disable / enable, reset the password (a field that opens on demand), reset the second factor. */
export function UserActions({ user, onChanged }: { user: ManagedUser; onChanged(user: ManagedUser): void }) {
  const { t } = useTranslation();
  const id = useId();
  const action = useAction();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [weak, setWeak] = useState(false);
  const [done, setDone] = useState(false);

  async function toggle(): Promise<void> {
    const changed = await action.run(() => adminApi.setDisabled(user.id, !user.disabled));
    if (changed) onChanged(changed);
  }

  async function resetMfa(): Promise<void> {
    const ok = await action.run(async () => {
      await adminApi.resetMfa(user.id);
      return true;
    });
    if (ok) onChanged({ ...user, mfaEnrolled: false });
  }

  async function reset(): Promise<void> {
    if (!InitialPasswordSchema.safeParse(password).success) {
      setWeak(true);
      return;
    }
    const changed = await action.run(() => adminApi.resetPassword(user.id, password));
    if (changed) {
      setResetting(false);
      setPassword('');
      setDone(true);
      onChanged(changed);
    }
  }

  return (
    <div className="user-actions">
      <BusyButton
        busy={action.pending}
        className={`button clinic-button--small ${user.disabled ? 'button--secondary' : 'clinic-button--danger'}`}
        onClick={() => void toggle()}
        aria-label={t(user.disabled ? 'admin.users.enableLabel' : 'admin.users.disableLabel', { name: user.displayName })}
        data-testid={user.disabled ? 'btn-enable-user' : 'btn-disable-user'}
      >
        {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
      </BusyButton>
      {resetting ? (
        <span className="user-actions__reset">
          <label htmlFor={`${id}-pw`} className="sr-only">
            {t('admin.users.newPassword', { name: user.displayName })}
          </label>
          <input
            id={`${id}-pw`}
            type="password"
            className="field__input"
            value={password}
            autoComplete="new-password"
            aria-invalid={weak || undefined}
            onChange={(e) => {
              setPassword(e.target.value);
              setWeak(false);
            }}
            data-testid="reset-password-input"
          />
          <BusyButton busy={action.pending} className="button button--primary clinic-button--small" onClick={() => void reset()} data-testid="reset-password-confirm">
            {t('admin.users.resetConfirm')}
          </BusyButton>
        </span>
      ) : (
        <button type="button" className="button button--secondary clinic-button--small" onClick={() => setResetting(true)} aria-label={t('admin.users.resetLabel', { name: user.displayName })} data-testid="btn-reset-password">
          {t('admin.users.reset')}
        </button>
      )}
      {user.mfaEnrolled ? (
        <BusyButton busy={action.pending} className="button button--secondary clinic-button--small" onClick={() => void resetMfa()} aria-label={t('admin.users.resetMfaLabel', { name: user.displayName })} data-testid="btn-reset-mfa">
          {t('admin.users.resetMfa')}
        </BusyButton>
      ) : null}
      <span role="status" className="user-actions__status" data-testid="user-action-status">
        {weak ? t('admin.users.passwordRule') : action.errorCode ? t(errorMessageKey(action.errorCode)) : done ? t('admin.users.resetDone') : ''}
      </span>
    </div>
  );
}
