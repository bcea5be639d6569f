import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditApi, auditQueryString } from '../../api/audit-api';
import { toApiError } from '../../api/api-error';
import { PageHeader } from '../../components/PageHeader';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from '../../features/audit/AuditFilters';
import { auditCsv } from '../../features/audit/audit-csv';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_SIZE, auditSearch } from '../../features/audit/audit-search';
import { AuditTable } from '../../features/audit/AuditTable';
import { LoadError } from '../../features/clinic/LoadError';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import '../../styles/clinic.css';
import { BusyButton } from '../../components/BusyButton';

/** `/admin/audit`: the audit trail (who read or changed which patient's data), filtered on the server, paged, exported as CSV. */
export function AdminAuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [exportError, setExportError] = useState<ErrorMessageKey | null>(null);
  const [exporting, setExporting] = useState(false);
  const search = auditSearch(filters, offset);
  const page = useResource(auditQueryString(search), (signal) => auditApi.search(search, signal));
  const data = page.data;

  async function exportCsv(): Promise<void> {
    if (exporting) return;
    setExportError(null);
    setExporting(true);
    try {
      const all = await auditApi.search(auditSearch(filters, 0, AUDIT_EXPORT_MAX));
      const url = URL.createObjectURL(new Blob([auditCsv(all.events)], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setExportError(errorMessageKey(toApiError(err).code));
    } finally {
      setExporting(false);
    }
  }

  const last = data ? Math.min(data.offset + data.events.length, data.total) : 0;
  return (
    <div className="page clinic-page audit-page" data-testid="admin-audit">
      <nav aria-label={t('admin.audit.nav')}>
        <Link to="/admin">← {t('admin.audit.back')}</Link>
      </nav>
      <PageHeader title={t('admin.audit.title')} intro={t('admin.audit.intro')} />
      <AuditFilters
        onApply={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      <div className="audit-page__bar">
        <p role="status" data-testid="audit-count">
          {data ? t('admin.audit.count', { from: data.total ? data.offset + 1 : 0, to: last, total: data.total }) : page.loading ? t('clinic.loading') : ''}
        </p>
        <BusyButton className="button button--secondary" onClick={() => void exportCsv()} busy={exporting} disabled={!data?.total} data-testid="audit-export">
          {t('admin.audit.export', { max: AUDIT_EXPORT_MAX })}
        </BusyButton>
      </div>
      {exportError ? <p role="alert">{t(exportError)}</p> : null}
      {page.errorCode ? <LoadError code={page.errorCode} onRetry={page.reload} /> : null}
      {data ? <AuditTable events={data.events} /> : null}
      {data && data.total === 0 ? <p className="notice">{t('admin.audit.none')}</p> : null}
      <div className="audit-page__paging">
        <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - AUDIT_PAGE_SIZE))} data-testid="audit-prev">
          {t('admin.audit.prev')}
        </button>
        <button type="button" className="button button--secondary" disabled={!data || last >= data.total} onClick={() => setOffset((o) => o + AUDIT_PAGE_SIZE)} data-testid="audit-next">
          {t('admin.audit.next')}
        </button>
      </div>
    </div>
  );
}
