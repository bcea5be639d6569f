import { useTranslation } from 'react-i18next';
import type { RecordPartFailure } from '../../api/record-api';
import { isRecordPart } from './record-model';

interface PartialNoticeProps {
  failures: readonly RecordPartFailure[];
  skipped: number;
  pending: boolean;
  onRetry(): void;
}

/** Some of the record is missing: name the parts (the rest is shown) and offer to read them again. */
export function PartialNotice({ failures, skipped, pending, onRetry }: PartialNoticeProps) {
  const { t } = useTranslation();
  if (failures.length === 0 && skipped === 0) return null;
  const parts = [...new Set(failures.map((f) => (isRecordPart(f.part) ? t(`record.parts.${f.part}`) : f.resourceType)))];
  return (
    <div className="his-notice his-notice--partial" role="status" data-testid="his-partial">
      {parts.length > 0 ? <p>{t('record.partial.missing', { parts: parts.join(t('record.listSeparator')) })}</p> : null}
      {skipped > 0 ? <p>{t('record.partial.skipped', { value: skipped })}</p> : null}
      {parts.length > 0 ? (
        <button type="button" className="button button--secondary his-notice__action" onClick={onRetry} disabled={pending}>
          {pending ? t('record.refreshing') : t('record.partial.retry')}
        </button>
      ) : null}
    </div>
  );
}
