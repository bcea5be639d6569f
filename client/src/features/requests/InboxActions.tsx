import type { ConsultationRequestView, RequestOptions } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestApi } from '../../api/request-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { useAction } from '../account/use-action';
import { DeclineForm } from './DeclineForm';
import { ScheduleForm } from './ScheduleForm';

interface InboxActionsProps {
  request: ConsultationRequestView;
  experts: RequestOptions['experts'];
  onChanged(view: ConsultationRequestView): void;
}

/** The provincial answers the server allows on this request: 安排 / 建议其他时间 / 拒绝. */
export function InboxActions({ request: r, experts, onChanged }: InboxActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'schedule' | 'propose' | 'decline' | null>(null);
  const action = useAction();
  const act = async (fn: () => Promise<ConsultationRequestView>) => {
    const view = await action.run(fn);
    if (!view) return;
    setOpen(null);
    onChanged(view);
  };
  const offered = (['schedule', 'propose', 'decline'] as const).filter((a) => r.actions.includes(a));
  if (offered.length === 0) return null;
  return (
    <div className="request-card__actions">
      {open === null
        ? offered.map((a) => (
            <button key={a} type="button" className={`button ${a === 'schedule' ? 'button--primary' : 'button--secondary'}`} onClick={() => setOpen(a)} data-testid={`request-${a}`}>
              {t(`requests.inbox.${a}`)}
            </button>
          ))
        : null}
      {open === 'schedule' || open === 'propose' ? (
        <ScheduleForm
          mode={open}
          experts={experts}
          pending={action.pending}
          onSubmit={(body) => void act(() => (open === 'schedule' ? requestApi.schedule(r.id, body) : requestApi.propose(r.id, body)))}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'decline' ? <DeclineForm pending={action.pending} onSubmit={(reason) => void act(() => requestApi.decline(r.id, reason))} onCancel={() => setOpen(null)} /> : null}
      {action.errorCode ? (
        <p className="notice notice--warning" role="alert" data-testid="request-action-error">
          {t(errorMessageKey(action.errorCode))}
        </p>
      ) : null}
    </div>
  );
}
