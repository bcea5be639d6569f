import type { KioskReferral } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { formatClock, formatFullDate } from '../clinic/clinic-time';

/** The booked 上转 in the visit summary: where and when to go, and how to prepare, in large plain words. */
export function SummaryReferral({ referral: r, prefix = 'kiosk-summary' }: { referral: KioskReferral | null; prefix?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!r) return <>{t('kiosk.summary.noReferral')}</>;
  const what = `${t(`referral.kinds.${r.kind}`)}${r.examType ? ` · ${t(`referral.exams.${r.examType}`)}` : ''}`;
  return (
    <div className="kiosk-summary__referral" data-testid={`${prefix}-referral`}>
      <p>
        <strong>{what}</strong> · {r.institutionName} {lang.startsWith('en') ? r.departmentNameEn : r.departmentName}
      </p>
      <p data-testid={`${prefix}-referral-when`}>{t('kiosk.summary.referralAt', { date: `${formatFullDate(r.slotAt, lang)} ${formatClock(r.slotAt, lang)}`, place: r.place })}</p>
      <p data-testid={`${prefix}-referral-preparation`}>
        {t('referral.preparation')}：{r.preparation}
      </p>
    </div>
  );
}
