import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { DEFAULT_LANGUAGE, isLanguage, readStoredLanguage, storeLanguage, SUPPORTED_LANGUAGES, type Language } from './language';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Initialises the app-wide i18next instance (zh-CN default, choice persisted in localStorage). */
export function initI18n(): typeof i18next {
  const storage = browserStorage();
  void i18next.use(initReactI18next).init({
    resources,
    lng: readStoredLanguage(storage),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  syncDocumentLanguage(i18next.language);
  i18next.on('languageChanged', (lng) => {
    if (isLanguage(lng)) storeLanguage(storage, lng);
    syncDocumentLanguage(lng);
  });
  return i18next;
}

export function currentLanguage(lng: string | undefined): Language {
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage(lng);
}
