import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayKey } from './weekday';
import { Link } from 'react-router';
import { mdtApi } from '../../api/mdt-api';
import { PageHeader } from '../../components/PageHeader';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';
import '../../styles/mdt.css';
import { LoadError } from '../clinic/LoadError';
import { AddCaseForm } from './AddCaseForm';
import { CreateBoardForm } from './CreateBoardForm';

/** `/admin/mdt`: the coordinator's standing MDT boards: create one, file cases on a sitting, open the sittings. */
export function AdminMdtPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const boards = useResource(`boards#${version}`, (signal) => mdtApi.boards(signal));
  return (
    <div className="page clinic-page" data-testid="admin-mdt">
      <PageHeader title={t('mdt.boardsTitle')} intro={t('mdt.boardsIntro')} />
      <p>
        <Link to="/mdt">{t('mdt.listTitle')}</Link>
      </p>
      {boards.errorCode ? <LoadError code={boards.errorCode} onRetry={boards.reload} /> : null}
      <ul className="mdt-list" aria-label={t('mdt.boardsTitle')}>
        {(boards.data ?? []).map((b) => (
          <li key={b.id} data-testid="mdt-board">
            <strong>{b.title}</strong> · {t(weekdayKey(b.weekday))} {b.startTime} · {t('mdt.chair')}：{b.chair.displayName}
            {b.members.length ? ` · ${b.members.map((m) => m.displayName).join('、')}` : ''}
          </li>
        ))}
      </ul>
      <CreateBoardForm onCreated={() => setVersion((v) => v + 1)} />
      {boards.data && boards.data.length > 0 ? <AddCaseForm boards={boards.data} pickInstitution /> : null}
    </div>
  );
}
