import type { AuditEventView } from '@cloudclinic/shared';

const COLUMNS = ['at', 'actorUsername', 'actorRole', 'action', 'outcome', 'hisPatientId', 'consultationId', 'entityType', 'entityId', 'institutionId', 'requestId', 'ip'] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a leading `= + - @` (or tab / CR)
 * is prefixed with `'` so a spreadsheet never runs it as a formula.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The audit events as CSV (header row, CRLF line ends, a BOM so spreadsheets read the Chinese). */
export function auditCsv(events: readonly AuditEventView[]): string {
  const rows = events.map((e) => COLUMNS.map((c) => csvField(e[c])).join(','));
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
