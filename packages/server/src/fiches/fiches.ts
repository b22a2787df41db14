import { AppError, FICHE_STATUSES, ficheProblems, ficheTotal, mayMoveStatus, scoreFiches, ZFicheInput, type Actor, type TFicheInput, type TFicheStatus } from '@potreby/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { gapSummaryOf } from '../gaps/gap-report';
import type { PlacedTerritory } from '../http/guards';
import type { CountryModels } from '../model/country-model';
import { territory as territoryTable } from '../territories/tables';
import { mayWriteFiches } from './access';
import type { TFicheView, TPortfolio, TWorkshopInput, TWorkshopView } from './schema';
import { ZWorkshopInput } from './schema';
import { ficheProblem, ficheWorkshop, projectFiche, type FicheRow, type ProblemRow, type WorkshopRow } from './tables';
import { ROUND_CURRENCY } from '@potreby/domain/planning/proposal';

const invalid = (issues: { path: string; message: string }[]) => new AppError('validation.invalid', {}, { issues });

/** Working meetings and fiches belong to a municipality. */
export function checkMunicipality(t: PlacedTerritory) {
  if (t.level !== 'municipality') throw new AppError('not_found');
}

const refuseWrite = (actor: Actor, municipality: PlacedTerritory) => {
  checkMunicipality(municipality);
  if (!mayWriteFiches(actor, municipality)) throw new AppError('auth.forbidden');
};

// ---- working meetings ----

export const presentWorkshop = (w: WorkshopRow, entries: readonly ProblemRow[]): TWorkshopView => ({
  id: w.id,
  municipalityId: w.municipalityId,
  date: w.date,
  place: w.place,
  topic: w.topic,
  participants: w.participants,
  entries: entries.filter((e) => e.workshopId === w.id).map((e) => ({ id: e.id, kind: e.kind as 'problem' | 'idea', text: e.text })),
});

export async function listWorkshops(db: Db, municipality: PlacedTerritory): Promise<TWorkshopView[]> {
  checkMunicipality(municipality);
  const workshops = await db.select().from(ficheWorkshop).where(eq(ficheWorkshop.municipalityId, municipality.id)).orderBy(asc(ficheWorkshop.date), asc(ficheWorkshop.id));
  const entries = workshops.length === 0 ? [] : await db.select().from(ficheProblem).where(inArray(ficheProblem.workshopId, workshops.map((w) => w.id))).orderBy(asc(ficheProblem.sortOrder), asc(ficheProblem.id));
  return workshops.map((w) => presentWorkshop(w, entries));
}

/** Create (id null) or change a working meeting with its participants and entries; an entry a fiche points to cannot be dropped. */
export async function saveWorkshop(db: Db, actor: Actor, author: ChangeAuthor, municipality: PlacedTerritory, id: number | null, body: TWorkshopInput): Promise<TWorkshopView> {
  refuseWrite(actor, municipality);
  const input = ZWorkshopInput.parse(body);
  return db.transaction(async (tx) => {
    let before: WorkshopRow | undefined;
    let old: ProblemRow[] = [];
    if (id !== null) {
      [before] = await tx.select().from(ficheWorkshop).where(and(eq(ficheWorkshop.id, id), eq(ficheWorkshop.municipalityId, municipality.id)));
      if (!before) throw new AppError('not_found');
      old = await tx.select().from(ficheProblem).where(eq(ficheProblem.workshopId, id));
    }
    const keptIds = new Set(input.entries.flatMap((e) => (e.id ? [e.id] : [])));
    const unknown = input.entries.map((e, i) => ({ e, i })).filter(({ e }) => e.id !== undefined && !old.some((o) => o.id === e.id));
    if (unknown.length > 0) throw invalid(unknown.map(({ i }) => ({ path: `entries.${i}.id`, message: 'not_in_meeting' })));
    const dropped = old.filter((o) => !keptIds.has(o.id)).map((o) => o.id);
    if (dropped.length > 0) {
      const fiches = await tx.select({ problemIds: projectFiche.problemIds }).from(projectFiche).where(eq(projectFiche.municipalityId, municipality.id));
      if (fiches.some((f) => f.problemIds.some((p) => dropped.includes(p)))) throw new AppError('conflict.in_use');
      await tx.delete(ficheProblem).where(inArray(ficheProblem.id, dropped));
    }
    const values = { municipalityId: municipality.id, date: input.date, place: input.place, topic: input.topic, participants: input.participants, updatedAt: new Date() };
    const [row] = id === null ? await tx.insert(ficheWorkshop).values({ ...values, createdBy: author.userId }).returning() : await tx.update(ficheWorkshop).set(values).where(eq(ficheWorkshop.id, id)).returning();
    for (const [i, e] of input.entries.entries()) {
      if (e.id) await tx.update(ficheProblem).set({ kind: e.kind, text: e.text, sortOrder: i }).where(eq(ficheProblem.id, e.id));
      else await tx.insert(ficheProblem).values({ workshopId: row!.id, municipalityId: municipality.id, kind: e.kind, text: e.text, sortOrder: i });
    }
    const entries = await tx.select().from(ficheProblem).where(eq(ficheProblem.workshopId, row!.id)).orderBy(asc(ficheProblem.sortOrder), asc(ficheProblem.id));
    const view = presentWorkshop(row!, entries);
    await recordChange(tx, author, { action: id === null ? 'create' : 'update', entity: 'fiche_workshop', entityId: row!.id, country: municipality.country, territoryId: municipality.id, before: before ? { ...presentWorkshop(before, old) } : undefined, after: view });
    return view;
  });
}

