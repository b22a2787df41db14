import type { TBlock, TDocument, TTableCell } from './document-blocks';
import { documentText, type TDocumentText } from './document-text';
import { ageChart, ageTable, gapNotes, gapsTable, indicatorsTable, noData, perUnit, populationSentence } from './document-tables';
import type { ReportData } from './report-data';
import { chairOf, titleBlocks } from './title-page';
import { writeDocx } from './write-docx';
import { writePdf } from './write-pdf';

/** The passport shows at most this many gaps: the largest shortages. */
const TOP_GAPS = 5;
/** Where the passport's broad age groups begin (children, young adults, middle age, older, oldest). */
const BROAD_AGE_STARTS = [0, 18, 35, 60, 80];

/**
 * The community's social passport (Ukraine's procedure, Order No. 130-Н of 19.04.2023, has the
 * working group draft it; oblasts aggregate the passports of their hromadas): a summary of two to
 * three pages — who the community is, its people, key indicators, the services it has and the
 * needs found — signed by the working group's chair.
 */
export function socialPassport(data: ReportData): TDocument {
  const text = documentText(data);
  const { t } = text;
  const kind = t('documents.passport.kind');
  const chair = chairOf(data);
  const bands = broadAgeBands(data.profile.ageBands);
  const blocks: TBlock[] = [
    ...titleBlocks(text, data, { kind, title: t('documents.passport.title'), lines: [t('documents.passport.asOf', { date: text.date(data.generatedOn) })] }),
    { kind: 'heading', level: 1, text: t('documents.passport.identification') },
    identification(text, data),
    { kind: 'heading', level: 1, text: t('documents.passport.population') },
    { kind: 'paragraph', runs: [populationSentence(text, data)] },
    ...(bands.length > 0 ? [ageTable(text, bands), ageChart(text, bands)] : []),
    { kind: 'heading', level: 1, text: t('documents.passport.indicators') },
    indicatorsTable(text, data),
    { kind: 'heading', level: 1, text: t('documents.passport.services') },
    servicesByType(text, data),
    { kind: 'heading', level: 1, text: t('documents.passport.needs') },
    ...identifiedNeeds(text, data),
    { kind: 'paragraph', runs: [t('documents.common.preparedOn', { date: text.date(data.generatedOn) })] },
    {
      kind: 'signatures',
      signatureLabel: t('documents.common.signature'),
      nameLabel: t('documents.common.fullName'),
      rows: [{ role: t('documents.passport.chair'), name: chair?.name ?? null }],
    },
  ];
  return {
    language: data.language,
    title: `${kind} ${t('documents.passport.title')} — ${text.community}`,
    subject: data.assessment.title,
    pageLabel: text.pageLabel,
    runningHead: `${text.community} — ${kind}`,
    blocks,
  };
}

function identification(text: TDocumentText, data: ReportData): TBlock {
  const { t } = text;
  const [region, district] = data.territory.parents;
  const field = (label: string, value: string): TTableCell[] => [{ runs: [label], bold: true }, value];
  return {
    kind: 'table',
    header: null,
    widths: [2, 5],
    rows: [
      field(t('documents.passport.name'), text.community),
      field(t('documents.passport.level'), text.level),
      field(t(`documents.passport.code.${data.territory.country}`), data.territory.code),
      field(t('documents.passport.region'), region ?? text.none),
      field(t('documents.passport.district'), district ?? text.none),
      field(t('documents.passport.settlements'), text.counted('settlements', data.profile.settlements)),
      field(t('documents.passport.assessmentPeriod'), `${data.assessment.title} (${text.range(text.date(data.assessment.periodFrom), text.date(data.assessment.periodTo))})`),
    ],
  };
}

/**
 * Five-year bands make a page-long table; the passport merges them into broad groups. A band
 * joins the group its first age falls in, so the labels stay true to the data (0–19 when the
 * bands are 0–9 and 10–19).
 */
