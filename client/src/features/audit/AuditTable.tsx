import type { AuditEventView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { chinaDateTime as when } from './china-time';

/** One page of the audit trail: time (China), user, action, outcome, patient, consultation. */
export function AuditTable({ events }: { events: readonly AuditEventView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="audit-table__scroll" tabIndex={0} role="region" aria-label={t('admin.audit.table')}>
      <table className="queue-table audit-table" data-testid="audit-table">
        <caption className="sr-only">{t('admin.audit.table')}</caption>
        <thead>
          <tr>
            {(['at', 'user', 'action', 'outcome', 'patient', 'consultation', 'ip'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`admin.audit.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-outcome={e.outcome} data-action={e.action}>
              <td>
                <time dateTime={e.at}>{when(e.at, i18n.language)}</time>
              </td>
              <td>
                {e.actorUsername ?? '—'}
                {e.actorRole ? <span className="audit-table__role"> ({t(`roles.${e.actorRole}`)})</span> : null}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td className={e.outcome === 'ok' ? 'audit-table__ok' : 'audit-table__denied'}>{e.outcome}</td>
              <td>{e.hisPatientId ?? '—'}</td>
              <td className="audit-table__id">{e.consultationId ?? '—'}</td>
              <td>{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
