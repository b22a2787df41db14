import { OZPS_CAUSES } from '@potreby/domain';
import { recordChange } from '../audit/record-change';
import type { Db } from '../db/database';
import { ozpsFigure } from '../ozps/tables';
import type { TerritoryRow } from '../territories/queries';
import { SEED_AUTHOR } from './seed-demo';

/** The years of the demonstration's OZPS: the one due by 30 April 2026 reports on 2025, with 2023 and 2024 beside it. */
export const NIEMCE_OZPS_YEARS = [2023, 2024, 2025] as const;

// ILLUSTRATIVE figures, invented for the demonstration in the order of magnitude of a rural gmina
// of some 21,000 people; not Niemce's. Each list is 2023, 2024, 2025.
const CAUSES: Record<(typeof OZPS_CAUSES)[number], [number, number, number]> = {
  poverty: [180, 168, 155],
  orphanhood: [2, 2, 1],
  homelessness: [9, 8, 8],
  unemployment: [120, 104, 92],
  disability: [150, 152, 158],
  long_illness: [140, 146, 151],
  domestic_violence: [14, 12, 13],
  human_trafficking: [0, 0, 0],
  maternity: [40, 38, 35],
  large_family: [52, 49, 47],
  parenting_helplessness: [66, 61, 58],
  foreigners_integration: [1, 3, 4],
  prison_release: [4, 3, 3],
  alcoholism: [28, 26, 25],
  drug_addiction: [2, 3, 2],
  random_event: [3, 5, 2],
  natural_disaster: [0, 2, 0],
};
const NIEMCE_OZPS: Record<string, [number, number, number]> = {
  'beneficiaries.persons': [612, 585, 560],
  'beneficiaries.families': [402, 388, 371],
  'beneficiaries.people_in_families': [1010, 962, 915],
  ...Object.fromEntries(Object.entries(CAUSES).map(([cause, values]) => [`causes.${cause}`, values])),
  'staff.social_workers': [9, 9.5, 10],
  'staff.other': [14, 14.5, 15],
  'spending.total': [6_850_000, 7_320_000, 7_910_000],
  'spending.own': [3_900_000, 4_210_000, 4_580_000],
  'spending.state': [2_650_000, 2_800_000, 2_980_000],
  'spending.other': [300_000, 310_000, 350_000],
};

/** Gmina Niemce's ILLUSTRATIVE OZPS figures of 2023–2025, stored as the demonstration's (demo), so the OZPS for 2025 can be written at first start. */
export async function seedNiemceOzps(db: Db, gmina: TerritoryRow): Promise<void> {
  const rows = Object.entries(NIEMCE_OZPS).flatMap(([indicator, values]) => NIEMCE_OZPS_YEARS.map((year, i) => ({ municipalityId: gmina.id, year, indicator, value: values[i]!, demo: true })));
  await db.transaction(async (tx) => {
    await tx.insert(ozpsFigure).values(rows);
    await recordChange(tx, SEED_AUTHOR, { action: 'seed', entity: 'ozps_figure', entityId: gmina.id, country: 'PL', territoryId: gmina.id, after: { years: [...NIEMCE_OZPS_YEARS], figures: rows.length, illustrative: true } });
  });
}
