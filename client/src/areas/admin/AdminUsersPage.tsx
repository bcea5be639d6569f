import type { ManagedUser } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { PageHeader } from '../../components/PageHeader';
import { CreateUserForm } from '../../features/admin/CreateUserForm';
import { UserTable } from '../../features/admin/UserTable';
import { LoadError } from '../../features/clinic/LoadError';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';
import '../../styles/admin-manage.css';

/** `/admin/users`: accounts with role and institution; create, disable / enable, reset password, antibiotic privilege. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [changed, setChanged] = useState<Record<string, ManagedUser>>({});
  const users = useResource(`users#${version}`, (signal) => adminApi.users(signal));
  const institutions = useResource('institutions', (signal) => adminApi.institutions(signal));
  const rows = users.data?.map((u) => changed[u.id] ?? u) ?? null;
  const onChanged = (u: ManagedUser) => setChanged((c) => ({ ...c, [u.id]: u }));

  return (
    <div className="page clinic-page admin-manage" data-testid="admin-users">
      <nav aria-label={t('admin.audit.nav')}>
        <Link to="/admin">← {t('admin.audit.back')}</Link>
      </nav>
      <PageHeader title={t('admin.users.title')} intro={t('admin.users.intro')} />
      {institutions.data ? (
        <CreateUserForm
          institutions={institutions.data}
          onCreated={() => {
            setChanged({});
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
      {institutions.errorCode ? <LoadError code={institutions.errorCode} onRetry={institutions.reload} /> : null}
      {users.loading && !rows ? <p role="status">{t('clinic.loading')}</p> : null}
      {users.errorCode ? <LoadError code={users.errorCode} onRetry={users.reload} /> : null}
      {rows?.length === 0 ? <p className="notice">{t('admin.users.none')}</p> : null}
      {rows && rows.length > 0 ? <UserTable users={rows} onChanged={onChanged} /> : null}
    </div>
  );
}
