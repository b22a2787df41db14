import i18next, { type i18n, type TFunction } from 'i18next';
import bgCatalogue from './locales/bg/catalogue.json';
import bgServer from './locales/bg/server.json';
import bgUi from './locales/bg/ui.json';
import bgDashboard from './locales/bg/dashboard.json';
import bgSurveys from './locales/bg/surveys.json';
import bgAssessments from './locales/bg/assessments.json';
import bgDocuments from './locales/bg/documents.json';
import bgRounds from './locales/bg/rounds.json';
import bgMeetings from './locales/bg/meetings.json';
import bgPlanning from './locales/bg/planning.json';
import bgReview from './locales/bg/review.json';
import bgAgreement from './locales/bg/agreement.json';
import bgScenarios from './locales/bg/scenarios.json';
import bgPlanImports from './locales/bg/plan-imports.json';
import bgConsultation from './locales/bg/consultation.json';
import bgFiches from './locales/bg/fiches.json';
import bgOfficialDocuments from './locales/bg/official-documents.json';
import bgOzps from './locales/bg/ozps.json';
import bgPublicSite from './locales/bg/publicSite.json';
import enCatalogue from './locales/en/catalogue.json';
import enServer from './locales/en/server.json';
import enUi from './locales/en/ui.json';
import enDashboard from './locales/en/dashboard.json';
import enSurveys from './locales/en/surveys.json';
import enAssessments from './locales/en/assessments.json';
import enDocuments from './locales/en/documents.json';
import enRounds from './locales/en/rounds.json';
import enMeetings from './locales/en/meetings.json';
import enPlanning from './locales/en/planning.json';
import enReview from './locales/en/review.json';
import enAgreement from './locales/en/agreement.json';
import enScenarios from './locales/en/scenarios.json';
import enPlanImports from './locales/en/plan-imports.json';
import enConsultation from './locales/en/consultation.json';
import enFiches from './locales/en/fiches.json';
import enOfficialDocuments from './locales/en/official-documents.json';
import enOzps from './locales/en/ozps.json';
import enPublicSite from './locales/en/publicSite.json';
import plCatalogue from './locales/pl/catalogue.json';
import plServer from './locales/pl/server.json';
import plUi from './locales/pl/ui.json';
import plDashboard from './locales/pl/dashboard.json';
import plSurveys from './locales/pl/surveys.json';
import plAssessments from './locales/pl/assessments.json';
import plDocuments from './locales/pl/documents.json';
import plRounds from './locales/pl/rounds.json';
import plMeetings from './locales/pl/meetings.json';
import plPlanning from './locales/pl/planning.json';
import plReview from './locales/pl/review.json';
import plAgreement from './locales/pl/agreement.json';
import plScenarios from './locales/pl/scenarios.json';
import plPlanImports from './locales/pl/plan-imports.json';
import plConsultation from './locales/pl/consultation.json';
import plFiches from './locales/pl/fiches.json';
import plOfficialDocuments from './locales/pl/official-documents.json';
import plOzps from './locales/pl/ozps.json';
import plPublicSite from './locales/pl/publicSite.json';
import ukCatalogue from './locales/uk/catalogue.json';
import ukServer from './locales/uk/server.json';
import ukUi from './locales/uk/ui.json';
import ukDashboard from './locales/uk/dashboard.json';
import ukSurveys from './locales/uk/surveys.json';
import ukAssessments from './locales/uk/assessments.json';
import ukDocuments from './locales/uk/documents.json';
import ukRounds from './locales/uk/rounds.json';
import ukMeetings from './locales/uk/meetings.json';
import ukPlanning from './locales/uk/planning.json';
import ukReview from './locales/uk/review.json';
import ukAgreement from './locales/uk/agreement.json';
import ukScenarios from './locales/uk/scenarios.json';
import ukPlanImports from './locales/uk/plan-imports.json';
import ukConsultation from './locales/uk/consultation.json';
import ukFiches from './locales/uk/fiches.json';
import ukOfficialDocuments from './locales/uk/official-documents.json';
import ukOzps from './locales/uk/ozps.json';
import ukPublicSite from './locales/uk/publicSite.json';

import { LANGUAGES } from '@potreby/domain';

export { LANGUAGES };
export type TLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: TLanguage = 'en';

/**
 * One namespace per language, kept in three files by area so that screens, server messages and
 * catalogue names can be edited apart: `ui` (the app's shell and most screens), `dashboard` (gap dashboard, map, imports), `server` (errors, import reports, export
 * headers, CLI), `catalogue` (levels, roles, target groups, indicators …). Top-level keys must
 * not repeat between the files; a test checks it.
 */
