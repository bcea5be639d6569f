import type { RequestOptions } from '@cloudclinic/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';

interface AskedPickerProps {
  options: RequestOptions;
  departmentId: string;
  expertIds: string[];
  onDepartment(id: string): void;
  onExperts(ids: string[]): void;
}

/** Whom the county asks: a provincial department (its experts see the request) and/or named experts. */
export function AskedPicker({ options, departmentId, expertIds, onDepartment, onExperts }: AskedPickerProps) {
  const { t } = useTranslation();
  const english = useLanguage().language === 'en';
  const id = useId();
  const toggle = (expertId: string, on: boolean) => onExperts(on ? [...expertIds, expertId] : expertIds.filter((e) => e !== expertId));
  return (
    <fieldset className="request-form__group">
      <legend>{t('requests.form.asked')}</legend>
      <label className="field__label" htmlFor={`${id}-dept`}>
        {t('requests.form.department')}
      </label>
      <select id={`${id}-dept`} className="field__input" value={departmentId} onChange={(e) => onDepartment(e.target.value)} data-testid="request-department">
        <option value="">{t('requests.form.noDepartment')}</option>
        {options.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.institutionName} · {english ? d.nameEn : d.name}
          </option>
        ))}
      </select>
      <p className="field__label">{t('requests.form.experts')}</p>
      <ul className="request-form__checks">
        {options.experts.map((e) => (
          <li key={e.id}>
            <label>
              <input type="checkbox" checked={expertIds.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} data-testid="request-expert" data-user-id={e.id} />
              {e.displayName}（{e.institutionName}）
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