export async function deleteWorkshop(db: Db, actor: Actor, author: ChangeAuthor, municipality: PlacedTerritory, id: number): Promise<void> {
  refuseWrite(actor, municipality);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(ficheWorkshop).where(and(eq(ficheWorkshop.id, id), eq(ficheWorkshop.municipalityId, municipality.id)));
    if (!before) throw new AppError('not_found');
    const entries = await tx.select().from(ficheProblem).where(eq(ficheProblem.workshopId, id));
    const fiches = await tx.select({ problemIds: projectFiche.problemIds }).from(projectFiche).where(eq(projectFiche.municipalityId, municipality.id));
    if (fiches.some((f) => f.problemIds.some((p) => entries.some((e) => e.id === p)))) throw new AppError('conflict.in_use');
    await tx.delete(ficheWorkshop).where(eq(ficheWorkshop.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'fiche_workshop', entityId: id, country: municipality.country, territoryId: municipality.id, before: presentWorkshop(before, entries) });
  });
}

// ---- fiches ----

export const presentFiche = (r: FicheRow): TFicheView => ({
  id: r.id,
  municipalityId: r.municipalityId,
  title: r.title,
  problemIds: r.problemIds,
  serviceTypes: r.serviceTypes,
  objectives: r.objectives,
  activities: r.activities,
  targetGroup: r.targetGroup,
  peopleReached: r.peopleReached,
  settlementIds: r.settlementIds,
  partners: r.partners,
  startMonth: r.startMonth,
  months: r.months,
  budget: r.budget,
  indicators: r.indicators,
  owner: r.owner,
  status: r.status as TFicheStatus,
  totalCost: r.totalCost,
  updatedAt: r.updatedAt.toISOString(),
});

