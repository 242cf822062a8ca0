import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '../lib/api';
import { de } from './de';
import { en } from './en';

const LANG = 'bildungsnetz.lang';
const stored = (() => {
  try {
    return localStorage.getItem(LANG);
  } catch {
    return null;
  }
})();

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANG, lng);
  } catch {
    /* ignore */
  }
});
document.documentElement.lang = i18n.language;

/** Translates an error by its stable code; falls back to the server's (German) message. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    // A translation may quote the server's own (German) sentence, which names the details.
    if (i18n.exists(key) && typeof i18n.t(key) === 'string') return i18n.t(key, { message: err.message });
    if (err.status === 429) return i18n.t('errors.rate_limited');
    if (err.status === 0) return i18n.t('errors.network');
    if (err.message && err.status < 500) return err.message;
    return err.requestId
      ? `${i18n.t('errors.generic')} ${i18n.t('errorPage.reference', { id: err.requestId })}`
      : i18n.t('errors.generic');
  }
  return i18n.t('errors.generic');
}

export default i18n;
