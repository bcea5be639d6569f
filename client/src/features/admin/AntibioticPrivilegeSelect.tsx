import { ANTIBIOTIC_GRADES, AntibioticGradeSchema, PRESCRIBER_ROLES, type ManagedUser, type Role } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { useAction } from '../account/use-action';

const prescribes = (role: Role) => (PRESCRIBER_ROLES as readonly Role[]).includes(role);

/** 抗菌药物处方权: the highest grade a prescriber may prescribe, or none; other roles hold none. */
export function AntibioticPrivilegeSelect({ user, onChanged }: { user: ManagedUser; onChanged(user: ManagedUser): void }) {
  const { t } = useTranslation();
  const action = useAction();
  if (!prescribes(user.role)) return <span aria-label={t('admin.users.noPrivilege')}>—</span>;

  async function change(value: string): Promise<void> {
    const grade = value === '' ? null : AntibioticGradeSchema.parse(value);
    const changed = await action.run(() => adminApi.setAntibioticPrivilege(user.id, grade));
    if (changed) onChanged(changed);
  }

  return (
    <>
      <select
        className="field__input"
        value={user.antibioticPrivilege ?? ''}
        onChange={(e) => void change(e.target.value)}
        disabled={action.pending}
        aria-label={t('admin.users.privilegeLabel', { name: user.displayName })}
        data-testid="antibiotic-privilege"
      >
        <option value="">{t('admin.users.privilegeNone')}</option>
        {ANTIBIOTIC_GRADES.map((g) => (
          <option key={g} value={g}>
            {t(`rx.grades.${g}`)}
          </option>
        ))}
      </select>
      {action.errorCode ? <span role="alert">{t(errorMessageKey(action.errorCode))}</span> : null}
    </>
  );
}
