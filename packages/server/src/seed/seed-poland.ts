import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { REFERENCE_DIR } from '../config';
import type { Database } from '../db/database';
import { territory } from '../territories/tables';
import { SYNTHETIC_SITES_SOURCE } from './demo-norms';
import {
  DEMO_NORMS_PL,
  NIEMCE,
  NIEMCE_ANSWERS_PER_GROUP,
  NIEMCE_ASSESSMENT,
  NIEMCE_CUS,
  NIEMCE_FINDINGS,
  NIEMCE_GROUPS,
  NIEMCE_MEASURES,
  NIEMCE_MEMBERS,
  NIEMCE_METHODS,
  NIEMCE_PREVALENCE,
  NIEMCE_PROBLEMS,
  NIEMCE_SITES,
  NIEMCE_SITES_YEAR,
  NIEMCE_TAGS,
  niemceQuestionnaire,
} from './demo-poland';
import { demoSitesFile, seedDemoAssessment, seedDemoQuestionnaire } from './demo-assessment';
import { seedImport, seedNorms } from './seed-demo';
import { seedNiemceOzps } from './seed-poland-ozps';
import { seedNiemceRound } from './seed-poland-round';
import { seededRandom } from './seeded-random';

const reference = (path: string) => readFileSync(join(REFERENCE_DIR, path));

const POPULATION_HEADER = 'code,year,sex,age_from,age_to,count';

/**
 * Poland's territories from the whole TERYT TERC list, the real population of Lubelskie's 213
 * gminas (2020 by age band and sex, 2021–2023 totals), the boundaries of powiat lubelski, and the
 * illustrative diagnosis of needs and potential of gmina Niemce's Social Services Centre (story 5
 * of PRODUCT.md). Everything goes through the imports and use cases a user runs; the reference
 * files are converted here, in code, to the import formats, never edited.
 */
export async function seedPoland(database: Database): Promise<void> {
  const { db } = database;
  await seedImport(database, 'territories', 'teryt-terc-2024-01-01.csv', reference('pl/teryt-terc-2024-01-01.csv'), { country: 'PL', source: 'GUS TERYT TERC of 1 January 2024' });
  await seedImport(database, 'population', 'population-by-age-gminas-lubelskie-2020.csv', Buffer.from(population2020()), {
    country: 'PL',
    source: 'GUS (Statistics Poland), Local Data Bank table P2137, 31 Dec 2020 (via poziom-szczepien/poziom-szczepien.github.io and hrpunio/Erasmus_2022EE)',
  });
  await seedImport(database, 'population', 'population-gminas-lubelskie-2020-2023.csv', Buffer.from(totals2021to2023()), {
    country: 'PL',
    source: "GUS (Statistics Poland), 'Powierzchnia i ludność w przekroju terytorialnym' 2022–2024 editions, table 21, 31 Dec 2021–2023",
  });
  await seedImport(database, 'boundaries', 'gminas-powiat-lubelski.geojson', boundaries(), { country: 'PL', source: 'jusuff/PolandGeoJson (PRG boundaries of GUGiK)' });
  await seedNorms(db, 'PL', DEMO_NORMS_PL);

  const [gmina] = await db.select().from(territory).where(eq(territory.code, NIEMCE));
  if (!gmina) return;
  await seedImport(database, 'services', 'demo-sites-niemce.csv', demoSitesFile(NIEMCE_SITES, { provider: NIEMCE_CUS, settlementCode: NIEMCE, year: NIEMCE_SITES_YEAR, funding: 'municipal' }), {
    country: 'PL',
    illustrative: true,
    source: SYNTHETIC_SITES_SOURCE,
  });
  const seeded = await seedDemoAssessment(db, gmina.id, { assessment: NIEMCE_ASSESSMENT, members: NIEMCE_MEMBERS, measures: NIEMCE_MEASURES, methods: NIEMCE_METHODS, groups: NIEMCE_GROUPS, findings: NIEMCE_FINDINGS });
  // TERC lists no villages (that is the SIMC list), so answers name no settlement.
  const answers = illustrativeAnswers().map((a) => ({ ...a, settlementId: null }));
  await seedDemoQuestionnaire(db, seeded, { title: 'Ankieta: potrzeby mieszkańców w zakresie usług społecznych (demonstracja)', definition: niemceQuestionnaire(), tags: NIEMCE_TAGS }, answers);
  await seedNiemceRound(db, gmina);
  await seedNiemceOzps(db, gmina);
}

