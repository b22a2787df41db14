import type { TBlock, TDocument, TInline, TTableCell } from './document-blocks';
import { documentText, paragraphsOf, type TDocumentText } from './document-text';
import { ageChart, ageTable, gapNotes, gapsTable, indicatorsTable, noData, perUnit, populationSentence, sum, suppressedNote } from './document-tables';
import type { ReportData } from './report-data';
import { chairOf, membersTable, periodLine, titleBlocks } from './title-page';
import { writeDocx } from './write-docx';
import { writePdf } from './write-pdf';

const bold = (text: string): TTableCell => ({ runs: [text], bold: true });

/**
 * The assessment's report in one of its countries' shapes. They share their parts and differ in
 * headings, legal basis and one section each:
 * - `report`: the report "with conclusions" that Ukraine's procedure asks the working group to
 *   publish (Order No. 130-Н of 19.04.2023): general information, the community's
 *   socio-demographic profile, existing services, needs by respondent group and service type,
 *   qualitative findings, conclusions and recommendations, and the working group in an annex;
 * - `needsAnalysis`: a Bulgarian municipality's analysis of needs for social services, which
 *   ends with the capacity the planning must add (the shortages found);
 * - `diagnosis`: a Polish social services centre's diagnosis of needs *and potential*, which
 *   adds the community's potential: who provides services, where and how many.
 */
export const REPORT_SHAPES = ['report', 'needsAnalysis', 'diagnosis'] as const;
export type TReportShape = (typeof REPORT_SHAPES)[number];

/** A text of the report in its shape: the shape's own words where it has them, the report's otherwise. */
type THeading = (key: string, params?: Record<string, unknown>) => string;

export function assessmentReport(data: ReportData, shape: TReportShape = 'report'): TDocument {
  const text = documentText(data);
  const { t } = text;
  const h: THeading = (key, params) => t(shape === 'report' ? `documents.report.${key}` : [`documents.${shape}.${key}`, `documents.report.${key}`], params);
  const kind = h('kind');
  const blocks: TBlock[] = [
    ...titleBlocks(text, data, {
      kind,
      title: h('title'),
      lines: [data.assessment.title, periodLine(text, data), t('documents.common.preparedOn', { date: text.date(data.generatedOn) })],
      basis: shape === 'report' ? undefined : h('basis'),
    }),
    { kind: 'pageBreak' },
    { kind: 'contents', title: t('documents.common.contents') },
    { kind: 'pageBreak' },
    ...generalInformation(text, data, h, shape !== 'report'),
    ...profile(text, data, h),
    ...existingServices(text, data, h),
    ...(shape === 'diagnosis' ? potential(text, data, h) : []),
    ...needs(text, data, h),
    ...findings(text, data, h),
    ...conclusions(text, data, h),
    ...(shape === 'needsAnalysis' ? shortages(text, data, h) : []),
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: h('annex') },
    membersTable(text, data),
    {
      kind: 'signatures',
      signatureLabel: t('documents.common.signature'),
      nameLabel: t('documents.common.fullName'),
      rows: [{ role: h('signChair'), name: chairOf(data)?.name ?? null }],
    },
  ];
  return {
    language: data.language,
    title: `${kind} ${h('title')} — ${text.community}`,
    subject: data.assessment.title,
    pageLabel: text.pageLabel,
    runningHead: `${text.community} — ${kind}`,
    blocks,
  };
}

/**
 * The community's potential (Poland's diagnosis): each provider with how many sites it runs,
 * which services and in which settlements, so the council sees whom it can build on.
 */
function potential(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  const blocks: TBlock[] = [{ kind: 'heading', level: 1, text: h('potential') }, { kind: 'paragraph', align: 'justify', runs: [h('potentialText')] }];
  if (data.services.length === 0) return [...blocks, noData(text)];
  const providers = new Map<string, ReportData['services']>();
  for (const s of data.services) providers.set(s.provider, [...(providers.get(s.provider) ?? []), s]);
  const list = [...providers].sort(([a], [b]) => a.localeCompare(b, text.language));
  const joined = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, text.language)).join(', ');
  blocks.push({
    kind: 'table',
    header: [text.t('documents.columns.provider'), h('potentialSites'), text.t('documents.columns.serviceType'), text.t('documents.columns.settlement')],
    widths: [5, 2, 6, 4],
    align: ['left', 'right', 'left', 'left'],
    size: 'small',
    rows: list.map(([provider, sites]) => [provider, text.number(sites.length), joined(sites.map((s) => text.serviceType(s.serviceType, s.serviceTypeName))), joined(sites.map((s) => s.settlement))]),
  });
  return blocks;
}

/**
 * What the planning must add (Bulgaria's analysis): every service type for which a method of
 * estimation shows a shortage, with that method's need, the capacity and the gap, in the
 * capacity's unit. Types whose need and capacity do not compare (survey persons against places)
 * are left out here and explained in the needs section.
 */
