import type { TrackingStats, Turnaround } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { formatMinutes, formatRate } from './format';

interface Tile {
  key: string;
  label: string;
  value: string;
  note: string;
}

/** The headline figures, one tile each: what it is, the figure, and what it is made of. */
export function TrackingTiles({ stats }: { stats: TrackingStats }) {
  const { t } = useTranslation();
  const { requests: rq, referrals: rf, followUp: fu } = stats;
  const turnaround = (key: string, label: string, x: Turnaround): Tile => ({
    key,
    label,
    value: formatMinutes(t, x.medianMinutes),
    note: x.count === 0 ? t('tracking.tiles.noneMeasured') : t('tracking.tiles.turnaroundNote', { p90: formatMinutes(t, x.p90Minutes), n: x.count }),
  });
  const tiles: Tile[] = [
    { key: 'requests', label: t('tracking.tiles.requests'), value: String(rq.total), note: t('tracking.tiles.requestsNote', { urgent: rq.urgent }) },
    { key: 'completion', label: t('tracking.tiles.completion'), value: formatRate(t, rq.completion.rate), note: t('tracking.tiles.completionNote', rq.completion) },
    turnaround('routine', t('tracking.tiles.routine'), rq.toScheduled.routine),
    turnaround('urgent', t('tracking.tiles.urgent'), rq.toScheduled.urgent),
    {
      key: 'response',
      label: t('tracking.tiles.response'),
      value: formatMinutes(t, rq.urgentResponse.medianMinutes),
      note: t('tracking.tiles.responseNote', { clock: rq.urgentResponse.clockMinutes, within: rq.urgentResponse.withinClock, n: rq.urgentResponse.count, unanswered: rq.urgentResponse.unanswered }),
    },
    { key: 'up', label: t('tracking.tiles.up'), value: String(rf.byDirection.up), note: t('tracking.tiles.upNote', { booked: rf.completion.booked, declined: rf.byStatus.declined }) },
    turnaround('booking', t('tracking.tiles.booking'), rf.toBooked),
    { key: 'referral-completion', label: t('tracking.tiles.referralCompletion'), value: formatRate(t, rf.completion.rate), note: t('tracking.tiles.referralCompletionNote', rf.completion) },
    { key: 'down', label: t('tracking.tiles.down'), value: String(rf.byDirection.down), note: t('tracking.tiles.downNote', { acknowledged: rf.downAcknowledged }) },
    { key: 'follow-up', label: t('tracking.tiles.followUp'), value: formatRate(t, fu.rate), note: t('tracking.tiles.followUpNote', fu) },
  ];
  return (
    <ul className="tracking-tiles" aria-label={t('tracking.tiles.label')} data-testid="tracking-tiles">
      {tiles.map((tile) => (
        <li key={tile.key} className="tracking-tile" data-testid={`tracking-tile-${tile.key}`}>
          <span className="tracking-tile__label">{tile.label}</span>
          <strong className="tracking-tile__value">{tile.value}</strong>
          <span className="tracking-tile__note">{tile.note}</span>
        </li>
      ))}
    </ul>
  );
}
