import { IMPORT_KINDS, normaliseHeader } from '@potreby/domain';
import { LANGUAGES, resources } from '@potreby/i18n';

let cached: Map<string, string> | null = null;

/**
 * Translated column headers, as potreby's exports write them in each language, mapped to the
 * canonical column names. An export edited in a spreadsheet can be imported back in any language.
 */
export function headerAliases(): ReadonlyMap<string, string> {
  if (cached) return cached;
  cached = new Map();
  for (const language of LANGUAGES) {
    const columns = (resources[language].translation as { columns?: Record<string, Record<string, string>> }).columns ?? {};
    // Only the importable tables: other exports (gaps, audit…) may reuse a label for another column.
    for (const kind of IMPORT_KINDS) {
      for (const [canonical, label] of Object.entries(columns[kind] ?? {})) cached.set(normaliseHeader(label), canonical);
    }
  }
  return cached;
}
