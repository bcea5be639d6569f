import { ReferralStatusSchema, RequestStatusSchema, type TrackingStats } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** One small table: a caption, and a label and number per row. */
function CountTable({ caption, rows, testId }: { caption: string; rows: [string, string, number][]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="tracking-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tracking.tables.state')}</th>
          <th scope="col">{t('tracking.tables.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, label, n]) => (
          <tr key={key} data-key={key}>
            <th scope="row">{label}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Requests and up-referrals by state, and referrals by direction. */
export function StateTables({ stats }: { stats: TrackingStats }) {
  const { t } = useTranslation();
  const { requests, referrals } = stats;
  return (
    <div className="tracking-tables">
      <CountTable caption={t('tracking.tables.requests')} testId="tracking-requests-table" rows={RequestStatusSchema.options.map((s) => [s, t(`requests.status.${s}`), requests.byStatus[s]])} />
      <CountTable caption={t('tracking.tables.referrals')} testId="tracking-referrals-table" rows={ReferralStatusSchema.options.map((s) => [s, t(`referral.status.${s}`), referrals.byStatus[s]])} />
      <CountTable
        caption={t('tracking.tables.direction')}
        testId="tracking-direction-table"
        rows={[
          ['up', t('tracking.tables.up'), referrals.byDirection.up],
          ['down', t('tracking.tables.down'), referrals.byDirection.down],
          ['down-acknowledged', t('tracking.tables.downAcknowledged'), referrals.downAcknowledged],
        ]}
      />
    </div>
  );
}
