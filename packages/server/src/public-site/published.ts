import { serviceTypeNameIn, SUPPRESSION_THRESHOLD, type TCountry, type TServiceType } from '@potreby/domain';
import { ROUND_CURRENCY } from '@potreby/domain/planning/proposal';
import { COUNTRY_LANGUAGE, translator, type TLanguage } from '@potreby/i18n';
import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import { assessment } from '../assessments/tables';
import { publicMemo } from '../consultation/public-cache';
import type { Db } from '../db/database';
import { ficheProblem, projectFiche } from '../fiches/tables';
import { gapSummaryOf } from '../gaps/gap-report';
import type { CountryModels } from '../model/country-model';
import { agreementVersion } from '../planning/agreement/tables';
import { planningRound, proposalItem } from '../planning/tables';
import { territoryName } from '../reports/document-text';
import { territoryDefaultYear } from '../service-sites/registry-years';
import { serviceSite } from '../service-sites/tables';
import type { TerritoryRow } from '../territories/queries';
import { territory as territoryTable, territoryBoundary } from '../territories/tables';
import { PUBLISHING_LEVELS, publishedWithin, territoriesById, type TPublicSection } from './publications';

/**
 * What a territory's authorities have published on its public page (issue 9, item 5): for a
 * municipality its own sections, for a region its own and each of its municipalities' — every
 * figure in the reader's language, nothing of a section not published. No person's name (a
 * fiche's owner, a meeting's participants are left out) and no small count: users and waiting
 * lists under the threshold of published survey tables (surveys/suppress-small-cells.ts) read
 * "fewer than N".
 */
export const SMALL_CELL = SUPPRESSION_THRESHOLD;

/** A count as it may be published: the number, "fewer than N" (1 … N−1), or not reported. */
export type PublicCount = { value: number | null; fewerThan: number | null };
export const publicCount = (n: number | null | undefined): PublicCount =>
  n === null || n === undefined ? { value: null, fewerThan: null } : n > 0 && n < SMALL_CELL ? { value: null, fewerThan: SMALL_CELL } : { value: n, fewerThan: null };

export type PublicSite = { name: string; settlement: string; serviceType: string; capacity: number; unit: string; users: PublicCount; waitingList: PublicCount };
export type MapPoint = { settlement: string; x: number; y: number; sites: number };
export type ServicesSection = {
  year: number;
  sites: PublicSite[];
  /** Capacity summed per unit only: places and persons a year never add up. */
  totals: { unit: string; capacity: number }[];
  map: { width: number; height: number; outline: string[]; points: MapPoint[] } | null;
};
export type PublicGap = { serviceType: string; need: number | null; needUnit: string; capacity: number; capacityUnit: string; gap: number | null };
export type GapsSection = { year: number; assessment: string | null; rows: PublicGap[] };
export type PublicPlanItem = { round: string; action: string; serviceType: string; capacityChange: number; unit: string; settlement: string; startYear: number; signed: boolean };
export type PlanSection = { items: PublicPlanItem[] };
export type PublicFiche = { title: string; problems: string[]; objectives: string; settlements: string[]; totalCost: number; currency: string; status: string };
export type FichesSection = { items: PublicFiche[] };
export type PublishedSections = { services?: ServicesSection; gaps?: GapsSection; plan?: PlanSection; fiches?: FichesSection };
/** `textLanguage`: the language the authority writes its own texts in (site names, fiches), its country's. */
export type PublishedPart = { territory: { id: number; code: string; name: string; level: string }; textLanguage: TLanguage; publishedOn: Partial<Record<TPublicSection, string>>; sections: PublishedSections };
export type PublishedPlace = { parts: PublishedPart[] };

const nameIn = (t: Pick<TerritoryRow, 'name' | 'nameEn' | 'country'>, language: TLanguage) => territoryName({ ...t, country: t.country as TCountry }, language);

/** The published parts of a place: itself, then its municipalities (by name) that published anything. */
export function publishedPlace(db: Db, models: CountryModels, place: TerritoryRow, language: TLanguage): Promise<PublishedPlace> {
  return publicMemo(`published:${place.id}:${language}`, () => readPublished(db, models, place, language));
}

async function readPublished(db: Db, models: CountryModels, place: TerritoryRow, language: TLanguage): Promise<PublishedPlace> {
  const published = await publishedWithin(db, place.path);
  const rows = (await territoriesById(db, [...published.keys()])).filter((r) => PUBLISHING_LEVELS.has(r.level) && (r.id === place.id || place.level !== 'municipality'));
  rows.sort((a, b) => (a.id === place.id ? -1 : b.id === place.id ? 1 : nameIn(a, language).localeCompare(nameIn(b, language), language)));
  const parts: PublishedPart[] = [];
  for (const row of rows) {
    const on = published.get(row.id)!;
    const sections: PublishedSections = {};
    const ctx = { db, models, language };
    if (on.has('services')) sections.services = await servicesOf(ctx, row);
    if (on.has('gaps')) sections.gaps = await gapsOf(ctx, row);
    if (on.has('plan')) sections.plan = await planOf(ctx, row);
    if (on.has('fiches')) sections.fiches = await fichesOf(ctx, row);
    parts.push({ territory: { id: row.id, code: row.code, name: nameIn(row, language), level: row.level }, textLanguage: (COUNTRY_LANGUAGE as Record<string, TLanguage>)[row.country] ?? language, publishedOn: Object.fromEntries(on), sections });
  }
  return { parts };
}

