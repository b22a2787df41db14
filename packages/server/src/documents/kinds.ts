import type { TCountry } from '@potreby/domain';

/**
 * The official documents potreby writes, by the name the command line and the API use:
 * `<country>.<document>` for a country's own documents, bare for those every country has.
 */
export const OFFICIAL_KINDS = [
  'bg.needs_analysis',
  'bg.planning_proposal',
  'bg.agreement',
  'bg.annual_plan',
  'bg.services_review',
  'ua.needs_report',
  'ua.social_passport',
  'pl.diagnosis',
  'pl.programme',
  'pl.ozps',
  'consultation_report',
  'fiches',
] as const;
export type TOfficialKind = (typeof OFFICIAL_KINDS)[number];

/** The country a document belongs to; null: any country's authority writes it. */
export function kindCountry(kind: TOfficialKind): TCountry | null {
  const prefix = kind.split('.')[0];
  if (prefix === 'bg') return 'BG';
  if (prefix === 'ua') return 'UA';
  if (prefix === 'pl') return 'PL';
  return null;
}

/**
 * The fixed text of each document an administrator may reword per country (headings,
 * paragraphs, signature blocks): translation keys, whose text in the files is the default.
 * Figures, names and tables come from the data and are not editable here.
 */
export const FIXED_TEXT_KEYS: Record<TOfficialKind, readonly string[]> = {
  'bg.needs_analysis': [],
  'bg.planning_proposal': [],
  'bg.agreement': [],
  'bg.annual_plan': [],
  'bg.services_review': [],
  'ua.needs_report': [],
  'ua.social_passport': [],
  'pl.diagnosis': [],
  'pl.programme': [],
  'pl.ozps': [],
  consultation_report: [],
  fiches: [],
};
