import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type TLanguage } from '@potreby/i18n';

const STORAGE_KEY = 'potreby.language';

/** The language chosen before (this browser), else the browser's own, else English. */
export function initialLanguage(): TLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const l of navigator.languages ?? []) {
    const code = l.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberLanguage(language: TLanguage) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/**
 * The translation files, each its own download, fetched for one language when it is first
 * needed (issue 7: phones on slow connections): a visitor downloads one language, not four.
 * The server keeps reading all of them from @potreby/i18n.
 */
// Their addresses, not their contents: each is fetched as a file of its own (precompressed, cached
// for good). names.ts imports two parts of some of them into its code; a file both imported
// and fetched as code would be bundled whole, in all languages, into names' download.
// Eager: the addresses are a few bytes each, and a lazy one would cost a round trip more.
const FILES = import.meta.glob<string>('../../../i18n/src/locales/*/*.json', { import: 'default', query: '?url', eager: true });

/**
 * The public questionnaire uses only its own words (`publicForm` in `surveys`); its respondents
 * do not download the officers' screens' texts, nor the shell's (it is drawn without the shell,
 * main.tsx). It links to no other screen.
 */
const PUBLIC_FORM_FILES = ['surveys'];
const onPublicForm = () => /^\/f\//.test(window.location.pathname);

async function loadTranslations(language: string): Promise<Record<string, unknown>> {
  const wanted = Object.entries(FILES).filter(([path]) => {
    const [, lng, file] = /\/locales\/([^/]+)\/([^/]+)\.json(?:\?.*)?$/.exec(path) ?? [];
    return lng === language && (!onPublicForm() || PUBLIC_FORM_FILES.includes(file!));
  });
  if (!wanted.length) throw new Error(`no translations for ${language}`);
  // One namespace, as on the server: the files' top-level keys do not repeat.
  const files = await Promise.all(
    wanted.map(async ([, address]) => {
      const response = await fetch(address);
      if (!response.ok) throw new Error(`translations ${language}: ${response.status}`);
      return (await response.json()) as Record<string, unknown>;
    }),
  );
  return Object.assign({}, ...files);
}

const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    loadTranslations(language).then(
      (data) => callback(null, data),
      (error: Error) => callback(error, false),
    );
  },
};

/**
 * Resolves once the current language's words are there: the app is drawn only then, so no
 * screen shows raw keys. Changing the language (i18next's changeLanguage) fetches the new one
 * before switching.
 */
const first = initialLanguage();
export const translationsReady = i18next
  .use(backend)
  .use(initReactI18next)
  .init({
    lng: first,
    supportedLngs: [...LANGUAGES],
    fallbackLng: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Words of another language fetched later (below) redraw the screens that use them.
    react: { bindI18nStore: 'added' },
  })
  .then(
    () => undefined,
    () => undefined,
  );
// Set now: i18next names its language only once the words are there.
document.documentElement.lang = first;

/**
 * `getFixedT(language)` for a language whose words are not here yet (the public questionnaire
 * in another language than the page's, a catalogue name in each language): they are fetched,
 * and until they arrive the page's own language stands in, never a raw key. The function
 * returned reads the language at each call, so a screen that keeps it is right once it redraws.
 */
const fixedT = i18next.getFixedT.bind(i18next);
i18next.getFixedT = ((lng: unknown, ...rest: unknown[]) => {
  const fixed = (fixedT as (...a: unknown[]) => ReturnType<typeof fixedT>)(lng, ...rest);
  if (typeof lng !== 'string' || !isLanguage(lng) || i18next.hasResourceBundle(lng, 'translation')) return fixed;
  void i18next.loadLanguages(lng);
  const standIn = (fixedT as (...a: unknown[]) => ReturnType<typeof fixedT>)(i18next.language, ...rest);
  return Object.assign((...args: Parameters<typeof fixed>) => (i18next.hasResourceBundle(lng, 'translation') ? fixed : standIn)(...args), fixed);
}) as typeof i18next.getFixedT;

export default i18next;
