import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxStatus } from '@cloudclinic/shared';
import { toApiError } from '../../api/api-error';
import { outboxApi } from '../../api/outbox-api';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../features/clinic/LoadError';
import { OutboxTable } from '../../features/audit/OutboxTable';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import '../../styles/clinic.css';

const STATES: readonly OutboxStatus[] = ['failed', 'pending', 'done'];

/** `/admin/outbox`: writes to the county HIS that failed for good (retry), are waiting, or were delivered. */
export function AdminOutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutboxStatus>('failed');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ErrorMessageKey | null>(null);
  const list = useResource(status, (signal) => outboxApi.list(status, signal));

  async function retry(id: string): Promise<void> {
    setBusy(id);
    setError(null);
    try {
      await outboxApi.retry(id);
      list.reload();
    } catch (err) {
      setError(errorMessageKey(toApiError(err).code));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page clinic-page audit-page" data-testid="admin-outbox">
      <nav aria-label={t('admin.audit.nav')}>
        <Link to="/admin">← {t('admin.audit.back')}</Link>
      </nav>
      <PageHeader title={t('admin.outbox.title')} intro={t('admin.outbox.intro')} />
      <div className="outbox-states" role="group" aria-label={t('admin.outbox.states')}>
        {STATES.map((s) => (
          <button key={s} type="button" className={`button ${s === status ? 'button--primary' : 'button--secondary'}`} aria-pressed={s === status} onClick={() => setStatus(s)} data-testid={`outbox-state-${s}`}>
            {t(`admin.outbox.state.${s}`)}
          </button>
        ))}
      </div>
      <p role="status" data-testid="outbox-count">
        {list.data ? t('admin.outbox.count', { count: list.data.total }) : list.loading ? t('clinic.loading') : ''}
      </p>
      {error ? <p role="alert">{t(error)}</p> : null}
      {list.errorCode ? <LoadError code={list.errorCode} onRetry={list.reload} /> : null}
      {list.data && list.data.jobs.length > 0 ? <OutboxTable jobs={list.data.jobs} busy={busy} onRetry={(id) => void retry(id)} /> : null}
      {list.data?.jobs.length === 0 ? <p className="notice" data-testid="outbox-empty">{t(`admin.outbox.none.${status}`)}</p> : null}
    </div>
  );
}