export function broadAgeBands(bands: ReportData['profile']['ageBands']): ReportData['profile']['ageBands'] {
  if (bands.length <= BROAD_AGE_STARTS.length) return bands;
  const groupOf = (ageFrom: number) => BROAD_AGE_STARTS.filter((start) => start <= ageFrom).length - 1;
  const merged = new Map<number, ReportData['profile']['ageBands'][number]>();
  for (const band of [...bands].sort((a, b) => a.ageFrom - b.ageFrom)) {
    const key = groupOf(band.ageFrom);
    const current = merged.get(key);
    if (!current) merged.set(key, { ...band });
    else merged.set(key, { ageFrom: current.ageFrom, ageTo: band.ageTo, female: current.female + band.female, male: current.male + band.male });
  }
  return [...merged.values()];
}

function servicesByType(text: TDocumentText, data: ReportData): TBlock {
  const { t } = text;
  if (data.services.length === 0) return noData(text);
  type Row = { name: string; unit: ReportData['services'][number]['unit']; sites: number; capacity: number; users: number | null; waiting: number | null; demo: boolean };
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  const byType = new Map<string, Row>();
  for (const s of data.services) {
    const row = byType.get(s.serviceType) ?? { name: text.serviceType(s.serviceType, s.serviceTypeName), unit: s.unit, sites: 0, capacity: 0, users: null, waiting: null, demo: false };
    byType.set(s.serviceType, { ...row, sites: row.sites + 1, capacity: row.capacity + s.capacity, users: add(row.users, s.users), waiting: add(row.waiting, s.waitingList), demo: row.demo || s.demo });
  }
  const rows = [...byType.values()].sort((a, b) => a.name.localeCompare(b.name, text.language));
  return {
    kind: 'table',
    header: ['serviceType', 'sites', 'unit', 'capacity', 'users', 'waitingList'].map((c) => t(`documents.columns.${c}`)),
    widths: [5, 1.6, 2.4, 2.6, 2, 2],
    align: ['left', 'right', 'left', 'right', 'right', 'right'],
    rows: rows.map((r) => [r.name, text.number(r.sites), t(`documents.unit.${r.unit}`), text.number(r.capacity), text.maybe(r.users), text.maybe(r.waiting)]),
    total: [
      t('documents.common.total'),
      text.number(data.services.length),
      '',
      // Places and persons a year are summed apart, never together.
      perUnit(text, rows.map((r) => ({ unit: r.unit, value: r.capacity }))),
      text.maybe(rows.reduce<number | null>((a, r) => add(a, r.users), null)),
      text.maybe(rows.reduce<number | null>((a, r) => add(a, r.waiting), null)),
    ],
  };
}

function identifiedNeeds(text: TDocumentText, data: ReportData): TBlock[] {
  const { t } = text;
  const blocks: TBlock[] = [];
  if (data.estimates.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['serviceType', 'prevalence', 'need'].map((c) => t(`documents.columns.${c}`)),
      widths: [5, 3.5, 4],
      align: ['left', 'right', 'right'],
      rows: data.estimates.map((e) => [text.serviceType(e.serviceType, e.serviceTypeName), text.shareWithInterval(e.prevalence, e.low, e.high), text.countWithInterval(e.need, e.needLow, e.needHigh)]),
    });
  }
  blocks.push({ kind: 'heading', level: 3, text: t('documents.passport.topGaps') });
  const shortages = data.gaps
    .filter((g) => g.gap !== null && g.gap > 0)
    .sort((a, b) => b.gap! - a.gap!)
    .slice(0, TOP_GAPS);
  blocks.push(shortages.length > 0 ? gapsTable(text, shortages, { sort: false }) : { kind: 'paragraph', runs: [t('documents.passport.noGaps')] });
  blocks.push(...gapNotes(text, { gaps: shortages, noEstimates: data.noEstimates }));
  return blocks;
}

export const renderPassportDocx = (data: ReportData): Promise<Buffer> => writeDocx(socialPassport(data));
export const renderPassportPdf = (data: ReportData): Promise<Buffer> => writePdf(socialPassport(data));
