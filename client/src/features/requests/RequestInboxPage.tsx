import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import '../../styles/clinic.css';
import '../../styles/requests.css';
import { RequestInbox } from './RequestInbox';

/** 会诊申请 page of the provincial side (coordinator and experts): the live inbox. */
export function RequestInboxPage({ consultationLink }: { consultationLink?: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="page clinic-page" data-testid="request-inbox-page">
      <PageHeader title={t('requests.inbox.pageTitle')} intro={t('requests.inbox.pageIntro')} />
      <RequestInbox {...(consultationLink ? { consultationLink } : {})} />
    </div>
  );
}
