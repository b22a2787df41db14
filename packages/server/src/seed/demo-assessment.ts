import type { TAssessmentInput } from '@potreby/domain';
import { eq } from 'drizzle-orm';
import { createAssessment, savePart } from '../assessments/save-assessment';
import { assessment, respondentGroup } from '../assessments/tables';
import { recordChange } from '../audit/record-change';
import type { Db } from '../db/database';
import { createLink, createQuestionnaire, setTags } from '../surveys/questionnaires';
import { response } from '../surveys/tables';
import { SEED_ACTOR, SEED_AUTHOR } from './seed-demo';

/**
 * What the illustrative needs assessments of the demonstration (Khmilnyk in Ukraine, Niemce in
 * Poland) are made of, and one way to load each through the use cases a user runs: the services
 * file of a community's sites, the assessment with its parts, and its questionnaire with answers.
 */
export type DemoSite = { key: string; name: string; type: string; capacity: number; users: number; waiting: number; staff: number; vacancies: number; funding?: string };

/** The community's sites as a services file (reference/formats.md), every text quoted. */
export function demoSitesFile(sites: readonly DemoSite[], at: { provider: string; settlementCode: string; year: number; funding: string }): Buffer {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return Buffer.from(
    [
      'site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding',
      ...sites.map((s) => [s.key, quote(s.name), s.type, quote(at.provider), 'public', at.settlementCode, at.year, s.capacity, s.users, s.waiting, s.staff, s.vacancies, s.funding ?? at.funding].join(',')),
    ].join('\n'),
  );
}

type Part = Record<string, unknown>;
export type DemoAssessmentParts = {
  assessment: Omit<TAssessmentInput, 'territoryId'>;
  members: readonly Part[];
  measures: readonly Part[];
  methods: readonly Part[];
  groups: readonly Part[];
  /** A finding names its respondent group by key (or none). */
  findings: readonly (Part & { groupKey?: string | null })[];
};

/** The assessment, marked as the demonstration's, with its working group, plan, methods, groups and findings. */
export async function seedDemoAssessment(db: Db, territoryId: number, parts: DemoAssessmentParts) {
  const assessmentId = await createAssessment(db, SEED_ACTOR, SEED_AUTHOR, { ...parts.assessment, territoryId });
  await db.update(assessment).set({ demo: true }).where(eq(assessment.id, assessmentId));
  for (const m of parts.members) await savePart(db, SEED_ACTOR, SEED_AUTHOR, assessmentId, 'members', null, m);
  for (const m of parts.measures) await savePart(db, SEED_ACTOR, SEED_AUTHOR, assessmentId, 'measures', null, m);
  for (const m of parts.methods) await savePart(db, SEED_ACTOR, SEED_AUTHOR, assessmentId, 'methods', null, m);
  for (const g of parts.groups) await savePart(db, SEED_ACTOR, SEED_AUTHOR, assessmentId, 'groups', null, g);
  const groups = await db.select().from(respondentGroup).where(eq(respondentGroup.assessmentId, assessmentId));
  const groupId = (key: string) => groups.find((g) => g.key === key)?.id ?? null;
  for (const f of parts.findings) {
    const { groupKey, ...rest } = f;
    await savePart(db, SEED_ACTOR, SEED_AUTHOR, assessmentId, 'findings', null, { ...rest, respondentGroupId: groupKey ? groupId(groupKey) : null });
  }
  return { assessmentId, groups, groupId };
}

export type DemoAnswer = { group: string; channel: 'web' | 'paper'; key: string; answers: Record<string, unknown>; settlementId: number | null };

/** The questionnaire of the assessment, a public link per respondent group, and its illustrative answers in one go. */
export async function seedDemoQuestionnaire(
  db: Db,
  seeded: Awaited<ReturnType<typeof seedDemoAssessment>>,
  questionnaire: { title: string; definition: Record<string, unknown>; tags: Parameters<typeof setTags>[4] },
  answers: readonly DemoAnswer[],
): Promise<number> {
  const questionnaireId = await createQuestionnaire(db, SEED_ACTOR, SEED_AUTHOR, { title: questionnaire.title, assessmentId: seeded.assessmentId, territoryId: null, definition: questionnaire.definition, demo: true });
  await setTags(db, SEED_ACTOR, SEED_AUTHOR, questionnaireId, questionnaire.tags);
  for (const g of seeded.groups) await createLink(db, SEED_ACTOR, SEED_AUTHOR, questionnaireId, g.id);
  await db.transaction(async (tx) => {
    const rows = answers.map((a) => ({ questionnaireId, version: 1, respondentGroupId: seeded.groupId(a.group), settlementId: a.settlementId, answers: a.answers, channel: a.channel, submissionKey: a.key, enteredBy: null, demo: true }));
    await tx.insert(response).values(rows);
    await recordChange(tx, SEED_AUTHOR, { action: 'seed', entity: 'response', entityId: questionnaireId, after: { questionnaireId, responses: rows.length, illustrative: true } });
  });
  return questionnaireId;
}
