import { useTranslation } from 'react-i18next';
import type { NoteEditorSnapshot } from './note-autosave';

/** "已保存 / 保存中… / 保存失败，重试", announced politely to screen readers. */
export function NoteSaveStatus({ snapshot, onRetry }: { snapshot: NoteEditorSnapshot; onRetry(): void }) {
  const { t } = useTranslation();
  const { status } = snapshot;
  return (
    <div className={`note-status note-status--${status}`} data-testid="note-save-status" data-status={status}>
      <span role="status" aria-live="polite">
        {t(`note.status.${status}`)}
      </span>
      {status === 'error' ? (
        <button type="button" className="button button--secondary clinic-button--small" onClick={onRetry} data-testid="note-retry">
          {t('note.retry')}
        </button>
      ) : null}
    </div>
  );
}
