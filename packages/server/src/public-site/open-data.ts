import { AppError, csvText } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import type { PublicCount, PublishedPlace } from './published';
import type { TPublicSection } from './publications';

type Cell = string | number | null;
export type OpenRow = Record<string, Cell>;

/** The columns of each open-data table, in order; `municipality` says whose figures a region's file holds. */
export const OPEN_DATA_COLUMNS: Record<TPublicSection, readonly string[]> = {
  services: ['municipality', 'name', 'settlement', 'serviceType', 'capacity', 'unit', 'users', 'waitingList', 'year'],
  gaps: ['municipality', 'serviceType', 'need', 'needUnit', 'capacity', 'capacityUnit', 'gap', 'year'],
  plan: ['municipality', 'round', 'action', 'serviceType', 'capacityChange', 'unit', 'settlement', 'startYear', 'signed'],
  fiches: ['municipality', 'title', 'problems', 'objectives', 'settlements', 'totalCost', 'currency', 'status'],
};

/**
 * A published table's rows, from the same figures the page shows. A small count is the text
 * "fewer than N", as on the page; no estimate is null (never 0). Refused (404, with a message a
 * person reads) when nothing within the place has published the table.
 */
export function openDataRows(published: PublishedPlace, table: TPublicSection, language: TLanguage): OpenRow[] {
  const t = translator(language);
  const parts = published.parts.filter((p) => p.sections[table] !== undefined);
  if (parts.length === 0) throw new AppError('not_found', {}, { detail: t('publicSite.page.notPublished') });
  const count = (c: PublicCount): Cell => (c.fewerThan !== null ? t('publicSite.services.fewerThan', { count: c.fewerThan }) : c.value);
  const yesNo = (b: boolean) => t(b ? 'publicSite.plan.yes' : 'publicSite.plan.no');
  return parts.flatMap((part): OpenRow[] => {
    const municipality = part.territory.name;
    const s = part.sections;
    if (table === 'services') return s.services!.sites.map((x) => ({ municipality, name: x.name, settlement: x.settlement, serviceType: x.serviceType, capacity: x.capacity, unit: x.unit, users: count(x.users), waitingList: count(x.waitingList), year: s.services!.year }));
    if (table === 'gaps') return s.gaps!.rows.map((x) => ({ municipality, serviceType: x.serviceType, need: x.need, needUnit: x.needUnit, capacity: x.capacity, capacityUnit: x.capacityUnit, gap: x.gap, year: s.gaps!.year }));
    if (table === 'plan') return s.plan!.items.map((x) => ({ municipality, round: x.round, action: x.action, serviceType: x.serviceType, capacityChange: x.capacityChange, unit: x.unit, settlement: x.settlement, startYear: x.startYear, signed: yesNo(x.signed) }));
    return s.fiches!.items.map((x) => ({ municipality, title: x.title, problems: x.problems.join('; '), objectives: x.objectives, settlements: x.settlements.join(', '), totalCost: x.totalCost, currency: x.currency, status: x.status }));
  });
}

/** A table as a CSV for people: headers in the reader's language, every text cell neutralised (csvText), BOM for Excel. */
export function openDataCsv(table: TPublicSection, rows: readonly OpenRow[], language: TLanguage): string {
  const t = translator(language);
  const columns = OPEN_DATA_COLUMNS[table];
  const lines = [columns.map((c) => csvText(t(`publicSite.columns.${c}`))).join(',')];
  for (const r of rows) lines.push(columns.map((c) => (typeof r[c] === 'number' ? String(r[c]) : csvText((r[c] as string | null) ?? ''))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
