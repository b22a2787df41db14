import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '@potreby/server/db/database';
import { ENGINE } from '@potreby/server/testing/test-database';
import { parseCsv } from '@potreby/server/testing/parse-csv';
import { useCli } from './testing/cli-harness';

const PROPOSALS_HEADER = 'municipality_code,action,service_type,capacity_change,start_year,funding_source,annual_cost,settlement_code,served_codes,explanation';

/** The planning round from the command line (issue 8; README, "Planning rounds"). */
describe(`potreby round, plan and the planning imports (${ENGINE})`, () => {
  const { cli, withDatabase, file } = useCli('potreby-round-');
  let roundId = 0;

  const counts = () =>
    withDatabase(async ({ db }) =>
      (
        await rows<{ items: number; costs: number; ceilings: number; audit: string }>(
          db,
          sql`select (select count(*) from proposal_item)::int as items, (select count(*) from unit_cost)::int as costs,
            (select count(*) from ceiling)::int as ceilings, (select max(id) from audit_log)::text as audit`,
        )
      )[0]!,
    );

  it('round create --format json prints {"id": …}; the round is in the database and audited', async () => {
    const res = await cli('round', 'create', '--territory', 'PAZ', '--template', 'bg.npsu', '--period', '2026-2030', '--start', '2026-01-15', '--method', 'observed', '--format', 'json');
    expect(res, res.err).toMatchObject({ code: 0, err: '' });
    roundId = JSON.parse(res.out).id;
    expect(Object.keys(JSON.parse(res.out))).toEqual(['id']);
    const [stored] = await withDatabase(({ db }) =>
      rows<{ method: string; period_start: number; period_end: number; actor: string }>(
        db,
        sql`select r.method, r.period_start, r.period_end, (select actor from audit_log where entity = 'planning_round' order by id desc limit 1) as actor from planning_round r where r.id = ${roundId}`,
      ),
    );
    expect(stored).toMatchObject({ method: 'observed', period_start: 2026, period_end: 2030, actor: expect.stringMatching(/^cli:/) });
    const text = await cli('round', 'create', '--territory', 'PAZ19', '--template', 'bg.npsu', '--period', '2026-2030');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Planning round \d+ opened for PAZ19/);
  });

  it('refuses a wrong period, an unknown territory and a settlement as the round territory', async () => {
    expect((await cli('round', 'create', '--territory', 'PAZ', '--template', 'bg.npsu', '--period', '2030-2026')).code).toBe(2);
    expect((await cli('round', 'create', '--territory', 'NOPE', '--template', 'bg.npsu', '--period', '2026-2030')).code).toBe(1);
    expect((await cli('round', 'create', '--territory', '55155', '--template', 'bg.npsu', '--period', '2026-2030')).code).toBe(2);
  });

  it('import proposals --round: a bad file is refused row by row, changing nothing; a good one is added', async () => {
    const before = await counts();
    const bad = file('bad-proposals.csv', [PROPOSALS_HEADER, 'PAZ19,open,bg.day_care_adults_disability,10,2027,state_delegated,,,,', 'SML31,open,bg.day_care_adults_disability,10,2027,state_delegated,,,,'].join('\n'));
    const refused = await cli('import', 'proposals', bad, '--round', String(roundId));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/row 3, municipality_code/);
    expect(await counts()).toEqual(before);
    expect((await cli('import', 'proposals', bad)).code).toBe(2);

    const good = file(
      'proposals.csv',
      [PROPOSALS_HEADER, 'PAZ19,open,bg.day_care_adults_disability,10,2027,state_delegated,,,PAZ20:6;PAZ21:4,Нов център', 'PAZ20,expand,bg.home_care,5,2028,municipal,40000,,,Разширяване'].join('\n'),
    );
    const ok = await cli('import', 'proposals', good, '--round', String(roundId));
    expect(ok, ok.err).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/^Imported 2 rows/);
    expect((await counts()).items).toBe(before.items + 2);
  });

  it('import unit-costs and ceilings --country --year, all or nothing', async () => {
    const before = await counts();
    const badCosts = file('bad-costs.csv', 'service_type,cost\nbg.day_care_adults_disability,12000\nbg.home_care,-5\n');
    expect((await cli('import', 'unit-costs', badCosts, '--country', 'BG', '--year', '2027')).code).toBe(1);
    expect(await counts()).toEqual(before);
    expect((await cli('import', 'unit-costs', badCosts, '--country', 'BG')).code).toBe(2);
    const costs = file('costs.csv', 'service_type,cost\nbg.day_care_adults_disability,12000\nbg.home_care,3000\n');
    // A year the demonstration's illustrative standards do not cover: both rows are new.
    expect((await cli('import', 'unit-costs', costs, '--country', 'BG', '--year', '2035')).code).toBe(0);
    const ceilings = file('ceilings.csv', 'municipality_code,service_type,max_users\nPAZ19,bg.day_care_adults_disability,12\n');
    expect((await cli('import', 'ceilings', ceilings, '--country', 'BG', '--year', '2027')).code).toBe(0);
    const after = await counts();
    expect([after.costs, after.ceilings]).toEqual([before.costs + 2, before.ceilings + 1]);
  });

  it('plan checks prints {round, territory, method, checks} as documented, in JSON and CSV', async () => {
    const res = await cli('plan', 'checks', '--round', String(roundId), '--format', 'json', '--lang', 'bg');
    expect(res, res.err).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(res.out);
    expect(report).toMatchObject({ round: roundId, territory: 'PAZ', method: 'observed', checks: expect.any(Array) });
    for (const c of report.checks) expect(Object.keys(c)).toEqual(['check', 'municipality', 'serviceType', 'item', 'value', 'limit', 'message']);
    const csv = await cli('plan', 'checks', '--round', String(roundId), '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(parseCsv(csv.out.replace(/^\uFEFF/, ''))[0]).toEqual(['check', 'municipality', 'serviceType', 'item', 'value', 'limit', 'message']);
    expect((await cli('plan', 'checks', '--round', '999999')).code).toBe(1);
  });

  it('plan budget prints rows of {municipality, fundingSource, year, cost}', async () => {
    const res = await cli('plan', 'budget', '--round', String(roundId), '--format', 'json');
    expect(res, res.err).toMatchObject({ code: 0, err: '' });
    const rowsOut = JSON.parse(res.out) as Record<string, unknown>[];
    expect(Array.isArray(rowsOut)).toBe(true);
    for (const r of rowsOut) expect(Object.keys(r)).toEqual(['municipality', 'fundingSource', 'year', 'cost']);
    const csv = await cli('plan', 'budget', '--round', String(roundId), '--format', 'csv');
    expect(parseCsv(csv.out.replace(/^\uFEFF/, ''))[0]).toEqual(['municipality', 'fundingSource', 'year', 'cost']);
  });
});
