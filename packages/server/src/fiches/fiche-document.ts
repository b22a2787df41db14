import { type TCountry } from '@potreby/domain';
import { ROUND_CURRENCY } from '@potreby/domain/planning/proposal';
import { currencySign, formatNumber, translator, type TLanguage } from '@potreby/i18n';
import type { Cell } from '../exports/export-tables';
import { toXlsx } from '../exports/write-table';
import type { CountryModel } from '../model/country-model';
import { documentLanguageOf } from '../planning/meetings/meeting-document';
import type { TBlock, TDocument } from '../reports/document-blocks';
import { territoryName } from '../reports/document-text';
import { CONTENT_TYPES } from '../reports/render-document';
import { writeDocx } from '../reports/write-docx';
import { writePdf } from '../reports/write-pdf';
import type { PlacedTerritory } from '../http/guards';
import type { TPortfolio, TWorkshopView } from './schema';
import type { TFunction } from 'i18next';
import { textsFor } from '../documents/wording';
import type { Db } from '../db/database';
import { serviceTypeNamer } from '../catalogue/type-names';

type Fiche = TPortfolio['items'][number];

/**
 * A fiche and the portfolio as documents for the development plan's annex (issue 9, item 2):
 * in the country's language, money with its currency, every stored text set as text. One
 * fiche per section, each part of its score with what it came from.
 */
function words(municipality: PlacedTerritory, model: CountryModel, texts?: TFunction) {
  const language = documentLanguageOf(municipality.country);
  const t = texts ?? translator(language);
  const country = municipality.country as TCountry;
  const typeName = serviceTypeNamer(model.serviceTypes, language, t);
  const placeName = (id: number) => {
    const place = model.territories.get(id);
    return place ? territoryName({ ...place, country }, language) : String(id);
  };
  const currency = currencySign(language, ROUND_CURRENCY[country] ?? 'EUR');
  const money = (x: number) => `${formatNumber(language, Math.round(x))} ${currency}`;
  return { language, t, typeName, placeName, money, authority: territoryName({ ...municipality, country }, language) };
}

function ficheBlocks(f: Fiche, w: ReturnType<typeof words>, problems: Map<number, string>): TBlock[] {
  const { t, typeName, placeName, money } = w;
  const d = (key: string, options?: Record<string, unknown>) => t(`fiches.document.${key}`, options);
  const none = d('none');
  const rows: [string, string][] = [
    [t('fiches.status'), t(`fiches.statuses.${f.status}`)],
    [t('fiches.problems'), f.problemIds.map((id) => problems.get(id) ?? '').filter(Boolean).join('; ') || none],
    [t('fiches.serviceTypes'), f.serviceTypes.map(typeName).join('; ') || none],
    [t('fiches.objectives'), f.objectives || none],
    [t('fiches.targetGroup'), f.targetGroup || none],
    [t('fiches.peopleReached'), f.peopleReached === null ? d('unknown') : formatNumber(w.language, f.peopleReached)],
    [t('fiches.settlements'), f.settlementIds.map(placeName).join(', ') || none],
    [t('fiches.partners'), f.partners.join('; ') || none],
    [t('fiches.duration'), d('duration', { start: f.startMonth, count: f.months })],
    [t('fiches.owner'), f.owner || none],
    [t('fiches.totalCost'), money(f.totalCost)],
    [t('fiches.score'), d('score', { total: formatNumber(w.language, f.score.total, 1), gap: formatNumber(w.language, f.score.gap.points, 1), reach: formatNumber(w.language, f.score.reach.points, 1), cost: formatNumber(w.language, f.score.cost.points, 1) })],
  ];
  const blocks: TBlock[] = [
    { kind: 'heading', level: 1, text: f.title },
    { kind: 'table', header: null, widths: [3, 7], rows },
  ];
  if (f.activities.length > 0) blocks.push({ kind: 'heading', level: 2, text: t('fiches.activities') }, { kind: 'bullets', items: f.activities.map((a) => [a]) });
  if (f.budget.length > 0)
    blocks.push(
      { kind: 'heading', level: 2, text: t('fiches.budget') },
      { kind: 'table', header: [t('fiches.year'), t('fiches.source'), t('fiches.amount')], widths: [2, 5, 3], align: ['left', 'left', 'right'], rows: f.budget.map((b) => [String(b.year), t(`fundingSources.${b.source}`), money(b.amount)]) },
    );
  if (f.indicators.length > 0)
    blocks.push(
      { kind: 'heading', level: 2, text: t('fiches.indicators') },
      {
        kind: 'table',
        header: [t('fiches.indicatorKind'), t('fiches.indicatorName'), t('fiches.unit'), t('fiches.baseline'), t('fiches.target')],
        widths: [2, 6, 2, 2, 2],
        align: ['left', 'left', 'left', 'right', 'right'],
        rows: f.indicators.map((i) => [t(`fiches.indicatorKinds.${i.kind}`), i.name, i.unit, i.baseline === null ? '—' : formatNumber(w.language, i.baseline, 2), formatNumber(w.language, i.target, 2)]),
      },
    );
  return blocks;
}

