import type { MdtCaseView, MdtMeetingView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

interface MdtChairControlsProps {
  meeting: MdtMeetingView;
  current: MdtCaseView | null;
  pending: boolean;
  onStart(): void;
  onNext(fromCaseId: string): void;
}

/** The chair's buttons: 开始会诊, then 下一病例 (the last case's "next" ends the sitting). Shown only when the server allows them. */
export function MdtChairControls({ meeting, current, pending, onStart, onNext }: MdtChairControlsProps) {
  const { t } = useTranslation();
  const last = current !== null && !meeting.cases.some((c) => c.status === 'queued');
  return (
    <>
      {meeting.actions.includes('start') ? (
        <button type="button" className="button" disabled={pending} onClick={onStart} data-testid="btn-mdt-start">
          {t('mdt.start')}
        </button>
      ) : null}
      {meeting.actions.includes('next') && current ? (
        <button type="button" className="button" disabled={pending} onClick={() => onNext(current.id)} data-testid="btn-mdt-next">
          {last ? t('mdt.finish') : t('mdt.next')}
        </button>
      ) : null}
    </>
  );
}
