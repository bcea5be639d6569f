import { CreateUserRequestSchema, ROLES, type ManagedInstitution, type ManagedUser, type Role } from '@cloudclinic/shared';
import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { useAction } from '../account/use-action';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

const EMPTY = { username: '', displayName: '', role: 'expert' as Role, institutionId: '', departmentId: '', qualificationNo: '', password: '' };

/** A new account: username, name, role, institution and department, licence number, initial password. */
export function CreateUserForm({ institutions, onCreated }: { institutions: readonly ManagedInstitution[]; onCreated(user: ManagedUser): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const departments = institutions.find((i) => i.id === form.institutionId)?.departments ?? [];
  const set = (key: keyof typeof EMPTY, value: string) => {
    setForm((f) => ({ ...f, [key]: value, ...(key === 'institutionId' ? { departmentId: '' } : {}) }));
    setInvalid(null);
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = CreateUserRequestSchema.safeParse({
      username: form.username,
      displayName: form.displayName,
      role: form.role,
      institutionId: form.institutionId,
      password: form.password,
      ...(form.departmentId ? { departmentId: form.departmentId } : {}),
      ...(form.qualificationNo.trim() ? { qualificationNo: form.qualificationNo } : {}),
    });
    if (!parsed.success) {
      setInvalid(String(parsed.error.issues[0]?.path[0] ?? 'other'));
      return;
    }
    const created = await action.run(() => adminApi.createUser(parsed.data));
    if (created) {
      setForm(EMPTY);
      onCreated(created);
    }
  }

  const field = (key: keyof typeof EMPTY, label: string, input: ReactNode) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      {input}
    </div>
  );
  const text = (key: keyof typeof EMPTY, extra: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input id={`${id}-${key}`} className="field__input" value={form[key]} onChange={(e) => set(key, e.target.value)} autoComplete="off" data-testid={`new-user-${key}`} {...extra} />
  );

  return (
    <form className="clinic-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="create-user-form">
      <h2 id={`${id}-title`}>{t('admin.users.create')}</h2>
      <div className="clinic-form__grid">
        {field('username', t('admin.users.username'), text('username', { maxLength: 48 }))}
        {field('displayName', t('admin.users.displayName'), text('displayName', { maxLength: 64 }))}
        {field(
          'role',
          t('admin.users.role'),
          <select id={`${id}-role`} className="field__input" value={form.role} onChange={(e) => set('role', e.target.value)} data-testid="new-user-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'institutionId',
          t('admin.users.institution'),
          <select id={`${id}-institutionId`} className="field__input" value={form.institutionId} onChange={(e) => set('institutionId', e.target.value)} data-testid="new-user-institutionId">
            <option value="">{t('admin.publish.choose')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {localName(i, i18n.language)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'departmentId',
          t('admin.users.department'),
          <select id={`${id}-departmentId`} className="field__input" value={form.departmentId} onChange={(e) => set('departmentId', e.target.value)} disabled={departments.length === 0} data-testid="new-user-departmentId">
            <option value="">{t('admin.users.noDepartment')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {localName(d, i18n.language)}
              </option>
            ))}
          </select>,
        )}
        {field('qualificationNo', t('admin.users.qualificationNo'), text('qualificationNo', { maxLength: 32 }))}
        {field('password', t('admin.users.password'), text('password', { type: 'password', autoComplete: 'new-password', 'aria-describedby': `${id}-pw-hint` }))}
      </div>
      <p id={`${id}-pw-hint`} className="field__hint">
        {t('admin.users.passwordRule')}
      </p>
      <p className="clinic-form__error" role="alert" data-testid="create-user-error">
        {invalid ? t(`admin.users.invalid.${invalidKey(invalid)}`) : action.errorCode ? t(errorMessageKey(action.errorCode)) : ''}
      </p>
      <BusyButton busy={action.pending} type="submit" className="button button--primary" data-testid="create-user-submit">
        {action.pending ? t('admin.users.creating') : t('admin.users.createSubmit')}
      </BusyButton>
    </form>
  );
}

function invalidKey(field: string): 'username' | 'displayName' | 'institution' | 'qualificationNo' | 'password' | 'other' {
  if (field === 'username' || field === 'displayName' || field === 'qualificationNo' || field === 'password') return field;
  if (field === 'institutionId') return 'institution';
  return 'other';
}
