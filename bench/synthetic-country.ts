/**
 * A SYNTHETIC country for the benchmarks: 16 regions, 2,500 municipalities with four settlements
 * each, 20 five-year age bands by sex for ten years (1,000,000 population rows) and 100,000
 * service-site rows. Codes start with SYN; none of it describes a real place. It is stored as
 * country PL only because the schema allows BG, UA and PL.
 */
export const MUNICIPALITIES = 2500;
export const REGIONS = 16;
export const SETTLEMENTS_PER_MUNICIPALITY = 4;

const region = (r: number) => `SYNR${String(r).padStart(2, '0')}`;
const municipality = (m: number) => `SYNM${String(m).padStart(5, '0')}`;
const settlement = (m: number, s: number) => `SYNS${String(m).padStart(5, '0')}${s}`;

import { seededRandom as random } from '../packages/server/src/seed/seeded-random';

export { random };

export function territoriesCsv(): string {
  const lines = ['code,name,level,parent_code,country', 'PL,Synthetic country,country,,PL'];
  for (let r = 0; r < REGIONS; r++) lines.push(`${region(r)},Synthetic region ${r},region,PL,PL`);
  for (let m = 0; m < MUNICIPALITIES; m++) {
    lines.push(`${municipality(m)},Synthetic municipality ${m},municipality,${region(m % REGIONS)},PL`);
    for (let s = 0; s < SETTLEMENTS_PER_MUNICIPALITY; s++) lines.push(`${settlement(m, s)},Synthetic settlement ${m}-${s},settlement,${municipality(m)},PL`);
  }
  return lines.join('\n') + '\n';
}

/** 2,500 municipalities × 10 years × 2 sexes × 20 bands = 1,000,000 rows. */
export function populationCsv(years = 10): string {
  const rnd = random(1);
  const parts: string[] = ['code,year,sex,age_from,age_to,count\n'];
  for (let m = 0; m < MUNICIPALITIES; m++) {
    const size = 500 + Math.floor(rnd() * 3000);
    const code = municipality(m);
    let chunk = '';
    for (let y = 0; y < years; y++) {
      for (const sex of ['F', 'M']) {
        for (let b = 0; b < 20; b++) {
          const from = b * 5;
          const to = b === 19 ? '' : String(from + 4);
          chunk += `${code},${2015 + y},${sex},${from},${to},${Math.floor(size * (1 - b / 25) * (0.9 + rnd() * 0.2))}\n`;
        }
      }
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/** 100,000 service sites: one in five serves its neighbouring municipality too. */
export function servicesCsv(serviceTypes: readonly string[], rows = 100_000): string {
  const rnd = random(2);
  const parts: string[] = ['site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened\n'];
  const kinds = ['public', 'ngo', 'private'];
  const funding = ['state', 'municipal', 'project', 'other'];
  for (let i = 0; i < rows; i++) {
    const m = i % MUNICIPALITIES;
    const capacity = 5 + Math.floor(rnd() * 60);
    const serves = rnd() < 0.2 ? `${municipality(m)}|${municipality((m + 1) % MUNICIPALITIES)}` : '';
    const staff = 1 + Math.floor(capacity / 5);
    parts.push(
      `SYN-${i},Synthetic site ${i},${serviceTypes[i % serviceTypes.length]},Synthetic provider ${i % 997},${kinds[i % 3]},${settlement(m, i % SETTLEMENTS_PER_MUNICIPALITY)},${serves},2025,${capacity},${Math.floor(capacity * rnd())},${Math.floor(rnd() * 10)},${staff},${Math.floor(staff * rnd() * 0.3)},${funding[i % 4]},${i % 17 === 0 ? 'yes' : 'no'},2020-01-01\n`,
    );
  }
  return parts.join('');
}

export { municipality, region, settlement };
