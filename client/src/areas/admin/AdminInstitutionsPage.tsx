import type { ManagedInstitution } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { PageHeader } from '../../components/PageHeader';
import { InstitutionRow } from '../../features/admin/InstitutionRow';
import { LoadError } from '../../features/clinic/LoadError';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';
import '../../styles/admin-manage.css';

/** `/admin/institutions`: hospitals, health centres and mobile clinics; their Chinese and English names are edited here. */
export function AdminInstitutionsPage() {
  const { t } = useTranslation();
  const list = useResource('institutions', (signal) => adminApi.institutions(signal));
  const [changed, setChanged] = useState<Record<string, ManagedInstitution>>({});
  const rows = list.data?.map((i) => changed[i.id] ?? i) ?? null;
  return (
    <div className="page clinic-page admin-manage" data-testid="admin-institutions">
      <nav aria-label={t('admin.audit.nav')}>
        <Link to="/admin">← {t('admin.audit.back')}</Link>
      </nav>
      <PageHeader title={t('admin.institutions.title')} intro={t('admin.institutions.intro')} />
      {list.loading && !rows ? <p role="status">{t('clinic.loading')}</p> : null}
      {list.errorCode ? <LoadError code={list.errorCode} onRetry={list.reload} /> : null}
      {rows?.length === 0 ? <p className="notice">{t('admin.institutions.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="admin-table" data-testid="institution-table">
          <caption className="sr-only">{t('admin.institutions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.institutions.code')}</th>
              <th scope="col">{t('admin.institutions.kindLabel')}</th>
              <th scope="col">{t('admin.institutions.name')}</th>
              <th scope="col">{t('admin.institutions.nameEn')}</th>
              <th scope="col">{t('admin.institutions.departments')}</th>
              <th scope="col">{t('admin.institutions.users')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <InstitutionRow key={i.id} institution={i} onChanged={(saved) => setChanged((c) => ({ ...c, [saved.id]: saved }))} />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
