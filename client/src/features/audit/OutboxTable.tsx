import type { OutboxJobView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from './china-time';

/** Writes to the HIS: what, since when, how many attempts, the last error; a failed one can be retried. */
export function OutboxTable({ jobs, busy, onRetry }: { jobs: readonly OutboxJobView[]; busy: string | null; onRetry(id: string): void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="audit-table__scroll" tabIndex={0} role="region" aria-label={t('admin.outbox.table')}>
      <table className="queue-table audit-table" data-testid="outbox-table">
        <caption className="sr-only">{t('admin.outbox.table')}</caption>
        <thead>
          <tr>
            {(['kind', 'createdAt', 'attempts', 'lastError', 'action'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`admin.outbox.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-testid="outbox-row" data-job-id={j.id} data-status={j.status}>
              <td>
                <code>{j.kind}</code>
              </td>
              <td>
                <time dateTime={j.createdAt}>{chinaDateTime(j.createdAt, i18n.language)}</time>
              </td>
              <td>{j.attempts}</td>
              <td className="audit-table__id">{j.lastError ?? '—'}</td>
              <td>
                {j.status === 'failed' ? (
                  <button type="button" className="button button--secondary" disabled={busy !== null} aria-busy={busy === j.id} onClick={() => onRetry(j.id)} data-testid="outbox-retry">
                    {busy === j.id ? t('admin.outbox.retrying') : t('admin.outbox.retry')}
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
