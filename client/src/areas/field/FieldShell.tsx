import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';
import '../../styles/field.css';

/** Mobile-first frame for field doctors on phones and tablets (styles/field.css); renders the matched field page in its main area. */
export function FieldShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="field" areaTitle={t('field.areaTitle')}>
      <Outlet />
    </AppShell>
  );
}
