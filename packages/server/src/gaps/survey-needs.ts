import { PLANNING_LEVEL, type SurveyNeed } from '@potreby/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { surveyEstimates } from '../assessments/estimates';
import { assessment } from '../assessments/tables';
import { rows, type Db } from '../db/database';
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

/**
 * What the survey estimates depend on, as one key: the newest answer (answers are only ever added;
 * they are removed only with their questionnaire, which is a change) and the newest change of any
 * kind (respondent groups, tags, assessments — not all of them name a country, so the country's
 * revision would miss some). Two lookups of an index's last entry. With it the survey dashboard
 * is kept between requests like the other methods' (it was computed for each: 34 requests a
 * second on PGlite with 50 users, p99 9 s).
 */
export async function surveyRevision(db: Db): Promise<string> {
  const [row] = await rows<{ answer: string | number | null; change: string | number | null }>(
    db,
    sql`select (select max(id) from response) as answer, (select max(id) from audit_log) as change`,
  );
  return `${row?.answer ?? 0}.${row?.change ?? 0}`;
}
