import i18n, { type BackendModule, type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '../lib/api';
import { de } from './de';

const LANG = 'bildungsnetz.lang';
const stored = (() => {
  try {
    return localStorage.getItem(LANG);
  } catch {
    return null;
  }
})();

/**
 * German travels in the entry bundle; English is a chunk of its own, fetched only when someone chooses
 * it. Until it has arrived, react-i18next suspends the page instead of showing German text.
 */
const loadEnglish: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, done) {
    if (language !== 'en') return done(null, {});
    import('./en').then(
      (m) => done(null, m.en),
      (err: Error) => done(err, null),
    );
  },
};

/** Resolves when the chosen language is there; main.tsx renders only then (no German flash). */
export const i18nReady = i18n
  .use(loadEnglish)
  .use(initReactI18next)
  .init({
    resources: { de: { translation: de } },
    // The bundled German is complete; only languages without resources go through the backend.
    partialBundledLanguages: true,
    supportedLngs: ['de', 'en'],
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

/** A key of the catalogue: `t()` accepts only these, so a typo fails the type check. */
export type MessageKey = ParseKeys;

/**
 * For keys built from server data (an error code, an entity type): the text when the catalogue has
 * one, otherwise null. The one place where a key is not checked by the type.
 */
export function translateKnown(key: string, values?: Record<string, unknown>): string | null {
  if (!i18n.exists(key)) return null;
  const text: unknown = i18n.t(key as MessageKey, values);
  return typeof text === 'string' ? text : null;
}

/** Translates an error by its stable code; falls back to the server's (German) message. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429) {
      const minutes = (err.details as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes;
      return i18n.t('errors.rate_limited', { count: typeof minutes === 'number' ? minutes : 1 });
    }
    // A translation may quote the server's own (German) sentence, which names the details.
    const known = translateKnown(`errors.${err.code}`, { message: err.message });
    if (known !== null) return known;
    if (err.status === 0) return i18n.t('errors.network');
    if (err.message && err.status < 500) return err.message;
    return err.requestId
      ? `${i18n.t('errors.generic')} ${i18n.t('errorPage.reference', { id: err.requestId })}`
      : i18n.t('errors.generic');
  }
  return i18n.t('errors.generic');
}

let workMessages: Promise<void> | null = null;
/** Adds the work programme's German messages (a chunk of their own); English has them in its chunk. */
export function loadModuleMessages(): Promise<void> {
  workMessages ??= import('./modules-de').then(({ deModules }) => {
    i18n.addResourceBundle('de', 'translation', deModules, true, false);
  });
  return workMessages;
}

export default i18n;
