import { csvText } from '@potreby/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { setEnvelopes } from '../planning/envelopes';
import { importCeilings, importProposals, importUnitCosts } from '../planning/plan-imports';
import { createRound } from '../planning/rounds';
import { territory } from '../territories/tables';
import { seedConsultation } from './seed-consultation';
import { SEED_ACTOR, SEED_AUTHOR } from './seed-demo';

/**
 * ILLUSTRATIVE planning round of Pazardzhik province (issue 8): the region's round of the
 * Bulgarian procedure, its municipalities' proposals, unit-cost standards, National Map ceilings
 * and one envelope. None of these figures is official: the unit costs are round numbers of the
 * order of Bulgaria's published standards, the ceilings and items are invented so that every plan
 * check fires at least once, and every item says it is illustrative. Loaded through the same
 * imports and use cases a user runs.
 */
export const DEMO_ROUND = {
  territory: 'PAZ',
  template: 'bg.npsu',
  periodStart: 2026,
  periodEnd: 2030,
  start: '2026-01-12',
  // The province's own aim (illustrative): eight kinds of service within reach of every
  // municipality. The services the whole province shares already give each municipality five.
  diversityTarget: 8,
} as const;

const ILLUSTRATIVE = 'Илюстративен пример (демонстрация)';

/** Proposal items as a municipality would import them (reference/formats.md, "proposals"). */
const PROPOSALS = [
  ['municipality_code', 'action', 'service_type', 'capacity_change', 'start_year', 'funding_source', 'annual_cost', 'served_codes', 'explanation'],
  // Answers part of the gap in day care for older people; priced by the standard.
  ['PAZ19', 'expand', 'bg.day_care_elderly', '20', '2027', 'state_delegated', '', '', `${ILLUSTRATIVE}: втори дневен център в Пазарджик`],
  ['PAZ08', 'open', 'bg.day_care_elderly', '25', '2027', 'state_delegated', '', '', `${ILLUSTRATIVE}: дневен център във Велинград`],
  // More places in a home than the National Map funds: above_ceiling.
  ['PAZ19', 'expand', 'bg.residential_care_elderly', '30', '2027', 'state_delegated', '', '', `${ILLUSTRATIVE}: разширяване на дома за възрастни хора`],
  // Consultations where the capacity already exceeds the need: no_need.
  ['PAZ19', 'expand', 'bg.information_consulting', '300', '2026', 'municipal', '60000', '', `${ILLUSTRATIVE}: повече консултации`],
  // A service shared with two neighbours (the regional consolidation).
  ['PAZ19', 'expand', 'bg.therapy_rehabilitation', '10', '2028', 'eu_project', '150000', 'PAZ29:4;PAZ14:3', `${ILLUSTRATIVE}: рехабилитация и за Септември и Лесичово`],
  // Home care for Peshtera above its envelope: over_budget.
  ['PAZ21', 'open', 'bg.home_care', '60', '2027', 'municipal', '180000', '', `${ILLUSTRATIVE}: домашен социален патронаж в Пещера`],
  // A gap left open, with the reason: no unaddressed_gap for Batak's day care.
  ['PAZ03', 'transform', 'bg.day_care_elderly', '0', '2026', 'other', '', '', `${ILLUSTRATIVE}: потребността се покрива от мобилна услуга от Пещера`],
];

/** Annual cost of one place (or one person a year) in BGN, the same for each year of the period. */
const UNIT_COSTS: [string, number][] = [
  ['bg.day_care_elderly', 6200],
  ['bg.residential_care_elderly', 11800],
  ['bg.day_care_adults_disability', 7400],
  ['bg.home_care', 2600],
  ['bg.assistant_support', 9100],
];

/** National Map ceilings (most users the state funds) for 2027. */
const CEILINGS = [
  ['municipality_code', 'service_type', 'max_users'],
  ['PAZ19', 'bg.residential_care_elderly', '70'],
  ['PAZ19', 'bg.day_care_elderly', '80'],
  ['PAZ08', 'bg.day_care_elderly', '30'],
];

const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.map((c) => csvText(String(c))).join(',')).join('\n') + '\n');

export async function seedPlanningRound(database: Database): Promise<void> {
  const { db } = database;
  const request = { actor: SEED_ACTOR, author: SEED_AUTHOR, language: 'en' as const };
  for (let year = DEMO_ROUND.periodStart; year <= DEMO_ROUND.periodEnd; year++) {
    await importUnitCosts(database, { ...request, fileName: `illustrative-unit-costs-${year}.csv`, bytes: csv([['service_type', 'cost'], ...UNIT_COSTS]), country: 'BG', year });
  }
  await importCeilings(database, { ...request, fileName: 'illustrative-national-map-2027.csv', bytes: csv(CEILINGS), country: 'BG', year: 2027 });
  const [province] = await db.select().from(territory).where(and(eq(territory.country, 'BG'), eq(territory.code, DEMO_ROUND.territory)));
  const { round } = await createRound(
    db,
    SEED_ACTOR,
    SEED_AUTHOR,
    { territoryId: province!.id, templateKey: DEMO_ROUND.template, periodStart: DEMO_ROUND.periodStart, periodEnd: DEMO_ROUND.periodEnd, start: DEMO_ROUND.start, method: 'normative', checkSettings: { diversityTarget: DEMO_ROUND.diversityTarget } },
    DEMO_ROUND.start,
  );
  await importProposals(database, round.id, { ...request, fileName: 'illustrative-proposals-pazardzhik.csv', bytes: csv(PROPOSALS) });
  const [peshtera] = await db.select().from(territory).where(and(eq(territory.country, 'BG'), eq(territory.code, 'PAZ21')));
  await setEnvelopes(db, SEED_ACTOR, SEED_AUTHOR, round.id, [{ municipalityId: peshtera!.id, fundingSource: null, annualLimit: 100000 }]);
  await seedConsultation(database, round.id);
}