function shortages(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  const blocks: TBlock[] = [{ kind: 'heading', level: 1, text: h('shortages') }, { kind: 'paragraph', align: 'justify', runs: [h('shortagesText')] }];
  const rows = data.gaps
    .filter((g) => g.comparable && g.gap !== null && g.gap > 0)
    .sort((a, b) => text.serviceType(a.serviceType, a.serviceTypeName).localeCompare(text.serviceType(b.serviceType, b.serviceTypeName), text.language) || a.method.localeCompare(b.method));
  if (rows.length === 0) return [...blocks, { kind: 'paragraph', runs: [h('noShortages')] }];
  blocks.push({
    kind: 'table',
    header: [text.t('documents.columns.serviceType'), text.t('documents.columns.method'), text.t('documents.columns.unit'), h('shortageNeed'), text.t('documents.columns.capacity'), h('shortage')],
    widths: [5, 3, 2.5, 2.5, 2.5, 2.5],
    align: ['left', 'left', 'left', 'right', 'right', 'right'],
    size: 'small',
    rows: rows.map((g) => [text.serviceType(g.serviceType, g.serviceTypeName), text.t(`documents.gapMethod.${g.method}`), text.t(`documents.unit.${g.unit}`), text.maybe(g.need), text.number(g.capacity), text.number(g.gap ?? 0)]),
  });
  // One chart per unit: places and persons a year are never bars on one axis.
  const units = [...new Set(rows.map((g) => g.unit))];
  for (const unit of units) {
    const ofUnit = rows.filter((g) => g.unit === unit);
    const methods = new Set(ofUnit.map((g) => g.method));
    blocks.push({
      kind: 'chart',
      title: h('shortageChart'),
      unit: text.t(`documents.unit.${unit}`),
      bars: ofUnit.map((g) => ({
        label: methods.size > 1 ? `${text.serviceType(g.serviceType, g.serviceTypeName)} (${text.t(`documents.gapMethod.${g.method}`)})` : text.serviceType(g.serviceType, g.serviceTypeName),
        value: g.gap ?? 0,
        text: text.number(g.gap ?? 0),
      })),
    });
  }
  return blocks;
}

function generalInformation(text: TDocumentText, data: ReportData, h: THeading, intro: boolean): TBlock[] {
  const { t } = text;
  const chair = chairOf(data);
  const members = text.counted('members', data.members.length);
  const responses = sum(data.groups.map((g) => g.responses));
  const targets = sum(data.groups.map((g) => g.targetRespondents));
  const populations = data.groups.map((g) => g.population);
  const achieved = (responses: number, target: number) => (target > 0 ? text.percent(responses / target) : text.none);
  return [
    { kind: 'heading', level: 1, text: h('general') },
    ...(intro ? [{ kind: 'paragraph', align: 'justify', runs: [h('intro')] } satisfies TBlock] : []),
    { kind: 'paragraph', runs: [h('community', { community: text.community, code: data.territory.code })] },
    { kind: 'paragraph', runs: [h('periodText', { from: text.date(data.assessment.periodFrom), to: text.date(data.assessment.periodTo) })] },
    { kind: 'paragraph', runs: [chair ? h('groupText', { members, chair: chair.name }) : h('groupTextNoChair', { members })] },

    { kind: 'heading', level: 2, text: h('methods') },
    data.methods.length === 0
      ? noData(text)
      : { kind: 'bullets', items: data.methods.map((m): TInline[] => [{ text: text.method(m.method), bold: true }, ...(m.description ? [` — ${m.description}`] : [])]) },

    { kind: 'heading', level: 2, text: h('groups') },
    { kind: 'paragraph', runs: [h('groupsText', { respondents: text.counted('respondents', responses) })] },
    data.groups.length === 0
      ? noData(text)
      : {
          kind: 'table',
          header: ['group', 'target', 'achieved', 'achievedShare', 'population', 'populationSource'].map((c) => t(`documents.columns.${c}`)),
          widths: [4.5, 2.6, 2.4, 2.4, 2.6, 4],
          align: ['left', 'right', 'right', 'right', 'right', 'left'],
          rows: data.groups.map((g) => [g.name, text.number(g.targetRespondents), text.number(g.responses), achieved(g.responses, g.targetRespondents), text.maybe(g.population), g.populationSource ?? text.none]),
          total: [
            t('documents.common.total'),
            text.number(targets),
            text.number(responses),
            achieved(responses, targets),
            populations.every((p) => p !== null) ? text.number(sum(populations as number[])) : '',
            '',
          ],
        },
  ];
}

