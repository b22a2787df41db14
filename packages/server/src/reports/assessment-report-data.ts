import { buildPyramid, GAP_METHODS, methodEstimate, suppressFrequencies, type Actor, type TCountry } from '@potreby/domain';
import type { TLanguage } from '@potreby/i18n';
import { and, asc, eq, like } from 'drizzle-orm';
import { assessmentDetail, assessmentFor } from '../assessments/queries';
import { recipientsView, surveyEstimates } from '../assessments/estimates';
import type { Db } from '../db/database';
import { gapSummaryOf } from '../gaps/gap-report';
import type { CountryModels } from '../model/country-model';
import { indicatorsOf } from '../population/queries';
import { serviceSite } from '../service-sites/tables';
import { questionnaireStats } from '../surveys/analysis';
import { territory } from '../territories/tables';
import type { ReportData } from './report-data';

/** A SurveyJS text in the document's language: its own translation, else the form's default. */
const textIn = (text: Record<string, string>, language: string, fallback: string) => text[language] || text.default || Object.values(text)[0] || fallback;

/**
 * Everything an assessment's documents show, gathered for one reader: the assessment and its
 * parts, the territory's profile, its services and gaps by every method, the survey's estimates,
 * the recipients' view, and the key questions' frequencies with small counts withheld (these
 * documents are published).
 */
export async function assessmentReportData(db: Db, models: CountryModels, actor: Actor, assessmentId: number): Promise<ReportData> {
  const { row, place } = await assessmentFor(db, actor, assessmentId);
  const detail = await assessmentDetail(db, actor, assessmentId);
  const language = row.language as TLanguage;
  const model = await models.get(place.country as TCountry);
  const typeOf = new Map(model.serviceTypes.map((t) => [t.key, t]));
  const typeName = (key: string) => typeOf.get(key)?.name ?? key;
  const groupName = new Map(detail.groups.map((g) => [g.id, g.name]));

  // Region and district names, top first (the tree gives them nearest first).
  const parents = [...model.tree.ancestorsOf(place.id)].reverse().filter((a) => a.level !== 'country').map((a) => a.name);

  // Profile: the population of the assessment's year as every figure is resolved (own table, sum
  // of parts or apportioned), its age structure, the settlements and the indicators.
  const year = row.year;
  const populationYear = model.populationYears.find((y) => y <= year) ?? model.populationYears[0] ?? year;
  const total = model.gapModel.sources.population.total(place.id, populationYear);
  const pyramid = buildPyramid(model.tree, model.gapModel.populationIndex, model.gapModel.sources.population, place.id, populationYear);
  const settlements = [...model.tree.subtree(place.id)].filter((t) => t.level === 'settlement').length;
  const indicators = await indicatorsOf(db, place.id);

  const [sites, estimates, recipients] = await Promise.all([
    db
      .select({ site: serviceSite, settlement: territory.name })
      .from(serviceSite)
      .innerJoin(territory, eq(territory.id, serviceSite.settlementId))
      .where(and(eq(serviceSite.year, year), like(territory.path, `${place.path}%`)))
      .orderBy(asc(serviceSite.serviceType), asc(serviceSite.name)),
    surveyEstimates(db, assessmentId),
    recipientsView(db, assessmentId),
  ]);

  const gaps: ReportData['gaps'] = [];
  const noEstimates: ReportData['noEstimates'] = [];
  if (model.siteYears.includes(year) || model.siteYears.length > 0) {
    for (const method of GAP_METHODS) {
      const { summary } = await gapSummaryOf(models, { id: place.id, country: place.country, level: place.level }, model.siteYears.includes(year) ? year : undefined, method);
      const estimate = methodEstimate(method, summary.rows);
      if (!estimate.estimate) noEstimates.push({ method, missing: estimate.missing });
      for (const r of summary.rows) {
        if (r.need === null) continue;
        gaps.push({ serviceType: r.serviceType, serviceTypeName: typeName(r.serviceType), unit: r.capacityUnit, needUnit: r.needUnit, comparable: r.comparable, method, need: r.need, needLow: r.needLow, needHigh: r.needHigh, capacity: r.capacity, gap: r.gap, coverage: r.coverage });
      }
    }
  }

  const questions: ReportData['questions'] = [];
  for (const q of detail.questionnaires) {
    const stats = await questionnaireStats(db, q.id, {});
    for (const s of stats.questions) {
      if (!s.frequencies || s.n === 0) continue;
      const hidden = suppressFrequencies(
        s.frequencies.map((f) => f.count),
        row.suppressionThreshold,
        { additive: s.type !== 'multiple' },
      );
      questions.push({
        title: textIn(s.title, language, s.name),
        respondents: s.n,
        items: s.frequencies.map((f, i) => ({ text: textIn(f.text, language, f.value), count: hidden.counts[i] ?? null, share: hidden.counts[i] === null ? null : f.share })),
      });
    }
  }

  return {
    language,
    generatedOn: new Date().toISOString().slice(0, 10),
    assessment: {
      title: row.title,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      year: row.year,
      status: row.status,
      rulesOfWork: row.rulesOfWork,
      planApprovedOn: row.planApprovedOn,
      planDecision: row.planDecision,
      conclusions: row.conclusions,
      recommendations: row.recommendations,
      demo: row.demo,
    },
    territory: { code: place.code, name: place.name, nameEn: place.nameEn, level: place.level, country: place.country as TCountry, parents },
    members: detail.members,
    measures: detail.measures.map(({ activity, responsible, dueDate, status }) => ({ activity, responsible, dueDate, status })),
    methods: detail.methods.map(({ method, description }) => ({ method, description })),
    groups: detail.groups.map(({ key, name, targetRespondents, responses, population, populationSource }) => ({ key, name, targetRespondents, responses, population, populationSource })),
    profile: {
      population: total ? { year: total.source.year, total: total.value, how: total.source.how } : null,
      ageBands: pyramid.bands,
      settlements,
      indicators: indicators.filter((i) => i.year <= year).map((i) => ({ indicator: i.indicator, year: i.year, value: Number(i.value), source: i.source ?? '' })),
    },
    services: sites.map(({ site, settlement }) => ({
      name: site.name,
      serviceType: site.serviceType,
      serviceTypeName: typeName(site.serviceType),
      unit: typeOf.get(site.serviceType)?.unit ?? 'places',
      provider: site.provider,
      settlement,
      capacity: site.capacity,
      users: site.users,
      waitingList: site.waitingList,
      demo: site.demo,
    })),
    gaps,
    noEstimates,
    serviceTypes: model.serviceTypes,
    estimates: estimates.map((e) => ({
      serviceType: e.serviceType,
      serviceTypeName: typeName(e.serviceType),
      need: e.need,
      needLow: e.needLow,
      needHigh: e.needHigh,
      prevalence: e.prevalence,
      low: e.low,
      high: e.high,
      respondents: e.respondents,
      byGroup: e.byGroup.map((g) => ({ group: groupName.get(g.groupId) ?? String(g.groupId), answered: g.answered, positive: g.positive, prevalence: g.prevalence, population: g.population })),
    })),
    recipients: recipients.items.map((r) => ({ ...r, serviceTypeName: typeName(r.serviceType) })),
    questions,
    findings: detail.findings.map((f) => ({ method: f.method, topic: f.topic, group: f.respondentGroupId === null ? null : (groupName.get(f.respondentGroupId) ?? null), text: f.text, quote: f.quote, serviceTypes: f.serviceTypes.map(typeName) })),
    suppressionThreshold: row.suppressionThreshold,
  };
}
