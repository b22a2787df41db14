import { localeFiles, resources } from '@potreby/i18n';
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

/** The string texts of one part of `documents.json` (English, whose keys every language has), as full keys; `fileName` is not text of the document. */
function textsOf(part: keyof (typeof localeFiles)['en']['documents']['documents'], prefix = `documents.${part}`): string[] {
  const texts = localeFiles.en.documents.documents[part] as Record<string, unknown>;
  return Object.entries(texts)
    .filter(([key, value]) => typeof value === 'string' && key !== 'fileName' && !/_(one|few|many|other)$/.test(key))
    .map(([key]) => `${prefix}.${key}`);
}

/** The string texts under a key of the English files (any file), as full keys; file names and plural forms are not text of a document. */
function textsUnder(prefix: string): string[] {
  let node: unknown = resources.en.translation;
  for (const part of prefix.split('.')) node = (node as Record<string, unknown>)[part];
  return Object.entries(node as Record<string, unknown>)
    .filter(([key, value]) => typeof value === 'string' && !/file$|fileName$|^sheet$/i.test(key) && !/_(one|few|many|other)$/.test(key))
    .map(([key]) => `${prefix}.${key}`);
}

/**
 * The fixed text of each document an administrator may reword per country (headings,
 * paragraphs, the legal basis, signature lines): translation keys, whose text in the files is the
 * default. Figures, names and tables come from the data and are not editable here.
 */
export const FIXED_TEXT_KEYS: Record<TOfficialKind, readonly string[]> = {
  'bg.needs_analysis': textsOf('needsAnalysis'),
  'bg.planning_proposal': textsOf('planningProposal'),
  'bg.agreement': textsUnder('agreement.document'),
  'bg.annual_plan': textsOf('annualPlan'),
  'bg.services_review': textsUnder('review.document'),
  'ua.needs_report': [...textsOf('report'), 'documents.common.basis.UA'],
  'ua.social_passport': [...textsOf('passport'), 'documents.common.basis.UA'],
  'pl.diagnosis': textsOf('diagnosis'),
  'pl.programme': textsOf('programme'),
  'pl.ozps': textsOf('ozps'),
  consultation_report: textsUnder('consultation.report'),
  fiches: textsUnder('fiches.document'),
};
