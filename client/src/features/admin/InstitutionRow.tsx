import { UpdateInstitutionRequestSchema, type ManagedInstitution } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { localName } from '../../i18n/local-name';
import { useAction } from '../account/use-action';
import { BusyButton } from '../../components/BusyButton';

/** One institution: code, kind, names (editable), departments, number of accounts. */
export function InstitutionRow({ institution: i, onChanged }: { institution: ManagedInstitution; onChanged(i: ManagedInstitution): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(i.name);
  const [nameEn, setNameEn] = useState(i.nameEn);
  const [invalid, setInvalid] = useState(false);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = UpdateInstitutionRequestSchema.safeParse({ ...(name !== i.name ? { name } : {}), ...(nameEn !== i.nameEn ? { nameEn } : {}) });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    const saved = await action.run(() => adminApi.updateInstitution(i.id, parsed.data));
    if (saved) {
      setEditing(false);
      onChanged(saved);
    }
  }

  return (
    <tr data-testid="institution-row" data-code={i.code}>
      <td>
        <code>{i.code}</code>
      </td>
      <td>{t(`admin.institutions.kind.${i.kind}`)}</td>
      <td colSpan={editing ? 2 : 1}>
        {editing ? (
          <form className="institution-edit" onSubmit={(e) => void save(e)} noValidate>
            <label htmlFor={`${id}-name`}>{t('admin.institutions.name')}</label>
            <input id={`${id}-name`} className="field__input" value={name} maxLength={64} onChange={(e) => {
                setName(e.target.value);
                setInvalid(false);
              }} data-testid="institution-name" />
            <label htmlFor={`${id}-en`}>{t('admin.institutions.nameEn')}</label>
            <input id={`${id}-en`} className="field__input" value={nameEn} maxLength={128} onChange={(e) => {
                setNameEn(e.target.value);
                setInvalid(false);
              }} data-testid="institution-name-en" />
            <BusyButton busy={action.pending} type="submit" className="button button--primary clinic-button--small" data-testid="institution-save">
              {t('admin.institutions.save')}
            </BusyButton>
            <button type="button" className="button button--secondary clinic-button--small" onClick={() => setEditing(false)}>
              {t('admin.institutions.cancel')}
            </button>
            <span role="alert" data-testid="institution-error">
              {invalid ? t('admin.institutions.invalid') : action.errorCode ? t(errorMessageKey(action.errorCode)) : ''}
            </span>
          </form>
        ) : (
          <span data-testid="institution-display-name">{localName(i, i18n.language)}</span>
        )}
      </td>
      {editing ? null : <td lang="en">{i.nameEn}</td>}
      <td>{i.departments.map((d) => localName(d, i18n.language)).join('、') || '—'}</td>
      <td>{i.userCount}</td>
      <td>
        {editing ? null : (
          <button type="button" className="button button--secondary clinic-button--small" onClick={() => setEditing(true)} aria-label={t('admin.institutions.editLabel', { name: i.name })} data-testid="institution-edit">
            {t('admin.institutions.edit')}
          </button>
        )}
      </td>
    </tr>
  );
}