type Ctx = { db: Db; models: CountryModels; language: TLanguage };

const typeNamer = (types: readonly TServiceType[], language: TLanguage) => {
  const t = translator(language);
  const byKey = new Map(types.map((s) => [s.key, s]));
  return (key: string) => {
    const type = byKey.get(key);
    return type ? serviceTypeNameIn(type, language, (k) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined) : key;
  };
};

async function servicesOf({ db, models, language }: Ctx, place: TerritoryRow): Promise<ServicesSection> {
  const t = translator(language);
  const model = await models.get(place.country as TCountry);
  const year = territoryDefaultYear(model, place.id);
  const typeName = typeNamer(model.serviceTypes, language);
  const unitOf = new Map(model.serviceTypes.map((s) => [s.key, s.unit as string]));
  const rows = await db
    .select({ site: serviceSite, settlement: territoryTable })
    .from(serviceSite)
    .innerJoin(territoryTable, eq(territoryTable.id, serviceSite.settlementId))
    .where(and(eq(serviceSite.year, year), like(territoryTable.path, `${place.path}%`)))
    .orderBy(asc(territoryTable.name), asc(serviceSite.name), asc(serviceSite.id));
  const sites = rows.map(({ site, settlement }) => {
    const unit = unitOf.get(site.serviceType) ?? 'places';
    return { name: site.name, settlement: nameIn(settlement, language), serviceType: typeName(site.serviceType), capacity: site.capacity, unit, users: publicCount(site.users), waitingList: publicCount(site.waitingList) };
  });
  const totals = new Map<string, number>();
  for (const s of sites) totals.set(s.unit, (totals.get(s.unit) ?? 0) + s.capacity);
  const map = await siteMap(db, place, rows.map((r) => r.settlement), language);
  return {
    year,
    sites: sites.map((s) => ({ ...s, unit: t(`publicSite.units.${s.unit}`) })),
    totals: [...totals].map(([unit, capacity]) => ({ unit: t(`publicSite.units.${unit}`), capacity })),
    map,
  };
}

type Ring = number[][];
/** The outer rings of a GeoJSON polygon or multipolygon. */
function ringsOf(geometry: unknown): Ring[] {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (g?.type === 'Polygon') return [(g.coordinates as Ring[])[0]!].filter(Boolean);
  if (g?.type === 'MultiPolygon') return (g.coordinates as Ring[][]).map((p) => p[0]!).filter(Boolean);
  return [];
}

/**
 * Where the sites stand, drawn without a script: the settlements that have a site, placed by their
 * coordinates (a site has none of its own), inside the place's boundary when there is one. An
 * equirectangular projection, its width scaled by the cosine of the latitude: right enough at the
 * scale of a municipality or region.
 */
async function siteMap(db: Db, place: TerritoryRow, settlements: TerritoryRow[], language: TLanguage): Promise<ServicesSection['map']> {
  const counts = new Map<number, { row: TerritoryRow; sites: number }>();
  for (const s of settlements) {
    if (s.lat === null || s.lon === null) continue;
    const c = counts.get(s.id) ?? { row: s, sites: 0 };
    c.sites += 1;
    counts.set(s.id, c);
  }
  const [boundary] = await db.select({ geometry: territoryBoundary.geometry }).from(territoryBoundary).where(eq(territoryBoundary.territoryId, place.id));
  const rings = boundary ? ringsOf(boundary.geometry) : [];
  const lonLat = [...rings.flat(), ...[...counts.values()].map((c) => [c.row.lon!, c.row.lat!])].filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (counts.size === 0 || lonLat.length === 0) return null;
  const lons = lonLat.map((p) => p[0]!);
  const lats = lonLat.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-3);
  const spanY = Math.max(maxLat - minLat, 1e-3);
  const width = 400;
  const inner = width - 40;
  const scale = inner / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale + 40);
  const x = (lon: number) => Math.round((20 + ((lon - minLon) * k * scale + (inner - spanX * scale) / 2)) * 10) / 10;
  const y = (lat: number) => Math.round((20 + (maxLat - lat) * scale) * 10) / 10;
  return {
    width,
    height,
    outline: rings.map((r) => r.map((p) => `${x(p[0]!)},${y(p[1]!)}`).join(' ')),
    points: [...counts.values()].map((c) => ({ settlement: nameIn(c.row, language), x: x(c.row.lon!), y: y(c.row.lat!), sites: c.sites })).sort((a, b) => a.settlement.localeCompare(b.settlement, language)),
  };
}

/**
 * Need against capacity by service type (the norms' method), as the gap screens compute it, for the
 * year of the place's latest completed (reported) assessment, else the year its registry is
 * complete for. A need nobody estimated stays "no estimate", never 0.
 */
/** Estimates to a tenth: more digits would claim a precision a need estimate does not have. */
const tenth = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

