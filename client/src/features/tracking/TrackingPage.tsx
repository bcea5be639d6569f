import { clinicDate, clinicDaysInRange, trackingRange, type TrackingStats } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trackingApi } from '../../api/tracking-api';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useResource } from '../../hooks/clinic/useResource';
import { LoadError } from '../clinic/LoadError';
import { StateTables } from './StateTables';
import { TrackingChart } from './TrackingChart';
import { TrackingRangePicker, type DayRange } from './TrackingRangePicker';
import { TrackingTiles } from './TrackingTiles';
import '../../styles/tracking.css';

function defaultRange(): DayRange {
  const r = trackingRange({}, clinicDate(new Date()));
  return r.ok ? { from: r.from, to: r.to } : { from: clinicDate(new Date()), to: clinicDate(new Date()) };
}

const isEmpty = (s: TrackingStats) => s.requests.total === 0 && s.referrals.byDirection.up === 0 && s.referrals.byDirection.down === 0 && s.followUp.due === 0;

/** `/admin/tracking`: the coordinator's figures of requests and referrals over a period of clinic days. */
export function TrackingPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<DayRange>(defaultRange);
  const stats = useResource(`${range.from}..${range.to}`, (signal) => trackingApi.stats(range, signal));
  const data = stats.data;

  return (
    <div className="page clinic-page tracking-page" data-testid="tracking-page">
      <nav aria-label={t('admin.audit.nav')}>
        <Link to="/admin">← {t('admin.audit.back')}</Link>
      </nav>
      <PageHeader title={t('tracking.title')} intro={t('tracking.intro')} />
      <TrackingRangePicker range={range} onChange={setRange} />
      <p className="tracking-page__range" aria-live="polite" data-testid="tracking-showing">
        {t('tracking.range.showing', { from: range.from, to: range.to, days: clinicDaysInRange(range.from, range.to) })}
      </p>
      {stats.loading && !data ? <LoadingState label={t('tracking.loading')} size="block" testId="tracking-loading" /> : null}
      {stats.errorCode ? <LoadError code={stats.errorCode} onRetry={stats.reload} /> : null}
      {data && isEmpty(data) ? (
        <p className="notice" data-testid="tracking-empty">
          {t('tracking.empty')}
        </p>
      ) : null}
      {data && !isEmpty(data) ? (
        <>
          <TrackingTiles stats={data} />
          <div className="tracking-page__detail">
            <TrackingChart series={data.series} />
            <StateTables stats={data} />
          </div>
        </>
      ) : null}
    </div>
  );
}