export const localeFiles = {
  bg: { ui: bgUi, dashboard: bgDashboard, surveys: bgSurveys, assessments: bgAssessments, documents: bgDocuments, rounds: bgRounds, meetings: bgMeetings, planning: bgPlanning, review: bgReview, agreement: bgAgreement, scenarios: bgScenarios, planImports: bgPlanImports, consultation: bgConsultation, fiches: bgFiches, officialDocuments: bgOfficialDocuments, ozps: bgOzps, publicSite: bgPublicSite, server: bgServer, catalogue: bgCatalogue },
  uk: { ui: ukUi, dashboard: ukDashboard, surveys: ukSurveys, assessments: ukAssessments, documents: ukDocuments, rounds: ukRounds, meetings: ukMeetings, planning: ukPlanning, review: ukReview, agreement: ukAgreement, scenarios: ukScenarios, planImports: ukPlanImports, consultation: ukConsultation, fiches: ukFiches, officialDocuments: ukOfficialDocuments, ozps: ukOzps, publicSite: ukPublicSite, server: ukServer, catalogue: ukCatalogue },
  pl: { ui: plUi, dashboard: plDashboard, surveys: plSurveys, assessments: plAssessments, documents: plDocuments, rounds: plRounds, meetings: plMeetings, planning: plPlanning, review: plReview, agreement: plAgreement, scenarios: plScenarios, planImports: plPlanImports, consultation: plConsultation, fiches: plFiches, officialDocuments: plOfficialDocuments, ozps: plOzps, publicSite: plPublicSite, server: plServer, catalogue: plCatalogue },
  en: { ui: enUi, dashboard: enDashboard, surveys: enSurveys, assessments: enAssessments, documents: enDocuments, rounds: enRounds, meetings: enMeetings, planning: enPlanning, review: enReview, agreement: enAgreement, scenarios: enScenarios, planImports: enPlanImports, consultation: enConsultation, fiches: enFiches, officialDocuments: enOfficialDocuments, ozps: enOzps, publicSite: enPublicSite, server: enServer, catalogue: enCatalogue },
} as const;

const merge = (language: keyof typeof localeFiles) => Object.assign({}, ...Object.values(localeFiles[language])) as Record<string, unknown>;

// Marked pure, and given only a language code (an argument reading `localeFiles` would be kept),
// so that a web bundle which does not use `resources` leaves all four languages out
// (the web app fetches one language's files when it needs them: packages/web/src/app/i18n.ts).
export const resources = {
  bg: { translation: /* @__PURE__ */ merge('bg') },
  uk: { translation: /* @__PURE__ */ merge('uk') },
  pl: { translation: /* @__PURE__ */ merge('pl') },
  en: { translation: /* @__PURE__ */ merge('en') },
};

export const isLanguage = (value: unknown): value is TLanguage => LANGUAGES.includes(value as TLanguage);

/** The language of each country's administration, for names and documents. */
export const COUNTRY_LANGUAGE = { BG: 'bg', UA: 'uk', PL: 'pl' } as const satisfies Record<string, TLanguage>;

/** Pick a supported language from an Accept-Language header or a user setting. */
export function pickLanguage(...candidates: (string | null | undefined)[]): TLanguage {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const code = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
      if (isLanguage(code)) return code;
    }
  }
  return DEFAULT_LANGUAGE;
}

const instances = new Map<TLanguage, i18n>();

/**
 * A translator for server-side text (error reports, export headers, CLI messages). Plural
 * forms come from i18next's `_one/_few/_many/_other` keys and the language's Intl.PluralRules.
 */
export function translator(language: TLanguage): TFunction {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({ lng: language, fallbackLng: false, resources, initAsync: false, interpolation: { escapeValue: false } });
    instances.set(language, instance);
  }
  return instance.t;
}

/** Numbers and dates written the way each language writes them. */
export const formatNumber = (language: TLanguage, value: number, digits = 0): string =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);

export const formatPercent = (language: TLanguage, value: number): string =>
  new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(value);

export const formatDate = (language: TLanguage, value: Date | string): string =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium' }).format(typeof value === 'string' ? new Date(value) : value);

export const formatDateTime = (language: TLanguage, value: Date | string): string =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(typeof value === 'string' ? new Date(value) : value);

/**
 * A currency's sign as a reader of the language writes it (€, zł, ₴), for column headers and
 * amounts: Ukrainian's default for a foreign currency is its Latin code ("EUR"). Where the
 * language's data has no sign (Bulgarian for the hryvnia) the sign English uses.
 */
export const currencySign = (language: TLanguage, currency: string): string => {
  const signIn = (lang: TLanguage) => {
    try {
      const parts = new Intl.NumberFormat(locale(lang), { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
      return parts.find((p) => p.type === 'currency')?.value ?? currency;
    } catch {
      return currency; // not a currency code Intl knows
    }
  };
  const own = signIn(language);
  return own === currency ? signIn('en') : own;
};

const LOCALES: Record<TLanguage, string> = { bg: 'bg-BG', uk: 'uk-UA', pl: 'pl-PL', en: 'en-GB' };
export const locale = (language: TLanguage): string => LOCALES[language];
