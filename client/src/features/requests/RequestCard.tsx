import type { ConsultationRequestView } from '@cloudclinic/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import { RequestStatus } from './RequestStatus';
import { ResponseClockBadge } from './ResponseClockBadge';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }) : '');
const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join('、');

/** One request: who asks whom about which patient, its state, times and attachments; actions below. */
export function RequestCard({ request: r, children }: { request: ConsultationRequestView; children?: ReactNode }) {
  const { t } = useTranslation();
  const english = useLanguage().language === 'en';
  const asked = [r.department ? (english ? r.department.nameEn : r.department.name) : null, names(r.wantedExperts) || null].filter(Boolean).join(' · ');
  return (
    <article className={`request-card request-card--${r.urgency}`} data-testid="request-card" data-request-id={r.id} data-status={r.status} data-urgency={r.urgency} aria-labelledby={`req-${r.id}`}>
      <header className="request-card__head">
        <h3 id={`req-${r.id}`}>
          {t(`requests.urgency.${r.urgency}`)} · {t('requests.card.patient', { id: r.hisPatientId })} · {r.institution.name}
        </h3>
        <RequestStatus status={r.status} />
        <ResponseClockBadge request={r} />
      </header>
      <dl className="request-card__facts">
        <dt>{t('requests.card.summary')}</dt>
        <dd>{r.summary}</dd>
        <dt>{t('requests.card.question')}</dt>
        <dd>{r.question}</dd>
        <dt>{t('requests.card.asked')}</dt>
        <dd>{asked}</dd>
        <dt>{t('requests.card.filed')}</dt>
        <dd>
          {r.requestedBy.displayName} · {when(r.createdAt)}
        </dd>
        <dt>{t('requests.card.times')}</dt>
        <dd>{r.preferredTimes.map((w) => `${when(w.from)}–${when(w.to)}`).join('；')}</dd>
        <dt>{t('requests.card.attachments')}</dt>
        <dd data-testid="request-attachments" data-study-uids={r.studyUids.join(' ')}>
          {t('requests.card.attachmentCount', { studies: r.studyUids.length, reports: r.reportIds.length })}
        </dd>
        {r.status === 'scheduled' ? (
          <>
            <dt>{t('requests.card.scheduled')}</dt>
            <dd data-testid="request-scheduled">
              {when(r.scheduledAt)} · {names(r.assignedExperts)}
            </dd>
          </>
        ) : null}
        {r.status === 'time_proposed' ? (
          <>
            <dt>{t('requests.card.proposed')}</dt>
            <dd>
              {when(r.proposedAt)} · {names(r.proposedExperts)}
            </dd>
          </>
        ) : null}
        {r.declineReason ? (
          <>
            <dt>{t('requests.card.declineReason')}</dt>
            <dd>{r.declineReason}</dd>
          </>
        ) : null}
      </dl>
      {children}
    </article>
  );
}
