import { AppError } from '@potreby/domain';
import { and, asc, desc, eq, gte, like, lte, sql } from 'drizzle-orm';
import { assessment } from '../assessments/tables';
import type { Db } from '../db/database';
import type { PlacedTerritory } from '../http/guards';
import { planningRound, proposalItem } from '../planning/tables';
import { serviceSite } from '../service-sites/tables';
import { territory } from '../territories/tables';

/**
 * Where the official documents find their data: the territory's assessment of a year, the
 * planning round a municipality takes part in, its service sites and its proposals. Each
 * finder answers "not there" with `document.missing_data`, naming what is missing, so the
 * screen and the command line can say where to enter it.
 */
export const missing = (data: string, place: PlacedTerritory, year: number) => new AppError('document.missing_data', { data, territory: place.name, code: place.code, year });

/** The territory's needs assessment of the year (the newest, if there are several); with `orEarlier`, the newest up to that year. */
export async function assessmentOf(db: Db, place: PlacedTerritory, year: number, orEarlier = false): Promise<number | null> {
  const [row] = await db
    .select({ id: assessment.id })
    .from(assessment)
    .where(and(eq(assessment.territoryId, place.id), orEarlier ? lte(assessment.year, year) : eq(assessment.year, year)))
    .orderBy(desc(assessment.year), desc(assessment.id))
    .limit(1);
  return row?.id ?? null;
}

/** The newest planning round whose period holds the year and whose territory holds the municipality (its own or its province's). */
export async function roundOf(db: Db, place: PlacedTerritory, year: number) {
  const [row] = await db
    .select({ round: planningRound, territory })
    .from(planningRound)
    .innerJoin(territory, eq(territory.id, planningRound.territoryId))
    .where(and(lte(planningRound.periodStart, year), gte(planningRound.periodEnd, year), sql`${place.path} like ${territory.path} || '%'`))
    .orderBy(desc(planningRound.id))
    .limit(1);
  return row ?? null;
}

export type TProposalRow = typeof proposalItem.$inferSelect;

export const proposalsOf = (db: Db, roundId: number, municipalityId: number): Promise<TProposalRow[]> =>
  db
    .select()
    .from(proposalItem)
    .where(and(eq(proposalItem.roundId, roundId), eq(proposalItem.municipalityId, municipalityId)))
    .orderBy(asc(proposalItem.startYear), asc(proposalItem.serviceType), asc(proposalItem.id));

export type TSiteRow = typeof serviceSite.$inferSelect;

/** The registry's newest year up to `year` with sites in the municipality, and its sites. */
export async function sitesOf(db: Db, place: PlacedTerritory, year: number): Promise<{ year: number; sites: TSiteRow[] } | null> {
  const within = and(eq(serviceSite.country, place.country), like(territory.path, `${place.path}%`));
  const [newest] = await db
    .select({ year: sql<number>`max(${serviceSite.year})` })
    .from(serviceSite)
    .innerJoin(territory, eq(territory.id, serviceSite.settlementId))
    .where(and(within, lte(serviceSite.year, year)));
  if (newest?.year === null || newest?.year === undefined) return null;
  const rows = await db
    .select({ site: serviceSite })
    .from(serviceSite)
    .innerJoin(territory, eq(territory.id, serviceSite.settlementId))
    .where(and(within, eq(serviceSite.year, Number(newest.year))))
    .orderBy(asc(serviceSite.serviceType), asc(serviceSite.name));
  return { year: Number(newest.year), sites: rows.map((r) => r.site) };
}
