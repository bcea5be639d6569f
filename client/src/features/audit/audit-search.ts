import { shanghaiDayRange } from '../clinic/clinic-time';
import type { AuditSearch } from '../../api/audit-api';
import type { AuditFilterValues } from './AuditFilters';

export const AUDIT_PAGE_SIZE = 50;
/** At most this many events go into one CSV export (the server's page limit). */
export const AUDIT_EXPORT_MAX = 1000;

/** The filters as the server's query: whole China-time days for the date range. */
export function auditSearch(f: AuditFilterValues, offset: number, limit = AUDIT_PAGE_SIZE): AuditSearch {
  return {
    actor: f.actor,
    hisPatientId: f.hisPatientId,
    action: f.action,
    outcome: f.outcome,
    ...(f.fromDay ? { from: shanghaiDayRange(f.fromDay).from } : {}),
    // The end of the "to" day: one millisecond before the next day starts.
    ...(f.toDay ? { to: new Date(new Date(shanghaiDayRange(f.toDay).to).getTime() - 1).toISOString() } : {}),
    limit,
    offset,
  };
}
