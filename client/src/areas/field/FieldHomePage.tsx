import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { FieldConsultationList } from '../../features/field/FieldConsultationList';
import { StartFieldConsultation } from '../../features/field/StartFieldConsultation';
import '../../styles/field-room.css';

/** Field doctor home: rejoin a live consultation, open one with an invitation link, or call a receiving expert (上车即入院). */
export function FieldHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [link, setLink] = useState('');

  function openLink(e: FormEvent): void {
    e.preventDefault();
    const match = /[?&]t=([^&#\s]+)/.exec(link.trim());
    const token = match?.[1] ? decodeURIComponent(match[1]) : link.trim();
    void navigate(`/field/join?t=${encodeURIComponent(token)}`);
  }

  return (
    <div className="page field-home" data-testid="field-home">
      <PageHeader title={t('field.homeTitle')} intro={t('field.homeIntro')} />
      <FieldConsultationList linkTo={(id) => `/field/consultations/${encodeURIComponent(id)}`} />
      <form className="field-card" onSubmit={openLink}>
        <h2>{t('fieldJoin.title')}</h2>
        <p className="field-card__intro">{t('fieldJoin.intro')}</p>
        <input value={link} onChange={(e) => setLink(e.target.value)} placeholder={t('fieldJoin.placeholder')} aria-label={t('fieldJoin.placeholder')} />
        <button type="submit" className="button field-button--big" disabled={!link.trim()}>
          {t('fieldJoin.submit')}
        </button>
      </form>
      <StartFieldConsultation />
    </div>
  );
}
