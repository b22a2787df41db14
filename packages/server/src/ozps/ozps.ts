import { ozpsIndicator, ozpsProblems, ozpsTable, ozpsYears, type TOzpsFigure, type TOzpsFigureInput, type TOzpsProblem, type TOzpsRow } from '@potreby/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { missing } from '../documents/sources';
import type { PlacedTerritory } from '../http/guards';
import { ozpsFigure } from './tables';

/** The OZPS is a Polish gmina's: any other place is told so, with the documents' own message. */
export function checkPolishGmina(place: PlacedTerritory, year: number) {
  if (place.country !== 'PL') throw missing('country_PL', place, year);
  if (place.level !== 'municipality') throw missing('level', place, year);
}

/** `demo`: some figure shown is the demonstration's (illustrative), not the gmina's own. */
export type TOzpsView = { municipalityId: number; year: number; years: number[]; rows: TOzpsRow[]; problems: TOzpsProblem[]; demo: boolean; updatedAt: string | null };

/** The figures of the three years an OZPS for `year` covers. */
export async function ozpsFigures(db: Db, place: PlacedTerritory, year: number): Promise<(TOzpsFigure & { demo: boolean; updatedAt: Date })[]> {
  const rows = await db
    .select()
    .from(ozpsFigure)
    .where(and(eq(ozpsFigure.municipalityId, place.id), inArray(ozpsFigure.year, ozpsYears(year))));
  return rows.map((r) => ({ indicator: r.indicator, year: r.year, value: r.value, demo: r.demo, updatedAt: r.updatedAt }));
}

export async function loadOzps(db: Db, place: PlacedTerritory, year: number): Promise<TOzpsView> {
  checkPolishGmina(place, year);
  const figures = await ozpsFigures(db, place, year);
  const rows = ozpsTable(figures, year);
  const newest = figures.reduce<Date | null>((a, f) => (a === null || f.updatedAt > a ? f.updatedAt : a), null);
  return { municipalityId: place.id, year, years: ozpsYears(year), rows, problems: ozpsProblems(rows, year), demo: figures.some((f) => f.demo), updatedAt: newest?.toISOString() ?? null };
}

/**
 * Enter, change or remove figures (null removes: the figure was not known after all), all in one
 * transaction with an audit entry for each figure that changed; unchanged ones write nothing.
 */
export async function saveOzps(db: Db, author: ChangeAuthor, place: PlacedTerritory, figures: readonly TOzpsFigureInput[]): Promise<void> {
  for (const f of figures) checkPolishGmina(place, f.year);
  await db.transaction(async (tx) => {
    for (const f of figures) {
      if (!ozpsIndicator(f.indicator)) continue; // the input schema has refused it already
      const where = and(eq(ozpsFigure.municipalityId, place.id), eq(ozpsFigure.year, f.year), eq(ozpsFigure.indicator, f.indicator));
      const [before] = await tx.select().from(ozpsFigure).where(where);
      if ((before?.value ?? null) === f.value) continue;
      const audit = { entity: 'ozps_figure' as const, country: place.country, territoryId: place.id };
      const shown = (value: number) => ({ indicator: f.indicator, year: f.year, value });
      if (f.value === null) {
        await tx.delete(ozpsFigure).where(where);
        await recordChange(tx, author, { ...audit, action: 'delete', entityId: before!.id, before: shown(before!.value) });
      } else if (before) {
        await tx.update(ozpsFigure).set({ value: f.value, demo: false, updatedBy: author.userId, updatedAt: new Date() }).where(where);
        await recordChange(tx, author, { ...audit, action: 'update', entityId: before.id, before: shown(before.value), after: shown(f.value) });
      } else {
        const [row] = await tx.insert(ozpsFigure).values({ municipalityId: place.id, year: f.year, indicator: f.indicator, value: f.value, updatedBy: author.userId }).returning({ id: ozpsFigure.id });
        await recordChange(tx, author, { ...audit, action: 'create', entityId: row!.id, after: shown(f.value) });
      }
    }
  });
}
