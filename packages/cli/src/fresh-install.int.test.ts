import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '@potreby/server/db/database';
import { ENGINE } from '@potreby/server/testing/test-database';
import { useCli } from './testing/cli-harness';

type GapRow = { serviceType: string; method: string; need: number | null; capacity: number; gap: number | null; coverage: number | null };

/**
 * A production install used only from the command line: a brand-new, empty database (not the
 * seeded test template, and no demonstration), on a new PGlite data folder or a newly created
 * PostgreSQL database. Every service type of the three countries must be there from the first
 * command, so that territories, population and services import and the gap is computed.
 */
describe(`a new database through the command line (${ENGINE})`, () => {
  const { cli, withDatabase, file: writeFile } = useCli('potreby-fresh-', { empty: true });
  const query = <T>(statement: ReturnType<typeof sql>): Promise<T[]> => withDatabase((database) => rows<T>(database.db, statement));
  const file = (name: string, lines: string[]) => writeFile(name, lines.join('\n'));

  it('has the service types of Bulgaria, Ukraine and Poland after the first `migrate`, loaded once, audited as the system', async () => {
    expect(await cli('migrate')).toEqual({ code: 0, out: 'The database schema is up to date.\n', err: '' });
    const types = await query<{ country: string; n: string }>(sql`select country, count(*)::text as n from service_type group by country order by country`);
    expect(types).toEqual([
      { country: 'BG', n: '16' },
      { country: 'PL', n: '17' },
      { country: 'UA', n: '20' },
    ]);
    expect(await query<{ n: string }>(sql`select count(*)::text as n from territory`)).toEqual([{ n: '0' }]);
    const audit = await query<{ actor: string; action: string; entity: string; country: string }>(
      sql`select actor, action, entity, country from audit_log order by country`,
    );
    expect(audit).toEqual(['BG', 'PL', 'UA'].map((country) => ({ actor: 'system', action: 'seed', entity: 'service_type', country })));
  });

  it('never overwrites an administrator’s later edits, and adds only what is missing', async () => {
    await query(sql`update service_type set name = 'Домашен патронаж (общински)', official_code = 'X-1' where key = 'bg.home_care'`);
    await query(sql`delete from service_type where key = 'pl.family_assistant'`);
    expect((await cli('migrate')).code).toBe(0);
    expect(await query(sql`select name, official_code from service_type where key = 'bg.home_care'`)).toEqual([{ name: 'Домашен патронаж (общински)', official_code: 'X-1' }]);
    expect(await query(sql`select key from service_type where key = 'pl.family_assistant'`)).toEqual([{ key: 'pl.family_assistant' }]);
    // A start with nothing missing writes nothing.
    const entries = await query<{ n: string }>(sql`select count(*)::text as n from audit_log`);
    expect((await cli('migrate')).code).toBe(0);
    expect(await query(sql`select count(*)::text as n from audit_log`)).toEqual(entries);
  });

  it('imports territories, population and services with --country BG, and prints the gap', async () => {
    const territories = file('territories.csv', [
      'code,name,name_en,level,parent_code,country,lat,lon',
      'BG,България,Bulgaria,country,,BG,,',
      'PAZ,Пазарджик,Pazardzhik,region,BG,BG,,',
      'PAZ19,Пещера,Peshtera,municipality,PAZ,BG,,',
      '56277,Пещера,Peshtera,settlement,PAZ19,BG,42.03,24.3',
    ]);
    const imported = await cli('import', 'territories', territories, '--country', 'BG');
    expect(imported, imported.err).toMatchObject({ code: 0, err: '' });

    const population = file('population.csv', ['code,year,sex,age_from,age_to,count', '56277,2024,F,0,64,7000', '56277,2024,M,0,64,6800', '56277,2024,F,65,,1900', '56277,2024,M,65,,1400']);
    const people = await cli('import', 'population', population, '--country', 'BG');
    expect(people, people.err).toMatchObject({ code: 0, err: '' });

    const services = file('services.csv', [
      'site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened',
      'PAZ19-HC-1,Домашен социален патронаж – Пещера,bg.home_care,Община Пещера,public,56277,,2025,60,55,9,8,1,municipal,no,2010-03-01',
      'PAZ19-DC-1,"Дневен център за възрастни, Пещера",bg.day_care_elderly,Община Пещера,public,56277,PAZ19,2025,25,25,4,5,0,state,no,2015-09-01',
    ]);
    const sites = await cli('import', 'services', services, '--country', 'BG');
    expect(sites, sites.err).toMatchObject({ code: 0, err: '' });
    expect(sites.out).toMatch(/^Imported 2 rows \(canonical\) as dataset \d+\.\n$/);

    const gap = await cli('gap', '--territory', 'PAZ19', '--method', 'observed', '--format', 'json');
    expect(gap, gap.err).toMatchObject({ code: 0, err: '' });
    const table = JSON.parse(gap.out).rows as GapRow[];
    expect(table.find((r) => r.serviceType === 'bg.home_care')).toMatchObject({ method: 'observed', need: 64, capacity: 60, gap: 4 });
    expect(table.find((r) => r.serviceType === 'bg.day_care_elderly')).toMatchObject({ method: 'observed', need: 29, capacity: 25, gap: 4 });
  });
});
