import type { ManagedUser } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n/local-name';
import { AntibioticPrivilegeSelect } from './AntibioticPrivilegeSelect';
import { UserActions } from './UserActions';

/** Every account with its role, institution, department, antibiotic privilege, state and actions. */
export function UserTable({ users, onChanged }: { users: readonly ManagedUser[]; onChanged(user: ManagedUser): void }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="admin-table" data-testid="user-table">
      <caption className="sr-only">{t('admin.users.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.users.username')}</th>
          <th scope="col">{t('admin.users.displayName')}</th>
          <th scope="col">{t('admin.users.role')}</th>
          <th scope="col">{t('admin.users.institution')}</th>
          <th scope="col">{t('admin.users.department')}</th>
          <th scope="col">{t('admin.users.privilege')}</th>
          <th scope="col">{t('admin.users.state')}</th>
          <th scope="col">{t('admin.users.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-testid="user-row" data-username={u.username} data-disabled={u.disabled}>
            <td>
              <code>{u.username}</code>
            </td>
            <td>{u.displayName}</td>
            <td>{t(`roles.${u.role}`)}</td>
            <td data-testid="user-institution">{localName(u.institution, i18n.language)}</td>
            <td data-testid="user-department">{u.department ? localName(u.department, i18n.language) : '—'}</td>
            <td>
              <AntibioticPrivilegeSelect user={u} onChanged={onChanged} />
            </td>
            <td data-testid="user-state">{t(u.disabled ? 'admin.users.disabled' : u.lockedUntil ? 'admin.users.locked' : 'admin.users.active')}</td>
            <td>
              <UserActions user={u} onChanged={onChanged} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
