import type { OpinionSigner } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../prescription/format';

/** Each required expert and whether they have signed (re-read every few seconds). */
export function SignerList({ signers }: { signers: readonly OpinionSigner[] }) {
  const { t } = useTranslation();
  return (
    <ul className="opinion-signers" aria-label={t('opinion.signers')} data-testid="opinion-signers">
      {signers.map((s) => (
        <li key={s.id} data-testid="opinion-signer" data-signer={s.id} data-signed={String(s.signedAt !== null)}>
          <span>
            {s.name}（{s.institution}）
          </span>{' '}
          <span className={s.signedAt ? 'opinion-signers__done' : 'opinion-signers__waiting'}>
            {s.signedAt ? t('opinion.signedAt', { time: shanghaiDateTime(s.signedAt) }) : t('opinion.waitingSignature')}
          </span>
        </li>
      ))}
    </ul>
  );
}