export function portfolioDocument(municipality: PlacedTerritory, model: CountryModel, portfolio: TPortfolio, workshops: TWorkshopView[], onlyId: number | null, texts?: TFunction): TDocument {
  const w = words(municipality, model, texts);
  const { t } = w;
  const problems = new Map(workshops.flatMap((m) => m.entries.map((e) => [e.id, e.text] as const)));
  const fiches = onlyId === null ? portfolio.items : portfolio.items.filter((f) => f.id === onlyId);
  const title = onlyId === null ? t('fiches.document.portfolioTitle') : t('fiches.document.ficheTitle');
  const blocks: TBlock[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: w.authority },
  ];
  if (onlyId === null) {
    const score = (f: Fiche) => formatNumber(w.language, f.score.total, 1);
    blocks.push({
      kind: 'table',
      header: [t('fiches.title'), t('fiches.status'), t('fiches.totalCost'), t('fiches.peopleReached'), t('fiches.score')],
      widths: [6, 2, 3, 2, 2],
      align: ['left', 'left', 'right', 'right', 'right'],
      rows: fiches.map((f) => [f.title, t(`fiches.statuses.${f.status}`), w.money(f.totalCost), f.peopleReached === null ? '—' : formatNumber(w.language, f.peopleReached), score(f)]),
    });
    blocks.push({ kind: 'paragraph', runs: [t('fiches.document.scoreNote')], size: 'small' });
    if (fiches.length > 0) {
      blocks.push({ kind: 'chart', title: t('fiches.document.scoreChart'), unit: t('fiches.document.points'), bars: fiches.map((f) => ({ label: f.title, value: f.score.total, text: score(f) })) });
    }
    // Each workshop's participants: the list the plan's annex carries (story 3).
    for (const m of workshops) {
      blocks.push({ kind: 'heading', level: 1, text: t('fiches.document.meeting', { topic: m.topic, date: m.date }) });
      blocks.push({ kind: 'table', header: [t('fiches.personName'), t('fiches.organisation'), t('fiches.role')], widths: [4, 5, 3], rows: m.participants.map((p) => [p.name, p.organisation, p.role]) });
    }
  }
  for (const f of fiches) blocks.push(...ficheBlocks(f, w, problems));
  return { language: w.language, title: `${title} — ${w.authority}`, subject: w.authority, pageLabel: t('meetings.document.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }), runningHead: `${w.authority} — ${title}`, blocks };
}

export async function renderPortfolio(db: Db, municipality: PlacedTerritory, model: CountryModel, portfolio: TPortfolio, workshops: TWorkshopView[], format: 'docx' | 'pdf' | 'xlsx', onlyId: number | null = null) {
  const language: TLanguage = documentLanguageOf(municipality.country);
  // The fixed text as the country's administrators may have reworded it (Document texts).
  const t = await textsFor(db, municipality.country as TCountry, 'fiches', language);
  const file = `${t(onlyId === null ? 'fiches.document.portfolioFile' : 'fiches.document.ficheFile')}-${municipality.code}${onlyId === null ? '' : `-${onlyId}`}.${format}`;
  if (format === 'xlsx') {
    const w = words(municipality, model);
    const header = [t('fiches.title'), t('fiches.status'), t('fiches.serviceTypes'), t('fiches.peopleReached'), t('fiches.totalCost'), t('fiches.scoreGap'), t('fiches.scoreReach'), t('fiches.scoreCost'), t('fiches.score'), t('fiches.owner')];
    const rows: Cell[][] = portfolio.items
      .filter((f) => onlyId === null || f.id === onlyId)
      .map((f) => [f.title, t(`fiches.statuses.${f.status}`), f.serviceTypes.map(w.typeName).join('; '), f.peopleReached, Math.round(f.totalCost), f.score.gap.points, f.score.reach.points, f.score.cost.points, f.score.total, f.owner]);
    return { stream: toXlsx(t('fiches.document.sheet'), header, rows, language), fileName: file, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
  const document = portfolioDocument(municipality, model, portfolio, workshops, onlyId, t);
  return { body: format === 'docx' ? await writeDocx(document) : await writePdf(document), fileName: file, contentType: CONTENT_TYPES[format] };
}
