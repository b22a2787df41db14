import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database';
import { dataset, indicatorValue, population } from './tables';

/** Where the population figures of these units in this year came from. */
export async function populationSources(db: Db, territoryIds: number[], year: number) {
  if (territoryIds.length === 0) return [];
  return db
    .selectDistinct({ source: dataset.source, illustrative: dataset.illustrative, fileName: dataset.fileName })
    .from(population)
    .innerJoin(dataset, eq(dataset.id, population.datasetId))
    .where(and(inArray(population.territoryId, territoryIds), eq(population.year, year)));
}

export async function indicatorsOf(db: Db, territoryId: number) {
  return db
    .select({ indicator: indicatorValue.indicator, year: indicatorValue.year, value: indicatorValue.value, source: indicatorValue.source, sourceDate: indicatorValue.sourceDate })
    .from(indicatorValue)
    .where(eq(indicatorValue.territoryId, territoryId))
    .orderBy(indicatorValue.indicator, desc(indicatorValue.year));
}
