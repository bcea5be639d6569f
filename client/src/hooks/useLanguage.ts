import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { SUPPORTED_LANGUAGES, type Language } from '../i18n/language';

export interface UseLanguage {
  language: Language;
  languages: readonly Language[];
  /** Switches the UI language; the choice is saved in localStorage. */
  setLanguage(language: Language): void;
}

export function useLanguage(): UseLanguage {
  const { i18n } = useTranslation();
  const setLanguage = useCallback((language: Language) => void i18n.changeLanguage(language), [i18n]);
  return { language: currentLanguage(i18n.resolvedLanguage ?? i18n.language), languages: SUPPORTED_LANGUAGES, setLanguage };
}
