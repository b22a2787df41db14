import { ozpsTable, romanise, type Actor, type TCountry, type TGapMethod } from '@potreby/domain';
import { COUNTRY_LANGUAGE, translator, type TLanguage } from '@potreby/i18n';
import { listVersions, readVersion } from '../planning/agreement/agreement';
import { renderAgreement } from '../planning/agreement/agreement-document';
import { findConsultationOf } from './consultation-of';
import { renderConsultationReport } from '../consultation/report-document';
import type { Db } from '../db/database';
import { portfolioDocument } from '../fiches/fiche-document';
import { listWorkshops, portfolio } from '../fiches/fiches';
import { gapSummaryOf } from '../gaps/gap-report';
import type { PlacedTerritory } from '../http/guards';
import type { CountryModels } from '../model/country-model';
import { ozpsFigures } from '../ozps/ozps';
import { assessmentReportData } from '../reports/assessment-report-data';
import type { TDocument } from '../reports/document-blocks';
import { assessmentReport, type TReportShape } from '../reports/render-report';
import { CONTENT_TYPES, renderDocument, slug, type TDocumentFormat } from '../reports/render-document';
import { writeDocx } from '../reports/write-docx';
import { writePdf } from '../reports/write-pdf';
import { loadServicesReview } from '../services-review/review';
import { renderServicesReview } from '../services-review/review-document';
import { annualPlan } from './annual-plan';
import { kindCountry, type TOfficialKind } from './kinds';
import { officialWords } from './official-words';
import { planningProposal } from './planning-proposal';
import { ozpsDocument } from './ozps';
import { ozpsPopulation } from './ozps-population';
import { programme } from './programme';
import { assessmentOf, missing, proposalsOf, roundOf, sitesOf } from './sources';
import { textsFor } from './wording';

type Ctx = { db: Db; models: CountryModels };
export type TOfficialRequest = { kind: TOfficialKind; year: number; format: TDocumentFormat; language?: TLanguage; today: string };
export type TOfficialFile = { body: Buffer; fileName: string; contentType: string };

/** Documents written for one municipality (the others are of any territory that has the data). */
const MUNICIPAL: readonly TOfficialKind[] = ['bg.planning_proposal', 'bg.annual_plan', 'bg.services_review', 'pl.programme', 'pl.ozps', 'fiches'];

/**
 * One official document of a territory for a year, as the screen's button and the command line
 * ask for it: checked against the territory's country and level, its data found (or a
 * `document.missing_data` naming what is missing), written in the asked language — by default
 * the country's, as the authority files it.
 */