/** Rows of a reference CSV, without its `#` comment lines. */
const csvRows = (path: string): string[][] => parse(reference(path), { comment: '#', skip_empty_lines: true, relax_column_count: true }) as string[][];

/**
 * 31 Dec 2020 in the canonical population format: the age bands (both sexes, `T`) from the age
 * file, and women and men in all (`F`, `M`, ages 0+) from the totals file — the bands exist for
 * both sexes only. The bands are not written with a `T` 0+ total: it would overlap them.
 */
export function population2020(): string {
  const out = [POPULATION_HEADER];
  let code: string | null = null;
  for (const [label = '', total = ''] of csvRows('pl/population-by-age-gminas-lubelskie-2020.csv').slice(1)) {
    if (/^\d{7}$/.test(label)) {
      code = label;
      continue;
    }
    const band = /^(\d+)\s*-\s*(\d+)$/.exec(label) ?? /^(\d+)\+$/.exec(label);
    if (!band || code === null) throw new Error(`population-by-age-gminas-lubelskie-2020.csv: unexpected line "${label}"`);
    out.push(`${code},2020,T,${band[1]},${band[2] ?? ''},${total}`);
  }
  for (const row of gminaTotals()) out.push(`${row.code},2020,F,0,,${row['2020_F']}`, `${row.code},2020,M,0,,${row['2020_M']}`);
  return out.join('\n');
}

/** 31 Dec 2021, 2022 and 2023: totals only (revised with the 2021 census). */
export function totals2021to2023(): string {
  const years = ['2021', '2022', '2023'] as const;
  return [POPULATION_HEADER, ...gminaTotals().flatMap((row) => years.map((y) => `${row.code},${y},T,0,,${row[`${y}_T`]}`))].join('\n');
}

type TGminaTotals = { code: string; name: string } & Record<'2020_T' | '2020_M' | '2020_F' | '2021_T' | '2022_T' | '2023_T', string>;

export const gminaTotals = (): TGminaTotals[] =>
  parse(reference('pl/population-gminas-lubelskie-2020-2023.csv'), { comment: '#', columns: true, skip_empty_lines: true }) as TGminaTotals[];

/** The source names the TERYT code `terc`; the boundaries import reads it from `code`. */
function boundaries(): Buffer {
  const collection = JSON.parse(reference('pl/gminas-powiat-lubelski.geojson').toString('utf8')) as { features: { properties: Record<string, unknown> }[] };
  for (const feature of collection.features) {
    const { terc, ...rest } = feature.properties;
    feature.properties = { code: terc, ...rest };
  }
  return Buffer.from(JSON.stringify(collection));
}

/** Deterministic illustrative answers: the same every start, plausible by group. */
function illustrativeAnswers() {
  const rnd = seededRandom(48);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: { group: string; channel: 'web' | 'paper'; key: string; answers: Record<string, unknown> }[] = [];
  let n = 0;
  for (const [group, count] of Object.entries(NIEMCE_ANSWERS_PER_GROUP)) {
    const p = NIEMCE_PREVALENCE[group]!;
    for (let i = 0; i < count; i++) {
      const yes = (q: string) => (rnd() < (p[q] ?? 0) ? 'yes' : 'no');
      const age = group === 'older_people' ? 65 + Math.floor(rnd() * 25) : group === 'families_with_children' ? 25 + Math.floor(rnd() * 20) : 18 + Math.floor(rnd() * 60);
      const answers: Record<string, unknown> = { age, lives_alone: yes('lives_alone') };
      for (const q of ['needs_care_services', 'uses_care_services', 'needs_day_support', 'needs_respite', 'needs_counselling', 'needs_family_assistant']) answers[q] = yes(q);
      if (answers.uses_care_services === 'yes') answers.satisfied_care_services = pick(['satisfied', 'satisfied', 'partly', 'not_satisfied']);
      answers.information_sources = ['soltys', 'social_worker', 'internet', 'neighbours'].filter(() => rnd() < 0.4);
      if (rnd() < 0.3) answers.main_problem = pick(NIEMCE_PROBLEMS);
      out.push({ group, channel: rnd() < 0.4 ? 'paper' : 'web', key: `demo-nie-${String(++n).padStart(4, '0')}`, answers });
    }
  }
  return out;
}