function profile(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  return [
    { kind: 'heading', level: 1, text: h('profile') },
    { kind: 'heading', level: 2, text: h('population') },
    { kind: 'paragraph', runs: [populationSentence(text, data)] },
    { kind: 'paragraph', runs: [h('settlementsText', { settlements: text.counted('settlements', data.profile.settlements) })] },
    { kind: 'heading', level: 2, text: h('ageStructure') },
    ...(data.profile.ageBands.length === 0 ? [noData(text)] : [ageTable(text, data.profile.ageBands), ageChart(text, data.profile.ageBands)]),
    { kind: 'heading', level: 2, text: h('indicators') },
    indicatorsTable(text, data),
  ];
}

function existingServices(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  const { t } = text;
  const services = [...data.services].sort((a, b) => text.serviceType(a.serviceType, a.serviceTypeName).localeCompare(text.serviceType(b.serviceType, b.serviceTypeName), text.language));
  const anyDemo = services.some((s) => s.demo);
  const blocks: TBlock[] = [{ kind: 'heading', level: 1, text: h('services') }];
  if (services.length === 0) return [...blocks, noData(text)];
  const users = services.map((s) => s.users);
  const waiting = services.map((s) => s.waitingList);
  const total = (values: (number | null)[]) => (values.some((v) => v !== null) ? text.number(sum(values.map((v) => v ?? 0))) : text.none);
  blocks.push(
    {
      kind: 'paragraph',
      // Capacity per unit: places and persons a year are never added together.
      runs: [h('servicesText', { sites: text.counted('sites', services.length), capacity: perUnit(text, services.map((s) => ({ unit: s.unit, value: s.capacity }))), users: total(users) })],
    },
    {
      kind: 'table',
      header: ['serviceType', 'service', 'provider', 'settlement', 'unit', 'capacity', 'users', 'waitingList'].map((c) => t(`documents.columns.${c}`)),
      widths: [3.4, 3.8, 3.6, 2.4, 2.2, 2.4, 2.2, 2],
      align: ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right'],
      size: 'small',
      rows: services.map((s) => [
        text.serviceType(s.serviceType, s.serviceTypeName),
        s.demo ? `${s.name} *` : s.name,
        s.provider,
        s.settlement,
        t(`documents.unit.${s.unit}`),
        text.number(s.capacity),
        text.maybe(s.users),
        text.maybe(s.waitingList),
      ]),
      total: [t('documents.common.total'), '', '', '', '', perUnit(text, services.map((s) => ({ unit: s.unit, value: s.capacity }))), total(users), total(waiting)],
    },
  );
  if (anyDemo) blocks.push({ kind: 'paragraph', size: 'small', runs: [t('documents.common.demoRow')] });
  return blocks;
}

/** A count shown, or withheld as "<5" when it is from 1 to the threshold − 1 (so nobody can be recognised). */
const isSmall = (data: ReportData, count: number) => count >= 1 && count < data.suppressionThreshold;