async function gapsOf({ db, models, language }: Ctx, place: TerritoryRow): Promise<GapsSection> {
  const t = translator(language);
  const model = await models.get(place.country as TCountry);
  const [latest] = await db
    .select({ title: assessment.title, year: assessment.year })
    .from(assessment)
    .where(and(eq(assessment.territoryId, place.id), eq(assessment.status, 'reported')))
    .orderBy(desc(assessment.periodTo), desc(assessment.id))
    .limit(1);
  const year = latest && model.siteYears.includes(latest.year) ? latest.year : undefined;
  const { summary } = await gapSummaryOf(models, { id: place.id, country: place.country, level: place.level }, year, 'normative');
  const typeName = typeNamer(model.serviceTypes, language);
  return {
    year: summary.year,
    assessment: latest?.title ?? null,
    rows: summary.rows
      .filter((r) => r.need !== null || r.capacity > 0)
      .map((r) => ({ serviceType: typeName(r.serviceType), need: tenth(r.need), needUnit: t(`publicSite.units.${r.needUnit}`), capacity: tenth(r.capacity)!, capacityUnit: t(`publicSite.units.${r.capacityUnit}`), gap: r.comparable ? tenth(r.gap) : null }))
      .sort((a, b) => a.serviceType.localeCompare(b.serviceType, language)),
  };
}

/**
 * The place's items in its newest planning round: a municipality's own proposals, a region's
 * every municipality's — marked signed when the round's agreement is.
 */
async function planOf({ db, models, language }: Ctx, place: TerritoryRow): Promise<PlanSection> {
  const t = translator(language);
  const model = await models.get(place.country as TCountry);
  const typeName = typeNamer(model.serviceTypes, language);
  const items = await db
    .select({ item: proposalItem, round: planningRound })
    .from(proposalItem)
    .innerJoin(planningRound, eq(planningRound.id, proposalItem.roundId))
    .innerJoin(territoryTable, eq(territoryTable.id, proposalItem.municipalityId))
    .where(like(territoryTable.path, `${place.path}%`))
    .orderBy(desc(planningRound.id), asc(proposalItem.startYear), asc(proposalItem.id));
  const newest = items[0]?.round.id;
  const taken = items.filter((i) => i.round.id === newest);
  if (taken.length === 0) return { items: [] };
  const signed = (await db.select({ id: agreementVersion.id }).from(agreementVersion).where(and(eq(agreementVersion.roundId, newest!), eq(agreementVersion.status, 'signed'))).limit(1)).length > 0;
  const settlementIds = [...new Set(taken.map((i) => i.item.settlementId).filter((id): id is number => id !== null))];
  const settlements = new Map((await territoriesById(db, settlementIds)).map((s) => [s.id, nameIn(s, language)]));
  return {
    items: taken.map(({ item, round }) => ({
      round: `${round.periodStart}–${round.periodEnd}`,
      action: t(`agreement.actions.${item.action}`),
      serviceType: typeName(item.serviceType),
      capacityChange: item.capacityChange,
      unit: t(`publicSite.units.${item.unit}`),
      settlement: item.settlementId === null ? '' : (settlements.get(item.settlementId) ?? ''),
      startYear: item.startYear,
      signed,
    })),
  };
}

const PUBLIC_FICHE_STATUSES = ['shortlisted', 'in_plan', 'funded', 'done'];

/** Fiches shortlisted or further on: what they address and cost; never who runs them. */
async function fichesOf({ db, language }: Ctx, place: TerritoryRow): Promise<FichesSection> {
  const t = translator(language);
  const rows = await db
    .select({ fiche: projectFiche })
    .from(projectFiche)
    .innerJoin(territoryTable, eq(territoryTable.id, projectFiche.municipalityId))
    .where(and(like(territoryTable.path, `${place.path}%`), inArray(projectFiche.status, PUBLIC_FICHE_STATUSES)))
    .orderBy(asc(projectFiche.title), asc(projectFiche.id));
  const problemIds = [...new Set(rows.flatMap((r) => r.fiche.problemIds))];
  const problems = new Map((problemIds.length === 0 ? [] : await db.select({ id: ficheProblem.id, text: ficheProblem.text }).from(ficheProblem).where(inArray(ficheProblem.id, problemIds))).map((p) => [p.id, p.text]));
  const settlementIds = [...new Set(rows.flatMap((r) => r.fiche.settlementIds))];
  const settlements = new Map((await territoriesById(db, settlementIds)).map((s) => [s.id, nameIn(s, language)]));
  const currency = ROUND_CURRENCY[place.country as keyof typeof ROUND_CURRENCY] ?? 'EUR';
  return {
    items: rows.map(({ fiche }) => ({
      title: fiche.title,
      problems: fiche.problemIds.map((id) => problems.get(id)).filter((p): p is string => !!p),
      objectives: fiche.objectives,
      settlements: fiche.settlementIds.map((id) => settlements.get(id)).filter((s): s is string => !!s),
      totalCost: fiche.totalCost,
      currency,
      status: t(`fiches.statuses.${fiche.status}`),
    })),
  };
}
