import { OZPS_DECIMALS, ozpsYears, type TOzpsRow, type TOzpsSection, type TOzpsUnit } from '@potreby/domain';
import { formatNumber } from '@potreby/i18n';
import type { TBlock, TTableCell } from '../reports/document-blocks';
import type { TOfficialWords } from './official-words';
import { sitesTable } from './official-tables';
import type { TSiteRow } from './sources';

/** A population figure of a column's year; `year` is the data's own when the nearest known is another year's. */
export type TPopulationCell = { value: number; year: number } | null;
export type TOzpsPopulation = { key: 'populationTotal' | 'women' | 'men' | 'preWorking' | 'working' | 'postWorking'; cells: TPopulationCell[] }[];

export type TOzpsData = {
  year: number;
  rows: TOzpsRow[];
  population: TOzpsPopulation;
  registry: { year: number; sites: TSiteRow[] } | null;
  demo: boolean;
  today: string;
};

/**
 * A Polish gmina's assessment of social-assistance resources (OZPS, art. 16a of the Act on social
 * assistance) for a year: the population, the people and families assisted and the causes, the
 * institutions (the service registry), the staff and the spending, each over the two years before,
 * the year itself and a forecast — every figure in its own unit, "no figure" where none was
 * entered, never a 0 — and the conclusions for the council.
 */
export function ozpsDocument(w: TOfficialWords, data: TOzpsData, unitOf: (type: string) => string): TBlock[] {
  const { t, own } = w;
  const years = ozpsYears(data.year);
  const next = data.year + 1;
  const empty = t('ozps.ui.empty');
  const figure = (unit: TOzpsUnit, value: number | null): TTableCell => {
    if (value === null) return empty;
    return unit === 'pln' ? w.money(value) : formatNumber(w.language, value, value % 1 === 0 ? 0 : OZPS_DECIMALS[unit]);
  };
  const table = (section: TOzpsSection): TBlock => ({
    kind: 'table',
    header: [own('indicator'), own('unit'), ...years.map(String), own('forecastColumn', { year: next })],
    widths: [7, 2.2, 2.4, 2.4, 2.4, 2.6],
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
    size: 'small',
    rows: data.rows
      .filter((r) => r.section === section)
      .map((r) => [t(`ozps.indicators.${r.key}`), t(`ozps.units.${r.unit}`), ...r.values.map((v) => figure(r.unit, v)), r.forecast === null ? t('ozps.ui.noForecast') : figure(r.unit, r.forecast)]),
  });

  /** One indicator over the years and its forecast, as bars in the indicator's unit. */
  const chart = (key: string, title: string): TBlock[] => {
    const row = data.rows.find((r) => r.key === key);
    if (!row || row.values.every((v) => v === null)) return [];
    const bars = [...years.map((y, i) => ({ label: String(y), value: row.values[i] ?? null })), { label: own('forecastColumn', { year: next }), value: row.forecast }];
    return [{ kind: 'chart', title, unit: t(`ozps.units.${row.unit}`), bars: bars.map((b) => ({ ...b, text: b.value === null ? empty : String(figure(row.unit, b.value)) })) }];
  };

  const blocks: TBlock[] = [
    ...w.cover([own('year', { year: data.year }), own('forCouncil', { date: w.date(`${next}-04-30`) }), t('documents.common.preparedOn', { date: w.date(data.today) })], data.demo),
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: own('introduction') },
    { kind: 'paragraph', align: 'justify', runs: [own('intro', { community: w.community, from: years[0], to: years[2], next })] },
    { kind: 'heading', level: 1, text: own('population') },
    { kind: 'paragraph', size: 'small', runs: [own('populationText')] },
    {
      kind: 'table',
      header: [own('indicator'), ...years.map(String)],
      widths: [7, 3, 3, 3],
      align: ['left', 'right', 'right', 'right'],
      size: 'small',
      rows: data.population.map((p) => [own(p.key), ...p.cells.map((c, i) => (c === null ? empty : c.year === years[i] ? w.number(c.value) : own('asOf', { value: w.number(c.value), year: c.year })))]),
    },
    { kind: 'heading', level: 1, text: own('beneficiaries') },
    table('beneficiaries'),
    ...chart('beneficiaries.families', own('chartFamilies')),
    { kind: 'heading', level: 1, text: own('causes') },
    { kind: 'paragraph', size: 'small', runs: [own('causesText')] },
    table('causes'),
    { kind: 'heading', level: 1, text: own('institutions') },
  ];
  if (!data.registry || data.registry.sites.length === 0) blocks.push({ kind: 'paragraph', runs: [t('documents.common.noData')] });
  else blocks.push({ kind: 'paragraph', runs: [own('institutionsText', { registry: data.registry.year })] }, ...sitesTable(w, data.registry.sites, unitOf));
  blocks.push(
    { kind: 'heading', level: 1, text: own('staff') },
    table('staff'),
    { kind: 'heading', level: 1, text: own('spending') },
    table('spending'),
    ...chart('spending.total', own('chartSpending')),
    { kind: 'paragraph', size: 'small', runs: [{ text: own('forecastNote'), italic: true }] },
    { kind: 'heading', level: 1, text: own('conclusions') },
  );
  const families = data.rows.find((r) => r.key === 'beneficiaries.families')?.values ?? [];
  const known = families.flatMap((v, i) => (v === null ? [] : [{ value: v, year: years[i]! }]));
  if (known.length >= 2) {
    const [first, last] = [known[0]!, known[known.length - 1]!];
    blocks.push({ kind: 'paragraph', align: 'justify', runs: [own('trend', { from: w.number(first.value), fromYear: first.year, to: w.number(last.value), toYear: last.year })] });
  }
  blocks.push({ kind: 'paragraph', align: 'justify', runs: [own('conclusionsText')] }, { kind: 'paragraph', runs: [''] }, w.signatures([own('signDirector')]));
  return blocks;
}
