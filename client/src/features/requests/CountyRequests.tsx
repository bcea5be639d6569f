import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestApi } from '../../api/request-api';
import { useResource } from '../../hooks/clinic/useResource';
import { useRequestList } from '../../hooks/requests/useRequestList';
import { LoadError } from '../clinic/LoadError';
import '../../styles/requests.css';
import { FileRequestForm } from './FileRequestForm';
import { MyRequests } from './MyRequests';

/** The county home's 远程会诊 part: 发起远程会诊 (a form opened on demand) and 我的申请, live. */
export function CountyRequests() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const live = useRequestList();
  const options = useResource(open ? 'options' : null, (signal) => requestApi.options(signal));
  return (
    <div className="county-requests">
      <button type="button" className="button button--primary" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="request-new">
        {open ? t('requests.form.close') : t('requests.form.open')}
      </button>
      {open && options.loading ? <p role="status">{t('clinic.loading')}</p> : null}
      {open && options.errorCode ? <LoadError code={options.errorCode} onRetry={options.reload} /> : null}
      {open && options.data ? (
        <FileRequestForm
          options={options.data}
          onFiled={(r) => {
            live.update(r);
            setOpen(false);
          }}
        />
      ) : null}
      <MyRequests live={live} />
    </div>
  );
}
