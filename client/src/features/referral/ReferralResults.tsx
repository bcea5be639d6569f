import type { ReferralResult } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** The results sent with a referral, each with its 互认 mark: accepted (no need to repeat it) until a day, expired, or not on the list. */
export function ReferralResults({ results }: { results: ReferralResult[] }) {
  const { t } = useTranslation();
  return (
    <ul className="referral-results" data-testid="referral-results">
      {results.map((r) => (
        <li key={`${r.kind}:${r.ref}`} data-testid="referral-result" data-recognition={r.recognition}>
          <span>
            {r.title}
            {r.date ? ` · ${r.date}` : ''}
          </span>{' '}
          <span className={`referral-results__mark referral-results__mark--${r.recognition}`}>{t(`referral.recognition.${r.recognition}`, { date: r.validUntil ?? '' })}</span>
        </li>
      ))}
    </ul>
  );
}
