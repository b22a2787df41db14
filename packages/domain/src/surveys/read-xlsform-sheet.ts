/**
 * Reading the sheets of an XLSForm (https://xlsform.org): which column is which, in which
 * language. Headers are matched as pyxform matches them — any letter case, spaces for
 * underscores, the aliases older forms use (`list name`, `relevance`, `constraint message`) and
 * both `label::English (en)` and the older `label:English`.
 */

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  англійська: 'en',
  английски: 'en',
  angielski: 'en',
  ukrainian: 'uk',
  українська: 'uk',
  украинский: 'uk',
  украински: 'uk',
  ukraiński: 'uk',
  ukrainski: 'uk',
  bulgarian: 'bg',
  български: 'bg',
  болгарська: 'bg',
  bułgarski: 'bg',
  polish: 'pl',
  polski: 'pl',
  польська: 'pl',
  полски: 'pl',
  russian: 'ru',
  русский: 'ru',
  російська: 'ru',
  romanian: 'ro',
  română: 'ro',
  romana: 'ro',
  hungarian: 'hu',
  magyar: 'hu',
  german: 'de',
  deutsch: 'de',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  portuguese: 'pt',
  português: 'pt',
  italian: 'it',
  italiano: 'it',
  turkish: 'tr',
  türkçe: 'tr',
  arabic: 'ar',
  czech: 'cs',
  čeština: 'cs',
  slovak: 'sk',
  slovenčina: 'sk',
  belarusian: 'be',
  беларуская: 'be',
  greek: 'el',
  ελληνικά: 'el',
  serbian: 'sr',
  macedonian: 'mk',
  македонски: 'mk',
  romani: 'rom',
};

/**
 * `English (en)`, `Українська (uk)`, `english`, `uk` → an ISO 639 code. The XLSForm spec asks for
 * `Name (code)`; older forms give the name alone, which is looked up; anything else keeps its
 * own spelling in lower case, so its texts are still kept apart.
 */
export function languageCode(label: string): string {
  const text = label.trim();
  const code = /\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*$/.exec(text);
  if (code) return code[1]!.replace('_', '-').toLowerCase();
  const lower = text.toLowerCase();
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(lower) && !(lower in LANGUAGE_NAMES)) return lower;
  return LANGUAGE_NAMES[lower] ?? lower.replace(/\s+/g, '-');
}

/**
 * The language a user chose for a form's unnamed texts, written as the settings sheet writes
 * `default_language` ("English (en)", "en", "Polski"): its ISO 639 code, or null when the text
 * names no language this can tell.
 */
export function formLanguageCode(text: string): string | null {
  const code = languageCode(text);
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code) ? code : null;
}

/** Columns whose content is translated, as `column::Language (code)` or the older `column:Language`. */
export const TRANSLATED_COLUMNS = new Set(['label', 'hint', 'guidance_hint', 'constraint_message', 'required_message', 'image', 'big-image', 'audio', 'video']);
/** Columns naming a picture, sound or film to show with a label. */
export const MEDIA_COLUMNS = new Set(['image', 'big-image', 'audio', 'video']);

const HEADER_ALIASES: Record<string, string> = {
  caption: 'label',
  list_name: 'list_name',
  relevance: 'relevant',
  readonly: 'read_only',
  constraining_message: 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  requiredmsg: 'required_message',
  calculate: 'calculation',
  command: 'type',
  tag: 'name',
  value: 'name',
  count: 'repeat_count',
  set_form_title: 'form_title',
  set_form_id: 'form_id',
  'jr:count': 'repeat_count',
  choice_filter: 'choice_filter',
};

export type XlsFormColumn = { index: number; base: string; language: string | null };

function parseHeader(cell: string, index: number): XlsFormColumn | null {
  let text = cell.trim();
  if (text === '') return null;
  if (/^media::/i.test(text)) text = text.slice('media::'.length);
  let base = text;
  let language: string | null = null;
  const double = text.indexOf('::');
  if (double >= 0) {
    base = text.slice(0, double);
    language = text.slice(double + 2);
  } else {
    const single = text.indexOf(':');
    const head = single >= 0 ? text.slice(0, single).trim().toLowerCase().replace(/\s+/g, '_') : '';
    if (single >= 0 && TRANSLATED_COLUMNS.has(HEADER_ALIASES[head] ?? head)) {
      base = text.slice(0, single);
      language = text.slice(single + 1);
    }
  }
  base = base.trim().toLowerCase().replace(/\s+/g, '_');
  base = HEADER_ALIASES[base] ?? base;
  // `bind::x`, `body::x`, `instance::x` are attributes of the XForm, not translations.
  if (language !== null && !TRANSLATED_COLUMNS.has(base)) return { index, base: `${base}::${language.trim().toLowerCase()}`, language: null };
  return { index, base, language: language === null || language.trim() === '' ? null : languageCode(language) };
}

/** One sheet of an XLSForm: its rows, with cells looked up by canonical column name and language. */
export class XlsFormSheet {
  readonly columns: XlsFormColumn[];
  constructor(readonly rows: readonly (readonly string[])[]) {
    this.columns = (rows[0] ?? []).map((cell, i) => parseHeader(String(cell ?? ''), i)).filter((c): c is XlsFormColumn => c !== null);
  }
  has(base: string): boolean {
    return this.columns.some((c) => c.base === base);
  }
  /** Languages named in the headers of translated columns, in column order. */
  languages(): string[] {
    return [...new Set(this.columns.filter((c) => c.language !== null).map((c) => c.language!))];
  }
  cell(row: readonly string[], base: string): string {
    const column = this.columns.find((c) => c.base === base && c.language === null);
    return column ? String(row[column.index] ?? '').trim() : '';
  }
  /** A translated cell by language; key null = the column without a language. */
  texts(row: readonly string[], base: string): Map<string | null, string> {
    const texts = new Map<string | null, string>();
    for (const c of this.columns) {
      if (c.base !== base) continue;
      const value = String(row[c.index] ?? '').trim();
      if (value !== '' && !texts.has(c.language)) texts.set(c.language, value);
    }
    return texts;
  }
  isBlank(row: readonly string[]): boolean {
    return row.every((cell) => String(cell ?? '').trim() === '');
  }
}
