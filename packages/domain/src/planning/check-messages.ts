import type { LANGUAGES } from '../accounts/account';
import type { PlanCheck } from './proposal';

/**
 * A plan check's sentence in the reader's language. The domain has no translations of its own
 * (as with errors, translated at the edge): the caller passes the translator of its language —
 * `translator(lang)` from @potreby/i18n on the server, i18next's `t` in the browser — and the
 * names of the municipalities, service types and tasks in that language. The sentences are the
 * `planChecks.*` keys of locales/{bg,uk,pl,en}/server.json, with plural forms per language.
 */

type TLanguage = (typeof LANGUAGES)[number];

/** A translation function (i18next's `t`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Names in the reader's language; an unknown name falls back to a neutral "№ id". */
export type CheckNames = {
  municipality?: (id: number) => string | undefined;
  serviceType?: (key: string) => string | undefined;
  /** A stage's name, by the stage's id. */
  task?: (id: number) => string | undefined;
  /** A task's title and the date of the meeting whose decision it carries out (null: added by hand), by the task's id. */
  meetingTask?: (id: number) => { title: string; meetingDate: string | null } | undefined;
  /** ISO 4217 currency of the round's country (BGN, EUR, UAH, PLN); amounts are plain numbers without it. */
  currency?: string;
};

const LOCALES: Record<TLanguage, string> = { bg: 'bg-BG', uk: 'uk-UA', pl: 'pl-PL', en: 'en-GB' };

/** A number as the reader's language writes it, at most one decimal (as the checks round). */
export const formatCheckNumber = (lang: TLanguage, value: number): string =>
  new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value);

/** An ISO date as the reader's language writes it in a sentence: "10 март 2026 г.", "10 March 2026". */
const formatLongDate = (lang: TLanguage, iso: string): string =>
  new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const formatMoney = (lang: TLanguage, value: number, currency: string | undefined): string => {
  if (currency) {
    // The sign (€, zł, ₴): Ukrainian's default for a foreign currency is its Latin code ("EUR").
    try {
      return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(value);
    } catch {
      // an unknown currency code: the plain number below
    }
  }
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
};

/** The sentence of one finding. */
export function checkMessage(check: PlanCheck, lang: TLanguage, names: CheckNames, t: Translate): string {
  const number = (x: number) => formatCheckNumber(lang, x);
  const unitKey = check.unit ?? 'places';
  /** "8,5 места": the amount with its unit in the right plural form. */
  const amount = (x: number) => t(`planChecks.amount.${unitKey}`, { count: Math.abs(x), value: number(x) });
  const municipality = check.municipalityId === null ? '' : (names.municipality?.(check.municipalityId) ?? `№ ${check.municipalityId}`);
  const serviceType = check.serviceType === null ? '' : (names.serviceType?.(check.serviceType) ?? check.serviceType);
  const base = { municipality, serviceType, interpolation: { escapeValue: false } };
  switch (check.check) {
    case 'unaddressed_gap':
    case 'uncertain_gap':
      return t(`planChecks.${check.check}`, { ...base, gap: amount(check.value), limit: amount(check.limit) });
    case 'no_need':
      return check.value < 0
        ? t('planChecks.no_need_surplus', { ...base, surplus: amount(-check.value) })
        : t('planChecks.no_need_met', base);
    case 'above_ceiling':
      return t('planChecks.above_ceiling', { ...base, value: amount(check.value), limit: amount(check.limit) });
    case 'over_budget': {
      const which = `${check.municipalityId === null ? 'round' : 'municipality'}${check.fundingSource ? '_source' : ''}`;
      const fundingSource = check.fundingSource ? t(`planChecks.fundingSource.${check.fundingSource}`) : '';
      return t(`planChecks.over_budget_${which}`, {
        ...base,
        fundingSource,
        value: formatMoney(lang, check.value, names.currency),
        limit: formatMoney(lang, check.limit, names.currency),
      });
    }
    case 'low_diversity':
      return t('planChecks.low_diversity', {
        ...base,
        types: t('planChecks.serviceTypes', { count: check.value, value: number(check.value) }),
        limit: number(check.limit),
      });
    case 'overdue': {
      const days = t('planChecks.days', { count: check.value, value: number(check.value) });
      const where = check.municipalityId === null ? '' : '_municipality';
      if (check.taskId !== null && check.taskKind === 'task') {
        // "Task «…» of the meeting of 10 March 2026": a task is not a stage of the template.
        const found = names.meetingTask?.(check.taskId);
        const task = found?.title ?? `№ ${check.taskId}`;
        if (!found?.meetingDate) return t(`planChecks.overdue_task${where}`, { ...base, task, days });
        return t(`planChecks.overdue_meeting_task${where}`, { ...base, task, days, date: formatLongDate(lang, found.meetingDate) });
      }
      const task = check.taskId === null ? '' : (names.task?.(check.taskId) ?? `№ ${check.taskId}`);
      return t(`planChecks.overdue${where}`, { ...base, task, days });
    }
  }
}
