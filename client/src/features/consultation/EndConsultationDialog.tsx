import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface EndConsultationDialogProps {
  open: boolean;
  pending: boolean;
  /** Already-translated reason the last attempt failed. */
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

/** "End the visit?" — a native modal dialog (focus trapped, Esc cancels). */
export function EndConsultationDialog({ open, pending, error, onConfirm, onCancel }: EndConsultationDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="clinic-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      data-testid="end-consult-dialog"
    >
      <h2 id={titleId}>{t('consultation.end.title')}</h2>
      <p>{t('consultation.end.message')}</p>
      <p className="clinic-dialog__error" role="alert">
        {error ?? ''}
      </p>
      <div className="clinic-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
          {t('consultation.end.cancel')}
        </button>
        <button type="button" className="button clinic-button--danger" onClick={onConfirm} disabled={pending} data-testid="end-consult-confirm">
          {pending ? t('consultation.end.ending') : t('consultation.end.confirm')}
        </button>
      </div>
    </dialog>
  );
}