/** A fiche of a municipality the actor reads (or writes); 404 otherwise, as for anything not theirs. */
export async function loadFiche(db: Db, id: number): Promise<FicheRow> {
  const [row] = await db.select().from(projectFiche).where(eq(projectFiche.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The fiche's references within its municipality: its problems, its settlements, service types of the country. */
async function checkFiche(db: Db, models: CountryModels, municipality: PlacedTerritory, input: ReturnType<typeof ZFicheInput.parse>) {
  const issues: { path: string; message: string }[] = ficheProblems(input).map((p) => ({ path: p.path, message: p.code }));
  if (input.problemIds.length > 0) {
    const found = await db.select({ id: ficheProblem.id }).from(ficheProblem).where(and(inArray(ficheProblem.id, input.problemIds), eq(ficheProblem.municipalityId, municipality.id)));
    input.problemIds.forEach((p, i) => {
      if (!found.some((f) => f.id === p)) issues.push({ path: `problemIds.${i}`, message: 'not_in_municipality' });
    });
  }
  if (input.settlementIds.length > 0) {
    const found = await db.select({ id: territoryTable.id, path: territoryTable.path }).from(territoryTable).where(inArray(territoryTable.id, input.settlementIds));
    input.settlementIds.forEach((s, i) => {
      if (!found.some((f) => f.id === s && f.path.startsWith(municipality.path))) issues.push({ path: `settlementIds.${i}`, message: 'not_in_municipality' });
    });
  }
  const model = await models.get(municipality.country as never);
  const types = new Set(model.serviceTypes.map((s) => s.key));
  input.serviceTypes.forEach((s, i) => {
    if (!types.has(s)) issues.push({ path: `serviceTypes.${i}`, message: 'unknown_service_type' });
  });
  if (issues.length > 0) throw invalid(issues);
}

export async function saveFiche(db: Db, models: CountryModels, actor: Actor, author: ChangeAuthor, municipality: PlacedTerritory, id: number | null, body: TFicheInput): Promise<FicheRow> {
  refuseWrite(actor, municipality);
  const input = ZFicheInput.parse(body);
  await checkFiche(db, models, municipality, input);
  return db.transaction(async (tx) => {
    const before = id === null ? null : await loadFiche(tx, id);
    if (before && before.municipalityId !== municipality.id) throw new AppError('not_found');
    const values = { ...input, municipalityId: municipality.id, totalCost: ficheTotal(input), updatedAt: new Date() };
    const [row] = id === null ? await tx.insert(projectFiche).values({ ...values, createdBy: author.userId }).returning() : await tx.update(projectFiche).set(values).where(eq(projectFiche.id, id)).returning();
    await recordChange(tx, author, { action: id === null ? 'create' : 'update', entity: 'project_fiche', entityId: row!.id, country: municipality.country, territoryId: municipality.id, before: before ? presentFiche(before) : undefined, after: presentFiche(row!) });
    return row!;
  });
}

export async function moveFiche(db: Db, actor: Actor, author: ChangeAuthor, municipality: PlacedTerritory, id: number, status: TFicheStatus): Promise<FicheRow> {
  refuseWrite(actor, municipality);
  const before = await loadFiche(db, id);
  if (before.municipalityId !== municipality.id) throw new AppError('not_found');
  if (!mayMoveStatus(before.status as TFicheStatus, status)) throw invalid([{ path: 'status', message: 'one_step' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(projectFiche).set({ status, updatedAt: new Date() }).where(eq(projectFiche.id, id)).returning();
    await recordChange(tx, author, { action: 'update', entity: 'project_fiche', entityId: id, country: municipality.country, territoryId: municipality.id, before: { status: before.status }, after: { status } });
    return row!;
  });
}

export async function deleteFiche(db: Db, actor: Actor, author: ChangeAuthor, municipality: PlacedTerritory, id: number): Promise<void> {
  refuseWrite(actor, municipality);
  const before = await loadFiche(db, id);
  if (before.municipalityId !== municipality.id) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    await tx.delete(projectFiche).where(eq(projectFiche.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'project_fiche', entityId: id, country: municipality.country, territoryId: municipality.id, before: presentFiche(before) });
  });
}

export type PortfolioFilter = { status?: TFicheStatus; source?: string; serviceType?: string; q?: string };

/**
 * The municipality's portfolio: its fiches (filtered) with their transparent scores — computed
 * over the fiches shown, so the scale is the portfolio being compared — and the sums a chart
 * needs (fiches and cost by status; money by year and funding source). The gaps are the
 * municipality's by the normative method in its default year.
 */
export async function portfolio(db: Db, models: CountryModels, municipality: PlacedTerritory, filter: PortfolioFilter): Promise<TPortfolio> {
  checkMunicipality(municipality);
  const rows = await db.select().from(projectFiche).where(eq(projectFiche.municipalityId, municipality.id)).orderBy(asc(projectFiche.id));
  const q = filter.q?.trim().toLocaleLowerCase();
  const shown = rows.filter(
    (r) =>
      (!filter.status || r.status === filter.status) &&
      (!filter.source || r.budget.some((b) => b.source === filter.source)) &&
      (!filter.serviceType || r.serviceTypes.includes(filter.serviceType)) &&
      (!q || [r.title, r.objectives, r.targetGroup, r.owner, ...r.partners, ...r.activities].some((x) => x.toLocaleLowerCase().includes(q))),
  );
  const { summary } = await gapSummaryOf(models, municipality, undefined, 'normative');
  const gapOf = new Map(summary.rows.map((r) => [r.serviceType, r.gap]));
  const scores = new Map(
    scoreFiches(shown.map((r) => ({ id: r.id, status: r.status as TFicheStatus, gaps: r.serviceTypes.map((s) => ({ serviceType: s, gap: gapOf.get(s) ?? null })), peopleReached: r.peopleReached, totalCost: r.totalCost }))).map((s) => [s.id, s]),
  );
  const bySource = new Map<string, { year: number; source: string; amount: number }>();
  for (const r of shown) for (const b of r.budget) {
    const key = `${b.year}|${b.source}`;
    const line = bySource.get(key) ?? { year: b.year, source: b.source, amount: 0 };
    line.amount += b.amount;
    bySource.set(key, line);
  }
  return {
    currency: ROUND_CURRENCY[municipality.country as keyof typeof ROUND_CURRENCY] ?? 'EUR',
    items: shown.map((r) => {
      const s = scores.get(r.id)!;
      return { ...presentFiche(r), score: { total: s.total, gap: s.gap, reach: s.reach, cost: s.cost } };
    }).sort((a, b) => b.score.total - a.score.total || a.id - b.id),
    byStatus: FICHE_STATUSES.map((status) => ({ status, count: shown.filter((r) => r.status === status).length, cost: shown.filter((r) => r.status === status).reduce((s, r) => s + r.totalCost, 0) })),
    bySource: [...bySource.values()].sort((a, b) => a.year - b.year || a.source.localeCompare(b.source)),
  };
}
