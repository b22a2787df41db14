import { eq, like, sql } from 'drizzle-orm';
import { assessment, respondentGroup } from '../assessments/tables';
import { recordChange } from '../audit/record-change';
import type { Db } from '../db/database';
import { createQuestionnaire } from '../surveys/questionnaires';
import { territory } from '../territories/tables';
import { KHMILNYK, KHMILNYK_PROBLEMS, khmilnykQuestionnaire } from './demo-khmilnyk';
import { SEED_ACTOR, SEED_AUTHOR } from './seed-demo';

/** Rows per INSERT: one statement for a million rows would hold them all in one transaction's memory. */
const BATCH = 100_000;

/**
 * A copy of the Khmilnyk demonstration questionnaire filled with `count` illustrative responses,
 * for load tests and benchmarks of the analysis and the exports. The answers are made by the
 * database (generate_series), varied by arithmetic on the row number, with the same questions,
 * groups, settlements and free texts as the demonstration — marked `demo`, keys `many-…`.
 * Needs the seeded demo (Khmilnyk's assessment).
 */
export async function seedManyResponses(db: Db, count: number, title = 'Анкета: навантажувальна перевірка (ілюстративні відповіді)'): Promise<number> {
  const [hromada] = await db.select().from(territory).where(eq(territory.code, KHMILNYK));
  if (!hromada) throw new Error('seedManyResponses needs the seeded Khmilnyk demonstration');
  const [demo] = await db.select().from(assessment).where(eq(assessment.territoryId, hromada.id));
  const settlements = (await db.select({ id: territory.id, code: territory.code, name: territory.name }).from(territory).where(like(territory.path, `${hromada.path}%`))).filter(
    (s) => s.code !== KHMILNYK,
  );
  const groups = demo ? await db.select({ id: respondentGroup.id }).from(respondentGroup).where(eq(respondentGroup.assessmentId, demo.id)) : [];
  const id = await createQuestionnaire(db, SEED_ACTOR, SEED_AUTHOR, {
    title,
    assessmentId: demo?.id ?? null,
    territoryId: hromada.id,
    definition: khmilnykQuestionnaire(settlements),
    demo: true,
  });

  const intArray = (values: number[]) => sql`array[${sql.join(values.map((v) => sql`${v}::int`), sql`, `)}]::int[]`;
  const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}::text`), sql`, `)}]::text[]`;
  // A yes/no answer that is "yes" for about `percent` % of rows, differently for each question (salt).
  const yes = (salt: number, percent: number) => sql.raw(`case when (i * ${salt}) % 100 < ${percent} then 'yes' else 'no' end`);
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.execute(sql`
      insert into response (questionnaire_id, version, respondent_group_id, settlement_id, answers, channel, submission_key, submitted_at, demo)
      select ${id}, 1,
             g.ids[(1 + i % cardinality(g.ids))::int],
             s.ids[(1 + (i * 7919) % cardinality(s.ids))::int],
             jsonb_build_object(
               'settlement', s.codes[(1 + (i * 7919) % cardinality(s.ids))::int],
               'age', 18 + (i * 37) % 72,
               'lives_alone', ${yes(13, 30)},
               'needs_home_care', ${yes(17, 25)},
               'uses_home_care', ${yes(19, 10)},
               'needs_day_care', ${yes(23, 12)},
               'needs_escort', ${yes(29, 15)},
               'needs_counselling', ${yes(31, 20)},
               'needs_in_kind', ${yes(37, 30)},
               'information_sources', (array['["starosta","internet"]', '["social_worker"]', '[]', '["neighbours","starosta","internet"]'])[(1 + i % 4)::int]::jsonb)
             || case when (i * 19) % 100 < 10 then jsonb_build_object('satisfied_home_care', (array['satisfied','partly','not_satisfied'])[(1 + i % 3)::int]) else '{}'::jsonb end
             || case when i % 10 < 3 then jsonb_build_object('main_problem', p.texts[(1 + i % cardinality(p.texts))::int]) else '{}'::jsonb end,
             case when i % 3 = 0 then 'paper' else 'web' end,
             'many-' || ${id} || '-' || i,
             now() - make_interval(secs => i),
             true
      from generate_series(${from}::bigint, ${to}::bigint) i,
           (select ${groups.length ? intArray(groups.map((g) => g.id)) : sql`array[null]::int[]`} as ids) g,
           (select ${intArray(settlements.map((s) => s.id))} as ids, ${textArray(settlements.map((s) => s.code))} as codes) s,
           (select ${textArray(KHMILNYK_PROBLEMS)} as texts) p`);
  }
  // Fresh statistics, as after any bulk load: PGlite has no autovacuum to gather them.
  await db.execute(sql`analyze response`);
  await recordChange(db, SEED_AUTHOR, { action: 'seed', entity: 'response', entityId: id, after: { questionnaireId: id, responses: count, illustrative: true } });
  return id;
}
