import { useTranslation } from 'react-i18next';
import { Outlet, useMatch } from 'react-router';
import { AppShell } from '../../components/AppShell';
import '../../styles/field.css';

/** Mobile-first frame for field doctors on phones and tablets (styles/field.css); renders the matched field page in its main area, under a slim header during a call. */
export function FieldShell() {
  const { t } = useTranslation();
  const inCall = useMatch('/field/consultations/:id') !== null;
  return (
    <AppShell variant="field" areaTitle={t('field.areaTitle')} compact={inCall}>
      <Outlet />
    </AppShell>
  );
}
