import type { DocumentItem, ReportItem } from './clinical-lists';
import { conceptText, type FhirEncounter } from './fhir-resources';
import { chinaDay, dayOf, toEpoch } from './fhir-time';
import { institutionOf } from './provenance';

export type VisitSetting = 'outpatient' | 'inpatient' | 'emergency' | 'other';

export interface VisitItem {
  id: string;
  at: number;
  day: string;
  /** Last day of an inpatient stay. */
  until: string | null;
  setting: VisitSetting;
  /** `慢病复诊`, `住院` … */
  title: string | null;
  department: string | null;
  practitioner: string | null;
  diagnoses: string[];
  institution: string | null;
}

export type TimelineEntry = ({ kind: 'visit' } & VisitItem) | ({ kind: 'report' } & ReportItem) | ({ kind: 'document' } & DocumentItem);

export interface TimelineDay {
  day: string;
  entries: TimelineEntry[];
}

const SETTING: Record<string, VisitSetting> = { AMB: 'outpatient', IMP: 'inpatient', ACUTE: 'inpatient', NONAC: 'inpatient', EMER: 'emergency' };
const KIND_RANK: Record<TimelineEntry['kind'], number> = { visit: 0, report: 1, document: 2 };

export function visitItems(encounters: readonly FhirEncounter[]): VisitItem[] {
  return encounters.flatMap((e) => {
    const at = toEpoch(e.period?.start);
    if (at === null || e.status === 'cancelled' || e.status === 'entered-in-error') return [];
    const until = dayOf(e.period?.end);
    const day = chinaDay(at);
    return [
      {
        id: e.id,
        at,
        day,
        until: until && until !== day ? until : null,
        setting: SETTING[e.class?.code?.toUpperCase() ?? ''] ?? 'other',
        title: conceptText(e.type[0]),
        department: conceptText(e.serviceType),
        practitioner: e.participant.map((p) => p.individual?.display?.trim()).find(Boolean) ?? null,
        diagnoses: e.reasonCode.map(conceptText).filter((t): t is string => Boolean(t)),
        institution: institutionOf([e.serviceProvider]),
      },
    ];
  });
}

/** Visits, reports and notes by China calendar day, newest day first; within a day the visit leads. */
export function visitTimeline(visits: readonly VisitItem[], reports: readonly ReportItem[], documents: readonly DocumentItem[]): TimelineDay[] {
  const entries: TimelineEntry[] = [
    ...visits.map((v) => ({ kind: 'visit' as const, ...v })),
    ...reports.map((r) => ({ kind: 'report' as const, ...r })),
    ...documents.map((d) => ({ kind: 'document' as const, ...d })),
  ];
  const days = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    const list = days.get(entry.day) ?? [];
    list.push(entry);
    days.set(entry.day, list);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, list]) => ({ day, entries: list.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.at - b.at) }));
}
