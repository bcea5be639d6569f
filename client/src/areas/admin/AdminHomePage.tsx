import { clinicDate, type ClinicSessionView } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clinicApi } from '../../api/clinic-api';
import { PageHeader } from '../../components/PageHeader';
import { AdminSessionCard } from '../../features/clinic/AdminSessionCard';
import { LoadError } from '../../features/clinic/LoadError';
import { PublishSessionForm } from '../../features/clinic/PublishSessionForm';
import { SessionDatePicker } from '../../features/clinic/SessionDatePicker';
import { useClinicDateParam } from '../../hooks/clinic/useClinicDateParam';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';
import { BusyButton } from '../../components/BusyButton';

/** Coordinator home: publish clinic sessions, see a day's sessions, book and cancel appointments. */
/** The administrator's other pages, linked from the home page: path under /admin and its label. */
const ADMIN_PAGES = [
  ['audit', 'admin.audit.link'],
  ['users', 'admin.users.link'],
  ['institutions', 'admin.institutions.link'],
  ['invitations', 'admin.invitations.link'],
  ['outbox', 'admin.outbox.link'],
  ['requests', 'requests.inbox.link'],
  ['referrals', 'referral.inboxLink'],
  ['tracking', 'tracking.link'],
  ['mdt', 'mdt.boardsTitle'],
] as const;

export function AdminHomePage() {
  const { t } = useTranslation();
  const dateId = useId();
  const [date, setDate] = useClinicDateParam();
  const [version, setVersion] = useState(0);
  const [expanded, setExpanded] = useState<string | null>(null);
  const sessions = useResource(`${date}#${version}`, (signal) => clinicApi.listSessions(date, signal));

  function onPublished(session: ClinicSessionView): void {
    setVersion((v) => v + 1);
    setExpanded(session.id);
    setDate(clinicDate(new Date(session.startsAt)));
  }

  return (
    <div className="page clinic-page" data-testid="admin-home">
      <PageHeader title={t('admin.homeTitle')} intro={t('admin.homeIntro')} />
      <nav aria-label={t('admin.audit.nav')} className="admin-nav">
        {ADMIN_PAGES.map(([path, key]) => (
          <Link key={path} to={`/admin/${path}`} data-testid={`link-${path}`}>
            {t(key)}
          </Link>
        ))}
      </nav>
      <PublishSessionForm onPublished={onPublished} />

      <section className="admin-sessions" aria-labelledby={`${dateId}-title`} data-testid="admin-sessions" data-date={date}>
        <div className="admin-sessions__header">
          <h2 id={`${dateId}-title`}>{t('admin.sessions.title')}</h2>
          <SessionDatePicker date={date} onChange={setDate} />
          <BusyButton className="button button--secondary" onClick={sessions.reload} busy={sessions.loading} data-testid="admin-sessions-refresh">
            {t('admin.sessions.refresh')}
          </BusyButton>
        </div>
        {sessions.loading && !sessions.data ? <p role="status" data-testid="sessions-loading">{t('clinic.loading')}</p> : null}
        {sessions.errorCode ? <LoadError code={sessions.errorCode} onRetry={sessions.reload} /> : null}
        {sessions.data?.length === 0 ? <p className="notice" data-testid="sessions-empty">{t('clinic.sessions.noneOnDay')}</p> : null}
        {sessions.data?.map((s: ClinicSessionView) => (
          <AdminSessionCard key={s.id} session={s} expanded={expanded === s.id} onToggle={() => setExpanded((e) => (e === s.id ? null : s.id))} />
        ))}
      </section>
    </div>
  );
}
