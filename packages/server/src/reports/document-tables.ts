import type { TBlock } from './document-blocks';
import type { TDocumentText } from './document-text';
import type { ReportData } from './report-data';

/** Tables and sentences that the report and the passport share. */

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export const noData = (text: TDocumentText): TBlock => ({ kind: 'paragraph', runs: [{ text: text.t('documents.common.noData'), italic: true }] });
export const suppressedNote = (text: TDocumentText): TBlock => ({ kind: 'paragraph', size: 'small', runs: [text.suppressedNote] });

/** "0–9", "80+": an age band as a table row names it. */
const ageLabel = (text: TDocumentText, band: { ageFrom: number; ageTo: number | null }) =>
  band.ageTo === null ? `${text.number(band.ageFrom)}+` : `${text.number(band.ageFrom)}–${text.number(band.ageTo)}`;

/** The age structure as a chart of people by band (one unit: persons), after its table. */
export function ageChart(text: TDocumentText, bands: ReportData['profile']['ageBands']): TBlock {
  return {
    kind: 'chart',
    title: text.t('documents.report.ageChart'),
    unit: text.t('documents.unit.persons'),
    bars: bands.map((b) => ({ label: ageLabel(text, b), value: b.female + b.male, text: text.number(b.female + b.male) })),
  };
}

/** The age structure: women, men, together and each band's share of everyone. */
export function ageTable(text: TDocumentText, bands: ReportData['profile']['ageBands']): TBlock {
  const { t } = text;
  const everyone = sum(bands.map((b) => b.female + b.male));
  const share = (n: number) => (everyone > 0 ? text.percent(n / everyone) : text.none);
  return {
    kind: 'table',
    header: [t('documents.columns.age'), t('documents.columns.women'), t('documents.columns.men'), t('documents.common.total'), t('documents.columns.share')],
    widths: [3, 3, 3, 3, 2],
    align: ['left', 'right', 'right', 'right', 'right'],
    rows: bands.map((b) => [ageLabel(text, b), text.number(b.female), text.number(b.male), text.number(b.female + b.male), share(b.female + b.male)]),
    total: [t('documents.common.total'), text.number(sum(bands.map((b) => b.female))), text.number(sum(bands.map((b) => b.male))), text.number(everyone), share(everyone)],
  };
}

export function populationSentence(text: TDocumentText, data: ReportData): string {
  const population = data.profile.population;
  if (!population) return text.t('documents.report.noPopulation');
  return text.t('documents.report.populationText', {
    year: String(population.year),
    total: text.number(population.total),
    how: text.t(`populationHow.${population.how}`, { defaultValue: population.how }),
  });
}

export function indicatorsTable(text: TDocumentText, data: ReportData): TBlock {
  const { t } = text;
  if (data.profile.indicators.length === 0) return noData(text);
  return {
    kind: 'table',
    header: ['indicator', 'year', 'value', 'source'].map((c) => t(`documents.columns.${c}`)),
    widths: [6, 1.5, 2, 6],
    align: ['left', 'left', 'right', 'left'],
    rows: data.profile.indicators.map((i) => [text.indicator(i.indicator), String(i.year), text.number(i.value, 1), i.source]),
  };
}

const METHOD_ORDER = ['normative', 'observed', 'survey'];
const UNIT_ORDER = ['places', 'persons_per_year', 'persons'];

/**
 * Amounts summed per unit, never across units: "places: 120; persons per year: 300". Places at
 * one time and persons served in a year are different quantities.
 */
export function perUnit(text: TDocumentText, items: readonly { unit: string; value: number }[]): string {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.unit, (sums.get(i.unit) ?? 0) + i.value);
  if (sums.size === 0) return text.none;
  return [...sums.entries()]
    .sort(([a], [b]) => UNIT_ORDER.indexOf(a) - UNIT_ORDER.indexOf(b))
    .map(([unit, value]) => `${text.t(`documents.unit.${unit}`)}: ${text.number(value)}`)
    .join('; ');
}

/** The unit of a gap row: one when need and capacity share it, else each named. */
const gapUnit = (text: TDocumentText, g: ReportData['gaps'][number]) =>
  g.needUnit === g.unit
    ? text.t(`documents.unit.${g.unit}`)
    : text.t('documents.report.unitsApart', { need: text.t(`documents.unit.${g.needUnit}`), capacity: text.t(`documents.unit.${g.unit}`) });

/**
 * What the reader must know to read the gap table: a survey's persons do not compare with places
 * one to one (and how to read them), and which methods give no estimate here, with why.
 */
export function gapNotes(text: TDocumentText, data: Pick<ReportData, 'gaps' | 'noEstimates'>): TBlock[] {
  const { t } = text;
  const blocks: TBlock[] = [];
  if (data.gaps.some((g) => !g.comparable)) blocks.push({ kind: 'paragraph', size: 'small', align: 'justify', runs: [t('documents.report.notComparableNote')] });
  for (const n of data.noEstimates) {
    const reason = n.missing ? t(`documents.report.noEstimateWhy.${n.missing}`) : t('documents.common.noData');
    blocks.push({ kind: 'paragraph', size: 'small', runs: [t('documents.report.noEstimate', { method: t(`documents.gapMethod.${n.method}`), reason })] });
  }
  return blocks;
}

/** Need against capacity: the need with its interval when it has one, the gap (positive = shortage) and the coverage. */
export function gapsTable(text: TDocumentText, gaps: ReportData['gaps'], options: { sort?: boolean } = {}): TBlock {
  const { t } = text;
  const rows =
    options.sort === false
      ? gaps
      : [...gaps].sort(
          (a, b) =>
            text.serviceType(a.serviceType, a.serviceTypeName).localeCompare(text.serviceType(b.serviceType, b.serviceTypeName), text.language) ||
            METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
        );
  return {
    kind: 'table',
    header: ['serviceType', 'method', 'unit', 'needAny', 'capacity', 'gap', 'coverage'].map((c) => t(`documents.columns.${c}`)),
    widths: [4, 2.5, 2.2, 3.8, 2, 2, 2],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    size: 'small',
    rows: rows.map((g) => [
      text.serviceType(g.serviceType, g.serviceTypeName),
      t(`documents.gapMethod.${g.method}`),
      gapUnit(text, g),
      g.need === null ? text.none : text.countWithInterval(g.need, g.needLow, g.needHigh),
      text.number(g.capacity),
      // Persons against places: no gap and no coverage pretending that they compare (see gapNotes).
      !g.comparable ? t('documents.common.notComparable') : g.gap === null ? text.none : g.gap > 0 ? { runs: [text.number(g.gap)], bold: true } : text.number(g.gap),
      !g.comparable ? t('documents.common.notComparable') : g.coverage === null ? text.none : text.percent(g.coverage),
    ]),
  };
}
