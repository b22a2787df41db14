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
    header: ['serviceType', 'method', 'unit', 'need', 'capacity', 'gap', 'coverage'].map((c) => t(`documents.columns.${c}`)),
    widths: [4, 2.5, 2.2, 3.8, 2, 2, 2],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    size: 'small',
    rows: rows.map((g) => [
      text.serviceType(g.serviceType, g.serviceTypeName),
      t(`documents.gapMethod.${g.method}`),
      t(`documents.unit.${g.unit}`),
      g.need === null ? text.none : text.countWithInterval(g.need, g.needLow, g.needHigh),
      text.number(g.capacity),
      g.gap === null ? text.none : g.gap > 0 ? { runs: [text.number(g.gap)], bold: true } : text.number(g.gap),
      g.coverage === null ? text.none : text.percent(g.coverage),
    ]),
  };
}