export async function officialDocument(ctx: Ctx, actor: Actor, place: PlacedTerritory, request: TOfficialRequest): Promise<TOfficialFile> {
  const { kind, year, format } = request;
  const country = kindCountry(kind);
  if (country && country !== place.country) throw missing(`country_${country}`, place, year);
  if (MUNICIPAL.includes(kind) && place.level !== 'municipality') throw missing('level', place, year);
  const language = request.language ?? COUNTRY_LANGUAGE[place.country as TCountry];
  const model = await ctx.models.get(place.country as TCountry);
  const write = async (document: TDocument, name: string): Promise<TOfficialFile> => ({
    body: format === 'docx' ? await writeDocx(document) : await writePdf(document),
    fileName: `${[slug(name), slug(romanise(place.name, place.country as TCountry)) || slug(place.code), String(year)].filter(Boolean).join('-')}.${format}`,
    contentType: CONTENT_TYPES[format],
  });
  const unitOf = (type: string) => model.serviceTypes.find((s) => s.key === type)?.unit ?? 'places';
  const words = async (doc: string) => officialWords(doc, await textsFor(ctx.db, place.country as TCountry, kind, language), language, place, model);
  const assessment = async (orEarlier = false) => {
    const id = await assessmentOf(ctx.db, place, year, orEarlier);
    if (id === null) throw missing(orEarlier ? 'diagnosis' : 'assessment', place, year);
    return assessmentReportData(ctx.db, ctx.models, actor, id);
  };

  switch (kind) {
    case 'ua.needs_report':
    case 'ua.social_passport': {
      const data = await assessment();
      const asked = request.language ?? data.language;
      return renderDocument(kind === 'ua.needs_report' ? 'report' : 'passport', format, { ...data, language: asked, wording: await textsFor(ctx.db, 'UA', kind, asked) });
    }
    case 'bg.needs_analysis':
    case 'pl.diagnosis': {
      const shape: TReportShape = kind === 'bg.needs_analysis' ? 'needsAnalysis' : 'diagnosis';
      const data = { ...(await assessment()), language, wording: await textsFor(ctx.db, place.country as TCountry, kind, language) };
      return write(assessmentReport(data, shape), translator(language)(`documents.${shape}.fileName`));
    }
    case 'bg.planning_proposal': {
      const found = await roundOf(ctx.db, place, year);
      if (!found) throw missing('round', place, year);
      const items = await proposalsOf(ctx.db, found.round.id, place.id);
      if (items.length === 0) throw missing('proposal', place, year);
      const registry = await sitesOf(ctx.db, place, year);
      // Need against the capacity of the registry the document shows: the year's, else the newest before it.
      const gapYear = registry?.year ?? year;
      const { summary } = await gapSummaryOf(ctx.models, place, gapYear, found.round.method as TGapMethod);
      const populationYear = model.populationYears.find((y) => y <= year);
      const total = populationYear === undefined ? null : model.gapModel.sources.population.total(place.id, populationYear);
      const w = await words('planningProposal');
      const blocks = planningProposal(
        w,
        {
          year: gapYear,
          round: { periodStart: found.round.periodStart, periodEnd: found.round.periodEnd, method: found.round.method, territory: w.placeLabel(found.territory) },
          population: populationYear !== undefined && total !== null && total !== undefined ? { year: populationYear, total: total.value } : null,
          registry,
          gaps: summary.rows,
          items,
          demo: !!registry?.sites.some((s) => s.demo),
          today: request.today,
        },
        unitOf,
      );
      return write(w.document(blocks, w.own('period', { from: found.round.periodStart, to: found.round.periodEnd })), w.own('fileName'));
    }
    case 'bg.agreement': {
      const found = await roundOf(ctx.db, place, year);
      if (!found) throw missing('round', place, year);
      const [newest] = await listVersions(ctx.db, found.round.id);
      if (!newest) throw missing('agreement', place, year);
      const { loaded, ...version } = await readVersion(ctx.db, actor, newest.id);
      return renderAgreement(ctx.db, version, loaded.territory, model, format);
    }
    case 'bg.annual_plan': {
      const registry = await sitesOf(ctx.db, place, year);
      const found = await roundOf(ctx.db, place, year);
      const changes = found ? (await proposalsOf(ctx.db, found.round.id, place.id)).filter((i) => i.startYear === year) : [];
      if (!registry && changes.length === 0) throw missing('annual_plan', place, year);
      const w = await words('annualPlan');
      const blocks = annualPlan(w, { year, registry, changes, round: found && { periodStart: found.round.periodStart, periodEnd: found.round.periodEnd }, demo: !!registry?.sites.some((s) => s.demo), today: request.today }, unitOf);
      return write(w.document(blocks, w.own('year', { year })), w.own('fileName'));
    }
    case 'bg.services_review': {
      const review = await loadServicesReview(ctx.db, ctx.models, actor, place, year);
      if (review.services.length === 0) throw missing('sites', place, year);
      return renderServicesReview(ctx.db, review, model, language, format);
    }
    case 'pl.programme': {
      const diagnosis = await assessment(true);
      const registry = await sitesOf(ctx.db, place, year);
      const found = await roundOf(ctx.db, place, year);
      const changes = found ? (await proposalsOf(ctx.db, found.round.id, place.id)).filter((i) => i.startYear === year) : [];
      const taken = (await portfolio(ctx.db, ctx.models, place, {})).items.filter((f) => f.status === 'shortlisted' || f.status === 'in_plan' || f.status === 'funded');
      const w = await words('programme');
      const blocks = programme(
        w,
        {
          year,
          diagnosis,
          registry,
          changes,
          fiches: taken.map((f) => ({ title: f.title, status: f.status, totalCost: f.totalCost, peopleReached: f.peopleReached ?? null, serviceTypes: f.serviceTypes })),
          demo: diagnosis.assessment.demo || !!registry?.sites.some((s) => s.demo),
          today: request.today,
        },
        unitOf,
      );
      return write(w.document(blocks, w.own('year', { year })), w.own('fileName'));
    }
    case 'pl.ozps': {
      const figures = await ozpsFigures(ctx.db, place, year);
      const rows = ozpsTable(figures, year);
      // Nothing entered for the year reported on: say where to enter it, not a document of blanks.
      if (rows.every((r) => r.values[2] === null)) throw missing('ozps', place, year);
      const registry = await sitesOf(ctx.db, place, year);
      const w = await words('ozps');
      const blocks = ozpsDocument(w, { year, rows, population: ozpsPopulation(model, place.id, year), registry, demo: figures.some((f) => f.demo) || !!registry?.sites.some((s) => s.demo), today: request.today }, unitOf);
      return write(w.document(blocks, w.own('year', { year })), w.own('fileName'));
    }
    case 'consultation_report': {
      const loaded = await findConsultationOf(ctx.db, actor, place, year);
      if (!loaded) throw missing('consultation', place, year);
      return renderConsultationReport(ctx.db, ctx.models, loaded, format, request.today);
    }
    case 'fiches': {
      const list = await portfolio(ctx.db, ctx.models, place, {});
      if (list.items.length === 0) throw missing('fiches', place, year);
      const texts = await textsFor(ctx.db, place.country as TCountry, kind, COUNTRY_LANGUAGE[place.country as TCountry]);
      return write(portfolioDocument(place, model, list, await listWorkshops(ctx.db, place), null, texts), texts('fiches.document.portfolioFile'));
    }
  }
}
