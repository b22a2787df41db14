import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, like } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { REFERENCE_DIR } from '../config';
import type { Database } from '../db/database';
import { territory } from '../territories/tables';
import {
  KHMILNYK,
  KHMILNYK_ANSWERS_PER_GROUP,
  KHMILNYK_ASSESSMENT,
  KHMILNYK_FINDINGS,
  KHMILNYK_GROUPS,
  KHMILNYK_MEASURES,
  KHMILNYK_MEMBERS,
  KHMILNYK_METHODS,
  KHMILNYK_PREVALENCE,
  KHMILNYK_PROBLEMS,
  KHMILNYK_SITES,
  KHMILNYK_TAGS,
  KHMILNYK_YEAR,
  khmilnykQuestionnaire,
} from './demo-khmilnyk';
import { seededRandom } from './seeded-random';
import { SYNTHETIC_SITES_SOURCE } from './demo-norms';
import { demoSitesFile, seedDemoAssessment, seedDemoQuestionnaire } from './demo-assessment';
import { seedImport, seedNorms } from './seed-demo';

const reference = (path: string) => readFileSync(join(REFERENCE_DIR, path));

/** Illustrative norms for Ukraine: no age structure by hromada in the reference data, so per 1,000 people. */
const DEMO_NORMS_UA = [
  { serviceType: 'ua.home_care', ratePer1000: 12 },
  { serviceType: 'ua.day_care', ratePer1000: 1.5 },
  { serviceType: 'ua.physical_escort', ratePer1000: 3 },
  { serviceType: 'ua.counselling', ratePer1000: 15 },
  { serviceType: 'ua.in_kind_aid', ratePer1000: 25 },
].map((n) => ({ ...n, target: { kind: 'population' as const, sex: 'T' as const, age: { from: 0, to: null } } }));

/**
 * Ukraine's territories from the KATOTTG codifier and the hromadas' 2022 population (real), and
 * the illustrative needs assessment of Khmilnyk hromada (story 4 of PRODUCT.md).
 */
export async function seedUkraine(database: Database): Promise<void> {
  const { db } = database;
  await seedImport(database, 'territories', 'katottg-2025-05-16.csv', reference('ua/katottg-2025-05-16.csv'), { country: 'UA', source: 'KATOTTG codifier of 16 May 2025 (igskak/KATOTTG)' });
  const hromadas = parse(reference('ua/hromadas-population-2022.csv'), { columns: true }) as { hromada_code: string; total_popultaion_2022: string }[];
  const population = ['code,year,sex,age_from,age_to,count', ...hromadas.filter((h) => /^\d+$/.test(h.total_popultaion_2022)).map((h) => `${h.hromada_code},2022,T,0,,${h.total_popultaion_2022}`)].join('\n');
  await seedImport(database, 'population', 'hromadas-population-2022.csv', Buffer.from(population), {
    country: 'UA',
    source: 'State Statistics Service of Ukraine, population on 1 January 2022 (via kse-ua/KSE-Loc-Data-Hub)',
  });
  await seedNorms(db, 'UA', DEMO_NORMS_UA);

  const [hromada] = await db.select().from(territory).where(eq(territory.code, KHMILNYK));
  if (!hromada) return;
  const settlements = await db.select({ id: territory.id, code: territory.code, name: territory.name }).from(territory).where(like(territory.path, `${hromada.path}%`));
  const town = settlements.find((s) => s.name === 'Хмільник');
  await seedImport(database, 'services', 'demo-sites-khmilnyk.csv', demoSitesFile(KHMILNYK_SITES, { provider: 'Хмільницька міська рада', settlementCode: town?.code ?? KHMILNYK, year: KHMILNYK_YEAR, funding: 'municipal' }), {
    country: 'UA',
    illustrative: true,
    source: SYNTHETIC_SITES_SOURCE,
  });
  const seeded = await seedDemoAssessment(db, hromada.id, { assessment: KHMILNYK_ASSESSMENT, members: KHMILNYK_MEMBERS, measures: KHMILNYK_MEASURES, methods: KHMILNYK_METHODS, groups: KHMILNYK_GROUPS, findings: KHMILNYK_FINDINGS });

  const villages = settlements.filter((s) => s.code !== KHMILNYK).sort((a, b) => a.name.localeCompare(b.name, 'uk'));
  const answers = illustrativeAnswers(villages, town?.code ?? null).map((a) => ({ ...a, settlementId: villages.find((v) => v.code === a.answers.settlement)?.id ?? null }));
  await seedDemoQuestionnaire(db, seeded, { title: 'Анкета: потреби у соціальних послугах (демонстрація)', definition: khmilnykQuestionnaire(villages), tags: KHMILNYK_TAGS }, answers);
}

/** Deterministic illustrative answers: same every start, plausible by group. */
function illustrativeAnswers(villages: { code: string; name: string }[], townCode: string | null) {
  const rnd = seededRandom(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: { group: string; channel: 'web' | 'paper'; key: string; answers: Record<string, unknown> }[] = [];
  let n = 0;
  for (const [group, count] of Object.entries(KHMILNYK_ANSWERS_PER_GROUP)) {
    const p = KHMILNYK_PREVALENCE[group]!;
    for (let i = 0; i < count; i++) {
      const yes = (q: string) => (rnd() < (p[q] ?? 0) ? 'yes' : 'no');
      // Six in ten live in the town itself, the others in its villages.
      const settlement = townCode && rnd() < 0.6 ? townCode : pick(villages).code;
      const age = group === 'older_people' ? 65 + Math.floor(rnd() * 25) : group === 'families_with_children' ? 25 + Math.floor(rnd() * 20) : 18 + Math.floor(rnd() * 60);
      const answers: Record<string, unknown> = { settlement, age, lives_alone: yes('lives_alone') };
      for (const q of ['needs_home_care', 'uses_home_care', 'needs_day_care', 'needs_escort', 'needs_counselling', 'needs_in_kind']) answers[q] = yes(q);
      if (answers.uses_home_care === 'yes') answers.satisfied_home_care = pick(['satisfied', 'satisfied', 'partly', 'not_satisfied']);
      answers.information_sources = ['starosta', 'social_worker', 'internet', 'neighbours'].filter(() => rnd() < 0.4);
      if (rnd() < 0.3) answers.main_problem = pick(KHMILNYK_PROBLEMS);
      out.push({ group, channel: rnd() < 0.35 ? 'paper' : 'web', key: `demo-khm-${String(++n).padStart(4, '0')}`, answers });
    }
  }
  return out;
}
