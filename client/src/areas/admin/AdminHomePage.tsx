import type { ClinicSessionView } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clinicApi } from '../../api/clinic-api';
import { PageHeader } from '../../components/PageHeader';
import { AdminSessionCard } from '../../features/clinic/AdminSessionCard';
import { shanghaiDate, shanghaiDayRange } from '../../features/clinic/clinic-time';
import { LoadError } from '../../features/clinic/LoadError';
import { PublishSessionForm } from '../../features/clinic/PublishSessionForm';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';

/** Coordinator home: publish clinic sessions, see a day's sessions, book and cancel appointments. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const dateId = useId();
  const [date, setDate] = useState(shanghaiDate());
  const [version, setVersion] = useState(0);
  const [expanded, setExpanded] = useState<string | null>(null);
  const sessions = useResource(`${date}#${version}`, (signal) => clinicApi.listSessions(shanghaiDayRange(date), signal));

  function onPublished(session: ClinicSessionView): void {
    setVersion((v) => v + 1);
    setExpanded(session.id);
  }

  return (
    <div className="page clinic-page" data-testid="admin-home">
      <PageHeader title={t('admin.homeTitle')} intro={t('admin.homeIntro')} />
      <PublishSessionForm onPublished={onPublished} />

      <section className="admin-sessions" aria-labelledby={`${dateId}-title`}>
        <div className="admin-sessions__header">
          <h2 id={`${dateId}-title`}>{t('admin.sessions.title')}</h2>
          <label className="field__label" htmlFor={dateId}>
            {t('admin.sessions.date')}
          </label>
          <input id={dateId} type="date" className="field__input" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
          <button type="button" className="button button--secondary" onClick={sessions.reload}>
            {t('admin.sessions.refresh')}
          </button>
        </div>
        {sessions.loading && !sessions.data ? <p role="status">{t('clinic.loading')}</p> : null}
        {sessions.errorCode ? <LoadError code={sessions.errorCode} onRetry={sessions.reload} /> : null}
        {sessions.data?.length === 0 ? <p className="notice">{t('clinic.sessions.noneOnDay')}</p> : null}
        {sessions.data?.map((s: ClinicSessionView) => (
          <AdminSessionCard key={s.id} session={s} expanded={expanded === s.id} onToggle={() => setExpanded((e) => (e === s.id ? null : s.id))} />
        ))}
      </section>
    </div>
  );
}
