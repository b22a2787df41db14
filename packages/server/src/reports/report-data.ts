import type { TLanguage } from '@potreby/i18n';
import type { TFunction } from 'i18next';
import type { DocumentServiceType } from './document-text';

/**
 * Everything the assessment's documents show (plan of measures, report with conclusions, social
 * passport), gathered by one query and rendered without further database access. Names of
 * service types are official names; the renderers translate them for readers of other languages.
 */
export type ReportTerritory = { code: string; name: string; nameEn: string | null; level: string; country: 'BG' | 'UA' | 'PL'; parents: string[] /* region, district names, top first */ };
export type ReportData = {
  language: TLanguage;
  generatedOn: string; // ISO date
  assessment: { title: string; periodFrom: string; periodTo: string; year: number; status: string; rulesOfWork: string | null; planApprovedOn: string | null; planDecision: string | null; conclusions: string | null; recommendations: string | null; demo: boolean };
  territory: ReportTerritory;
  members: { name: string; organisation: string; role: string; chair: boolean }[];
  measures: { activity: string; responsible: string; dueDate: string | null; status: 'planned' | 'in_progress' | 'done' | 'cancelled' }[];
  methods: { method: 'questionnaire' | 'interview' | 'focus_group' | 'administrative_data'; description: string | null }[];
  groups: { key: string; name: string; targetRespondents: number; responses: number; population: number | null; populationSource: string | null }[];
  profile: {
    population: { year: number; total: number; how: 'direct' | 'sum_of_parts' | 'apportioned' } | null;
    /** Age bands, women and men (the pyramid), may be empty. */
    ageBands: { ageFrom: number; ageTo: number | null; female: number; male: number }[];
    settlements: number;
    indicators: { indicator: string; year: number; value: number; source: string }[];
  };
  /** `unit`: how the capacity is counted; places and persons a year are never added together. */
  services: { name: string; serviceType: string; serviceTypeName: string; unit: 'places' | 'persons_per_year'; provider: string; settlement: string; capacity: number; users: number | null; waitingList: number | null; demo: boolean }[];
  /**
   * `unit` is the capacity's, `needUnit` the need's (a survey counts persons); when they do not
   * compare one to one (`comparable` false) gap and coverage are null and the report says why.
   */
  gaps: { serviceType: string; serviceTypeName: string; unit: 'places' | 'persons_per_year'; needUnit: 'places' | 'persons_per_year' | 'persons'; comparable: boolean; method: 'normative' | 'observed' | 'survey'; need: number | null; needLow: number | null; needHigh: number | null; capacity: number; gap: number | null; coverage: number | null }[];
  /** Methods that estimate no need for the territory, and why ("no survey results"): said, never shown as 0. */
  noEstimates: { method: 'normative' | 'observed' | 'survey'; missing: 'no_norm' | 'no_target_population' | 'no_survey' | null }[];
  estimates: { serviceType: string; serviceTypeName: string; need: number; needLow: number; needHigh: number; prevalence: number; low: number; high: number; respondents: number; byGroup: { group: string; answered: number; positive: number; prevalence: number; population: number | null }[] }[];
  recipients: { serviceType: string; serviceTypeName: string; potentialNeed: { count: number; of: number; share: number; low: number; high: number } | null; currentSatisfaction: { count: number; of: number; share: number; low: number; high: number } | null }[];
  /** Key questions' frequencies, already small-cell suppressed (count null = hidden). */
  questions: { title: string; respondents: number; items: { text: string; count: number | null; share: number | null }[] }[];
  findings: { method: string; topic: string; group: string | null; text: string; quote: string | null; serviceTypes: string[] }[];
  suppressionThreshold: number;
  /** The country's catalogue, for the names an administrator gave the service types (documents name them so). */
  serviceTypes?: readonly DocumentServiceType[];
  /** The document's words when an administrator has reworded its fixed text (documents/wording.ts); the translation files' otherwise. */
  wording?: TFunction;
};
