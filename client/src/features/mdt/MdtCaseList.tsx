import type { MdtCaseView, MdtMeetingView } from '@cloudclinic/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CaseCountdown } from './CaseCountdown';

interface MdtCaseListProps {
  meeting: MdtMeetingView;
  skewMs: number;
  pending: boolean;
  onMove(caseId: string, delta: -1 | 1): void;
}

/** The sitting's list in order: done, current (with its countdown), queued (the chair moves them up or down). */
export function MdtCaseList({ meeting, skewMs, pending, onMove }: MdtCaseListProps) {
  const { t } = useTranslation();
  const reorder = meeting.actions.includes('reorder');
  const queued = meeting.cases.filter((c) => c.status === 'queued');
  return (
    <ol className="mdt-cases" aria-label={t('mdt.caseList')}>
      {meeting.cases.map((c) => (
        <li key={c.id} className={`mdt-case mdt-case--${c.status}`} data-testid="mdt-case-row" data-status={c.status} aria-current={c.status === 'current' ? 'step' : undefined}>
          <span className="mdt-case__label">{caseTitle(c, t)}</span>
          <span className="mdt-case__status">{t(`mdt.status.${c.status}`)}</span>
          {c.status === 'queued' ? <span className="mdt-clock">{t('mdt.minutes', { count: c.minutes })}</span> : <CaseCountdown mdtCase={c} skewMs={skewMs} />}
          {reorder && c.status === 'queued' ? (
            <span className="mdt-case__move">
              <button type="button" className="button button--secondary" disabled={pending || queued[0]?.id === c.id} onClick={() => onMove(c.id, -1)} aria-label={t('mdt.moveUp', { name: caseTitle(c, t) })}>
                ↑
              </button>
              <button type="button" className="button button--secondary" disabled={pending || queued.at(-1)?.id === c.id} onClick={() => onMove(c.id, 1)} aria-label={t('mdt.moveDown', { name: caseTitle(c, t) })}>
                ↓
              </button>
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function caseTitle(c: MdtCaseView, t: TFunction): string {
  return c.restricted ? t('mdt.otherInstitutionCase', { institution: c.institution.name }) : `${c.patientLabel ?? ''} · ${c.institution.name}`;
}
