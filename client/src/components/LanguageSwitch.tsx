import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/useLanguage';

/** Segmented 中文 / English switch; each option is a real button (keyboard and touch friendly). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, languages, setLanguage } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="language-switch__option"
          aria-pressed={lng === language}
          data-testid={`lang-${lng}`}
          onClick={() => setLanguage(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