function needs(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  const { t } = text;
  const blocks: TBlock[] = [{ kind: 'heading', level: 1, text: h('needs') }];

  // 4.1 Survey estimates: per service type its estimate, then each respondent group's answers.
  blocks.push({ kind: 'heading', level: 2, text: h('estimates') }, { kind: 'paragraph', align: 'justify', runs: [h('estimatesMethod')] });
  if (data.estimates.length === 0) blocks.push(noData(text));
  else {
    let withheld = false;
    const rows: TTableCell[][] = [];
    for (const e of data.estimates) {
      const populations = e.byGroup.map((g) => g.population);
      rows.push([
        bold(text.serviceType(e.serviceType, e.serviceTypeName)),
        bold(text.number(e.respondents)),
        '',
        bold(text.shareWithInterval(e.prevalence, e.low, e.high)),
        populations.every((p) => p !== null) && populations.length > 0 ? text.number(sum(populations as number[])) : text.none,
        bold(text.countWithInterval(e.need, e.needLow, e.needHigh)),
      ]);
      for (const g of e.byGroup) {
        const hidden = isSmall(data, g.positive);
        withheld ||= hidden;
        rows.push([`\u00a0\u00a0\u00a0${text.group(g.group)}`, text.number(g.answered), hidden ? text.suppressed : text.number(g.positive), hidden ? '' : text.percent(g.prevalence), text.maybe(g.population), '']);
      }
    }
    blocks.push({
      kind: 'table',
      header: [`${t('documents.columns.serviceType')} / ${t('documents.columns.group')}`, ...['answered', 'positive', 'prevalence', 'population', 'need'].map((c) => t(`documents.columns.${c}`))],
      widths: [5, 2, 2, 3.5, 2.2, 3.8],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      size: 'small',
      rows,
    });
    if (withheld) blocks.push(suppressedNote(text));
  }

  // 4.2 Potential recipients' need against current recipients' satisfaction.
  blocks.push({ kind: 'heading', level: 2, text: h('recipients') }, { kind: 'paragraph', runs: [h('recipientsText')] });
  if (data.recipients.length === 0) blocks.push(noData(text));
  else {
    let withheld = false;
    const view = (v: { count: number; of: number; share: number; low: number; high: number } | null): TInline[] => {
      if (!v) return [text.none];
      // Fewer recipients asked than the threshold: the whole cell is withheld, not only the count.
      if (isSmall(data, v.of)) {
        withheld = true;
        return [text.suppressed];
      }
      if (isSmall(data, v.count)) {
        withheld = true;
        return [t('documents.common.countOf', { n: text.suppressed, of: text.number(v.of) })];
      }
      return [`${text.shareWithInterval(v.share, v.low, v.high)}; `, { text: t('documents.common.countOf', { n: text.number(v.count), of: text.number(v.of) }), italic: true }];
    };
    blocks.push({
      kind: 'table',
      header: [t('documents.columns.serviceType'), t('documents.columns.potentialNeed'), t('documents.columns.currentSatisfaction')],
      widths: [4, 5, 5],
      rows: data.recipients.map((r) => [text.serviceType(r.serviceType, r.serviceTypeName), view(r.potentialNeed), view(r.currentSatisfaction)]),
    });
    if (withheld) blocks.push(suppressedNote(text));
  }

  // 4.3 Key questions, as published: the counts under the threshold already withheld.
  blocks.push({ kind: 'heading', level: 2, text: h('questions') });
  if (data.questions.length === 0) blocks.push(noData(text));
  for (const q of data.questions) {
    blocks.push({ kind: 'heading', level: 3, text: `${q.title} ${h('questionRespondents', { respondents: text.counted('respondents', q.respondents) })}` });
    blocks.push({
      kind: 'table',
      header: [t('documents.columns.answer'), t('documents.columns.count'), t('documents.columns.share')],
      widths: [8, 2, 2],
      align: ['left', 'right', 'right'],
      rows: q.items.map((item) => [item.text, item.count === null ? text.suppressed : text.number(item.count), item.share === null ? (item.count === null ? '' : text.none) : text.percent(item.share)]),
    });
    if (q.items.some((item) => item.count === null)) blocks.push(suppressedNote(text));
  }

  // 4.4 Need against capacity, by each method of estimation.
  blocks.push({ kind: 'heading', level: 2, text: h('gaps') }, { kind: 'paragraph', runs: [h('gapsText')] });
  if (data.gaps.length === 0) blocks.push(noData(text));
  else blocks.push(gapsTable(text, data.gaps));
  blocks.push(...gapNotes(text, data));
  return blocks;
}

function findings(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  const { t } = text;
  const blocks: TBlock[] = [{ kind: 'heading', level: 1, text: h('findings') }];
  if (data.findings.length === 0) return [...blocks, noData(text)];
  const topics = [...new Set(data.findings.map((f) => f.topic))];
  for (const topic of topics) {
    blocks.push({ kind: 'heading', level: 3, text: topic });
    for (const f of data.findings.filter((x) => x.topic === topic)) {
      const source = [text.method(f.method), ...(f.group ? [text.group(f.group)] : [])].join('; ');
      blocks.push({ kind: 'paragraph', align: 'justify', runs: [f.text, ' ', { text: `(${source})`, italic: true }] });
      if (f.quote) blocks.push({ kind: 'paragraph', runs: [{ text: t('documents.common.quote', { text: f.quote }), italic: true }] });
      if (f.serviceTypes.length > 0) {
        blocks.push({ kind: 'paragraph', size: 'small', runs: [h('linkedServices', { list: f.serviceTypes.map((s) => text.serviceType(s)).join(', ') })] });
      }
    }
  }
  return blocks;
}

function conclusions(text: TDocumentText, data: ReportData, h: THeading): TBlock[] {
  const { t } = text;
  const written = (value: string | null): TBlock[] => {
    const paragraphs = paragraphsOf(value);
    if (paragraphs.length === 0) return [{ kind: 'paragraph', runs: [{ text: t('documents.common.notWritten'), italic: true }] }];
    return paragraphs.map((p): TBlock => ({ kind: 'paragraph', align: 'justify', runs: [p] }));
  };
  return [
    { kind: 'heading', level: 1, text: h('conclusions') },
    { kind: 'heading', level: 2, text: h('conclusionsTitle') },
    ...written(data.assessment.conclusions),
    { kind: 'heading', level: 2, text: h('recommendationsTitle') },
    ...written(data.assessment.recommendations),
  ];
}

export const renderReportDocx = (data: ReportData): Promise<Buffer> => writeDocx(assessmentReport(data));
export const renderReportPdf = (data: ReportData): Promise<Buffer> => writePdf(assessmentReport(data));
