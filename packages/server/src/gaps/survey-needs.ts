import { PLANNING_LEVEL, type SurveyNeed } from '@potreby/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { surveyEstimates } from '../assessments/estimates';
import { assessment } from '../assessments/tables';
import type { Db } from '../db/database';
import type { CountryModel } from '../model/country-model';

/**
 * The survey-based needs of a year: for every municipality (hromada, gmina) assessed for that
 * year, the estimates of its newest assessment, by service type. Assessments of a larger or
 * smaller territory are left out: their figures cannot be split into municipalities honestly.
 */
export async function surveyNeedsOf(db: Db, model: CountryModel, year: number): Promise<Map<number, Map<string, SurveyNeed>>> {
  const units = [...model.territories.values()].filter((t) => t.level === PLANNING_LEVEL).map((t) => t.id);
  const needs = new Map<number, Map<string, SurveyNeed>>();
  if (units.length === 0) return needs;
  const found = await db
    .select({ id: assessment.id, territoryId: assessment.territoryId })
    .from(assessment)
    .where(and(eq(assessment.year, year), inArray(assessment.territoryId, units)))
    .orderBy(desc(assessment.id));
  for (const a of found) {
    if (needs.has(a.territoryId)) continue; // the newest assessment of the unit counts
    const byType = new Map<string, SurveyNeed>();
    for (const e of await surveyEstimates(db, a.id)) byType.set(e.serviceType, { value: e.need, low: e.needLow, high: e.needHigh, assessmentId: a.id });
    needs.set(a.territoryId, byType);
  }
  return needs;
}
