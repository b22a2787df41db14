import { translator, type TLanguage } from '@potreby/i18n';

/**
 * A column's header in a language, as exports write it and imports accept it back; a column
 * without a translation (a register's own header, e.g. TERC's `RODZ`) keeps its name.
 */
export const columnLabel = (language: TLanguage, table: string, column: string): string =>
  translator(language)(`columns.${table}.${column}`, { defaultValue: column });
