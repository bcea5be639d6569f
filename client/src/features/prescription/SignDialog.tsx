import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SignDialogProps {
  open: boolean;
  pending: boolean;
  error: string | null;
  onSign(password: string): void;
  onCancel(): void;
  /** Other documents signed the same way (会诊意见) bring their own heading and explanation. */
  title?: string;
  intro?: string;
}

/** Asks the signer's password, which unlocks their private key for this one signature. Esc cancels. */
export function SignDialog({ open, pending, error, onSign, onCancel, title, intro }: SignDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) setPassword('');
  }, [open]);

  function submit(e: FormEvent): void {
    e.preventDefault();
    if (password) onSign(password);
  }

  return (
    <dialog ref={dialog} className="clinic-dialog rx-sign-dialog" aria-labelledby={`${id}-title`} onCancel={onCancel} data-testid="rx-sign-dialog">
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{title ?? t('rx.sign.title')}</h2>
        <p>{intro ?? t('rx.sign.intro')}</p>
        <label className="field">
          <span className="field__label">{t('rx.sign.password')}</span>
          <input
            className="field__input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            data-testid="rx-password"
          />
        </label>
        {error ? (
          <p className="clinic-dialog__error" role="alert" data-testid="rx-sign-error">
            {error}
          </p>
        ) : null}
        <div className="clinic-dialog__actions">
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            {t('rx.sign.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={pending || !password} data-testid="rx-sign-confirm">
            {pending ? t('rx.actions.signing') : t('rx.sign.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
