import { useTranslation } from 'react-i18next';
import type { LinkState } from './link-mode';

/**
 * Says why the call is audio only: the doctor's own choice (nothing is wrong with the link), or the
 * automatic fall back on a poor link (video returns by itself). Nothing while video is on.
 */
export function FieldLinkNotice({ link }: { link: LinkState }) {
  const { t } = useTranslation();
  if (link.mode !== 'audio') return null;
  const chosen = link.cause === 'chosen';
  return (
    <div className={`field-notice field-notice--${link.cause}`} role="status" data-testid="audio-only-notice" data-cause={link.cause}>
      <strong>{chosen ? t('fieldRoom.audioOnlyChosen') : t('fieldRoom.audioOnly')}</strong>
      <span>{chosen ? t('fieldRoom.audioOnlyChosenHint') : t('fieldRoom.audioOnlyHint')}</span>
    </div>
  );
}
