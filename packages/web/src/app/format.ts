import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, formatPercent, isLanguage, type TLanguage } from '@potreby/i18n';

export type TFormat = {
  language: TLanguage;
  /** A number with up to `digits` decimals, grouped as the language writes it. */
  number: (value: number | null | undefined, digits?: number) => string;
  /** A share (0.42) as a percentage (42 %). */
  percent: (value: number | null | undefined) => string;
  date: (value: Date | string | null | undefined) => string;
  dateTime: (value: Date | string | null | undefined) => string;
};

const DASH = '—';

/** The current UI language's formatters; missing values print as a dash. */
export function useFormat(): TFormat {
  const { i18n } = useTranslation();
  const language: TLanguage = isLanguage(i18n.language) ? i18n.language : 'en';
  return {
    language,
    number: (v, digits = 0) => (v === null || v === undefined || Number.isNaN(v) ? DASH : formatNumber(language, v, digits)),
    percent: (v) => (v === null || v === undefined || Number.isNaN(v) ? DASH : formatPercent(language, v)),
    date: (v) => (v ? formatDate(language, v) : DASH),
    dateTime: (v) => (v ? formatDateTime(language, v) : DASH),
  };
}
