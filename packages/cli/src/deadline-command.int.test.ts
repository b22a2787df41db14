import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addAmendment } from '@potreby/server/planning/working-days/working-days';
import { ENGINE } from '@potreby/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './main';
import { useCli } from './testing/cli-harness';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

/** `potreby …argv` in this process: its exit code and what it printed. */
async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}

const DATABASE_ENV = ['DATABASE_URL', 'POTREBY_DATA_DIR'] as const;

/** No database configured (neither DATABASE_URL nor POTREBY_DATA_DIR), as on a machine without one; returns the undo. */
function forgetDatabase(): () => void {
  const saved = DATABASE_ENV.map((key) => [key, process.env[key]] as const);
  for (const key of DATABASE_ENV) delete process.env[key];
  return () => {
    for (const [key, value] of saved) if (value !== undefined) process.env[key] = value;
  };
}

/** Runs `body` with no database configured. */
async function withoutDatabase<T>(body: () => Promise<T>): Promise<T> {
  const restore = forgetDatabase();
  try {
    return await body();
  } finally {
    restore();
  }
}

/** With no database configured the deadline command needs none: the law's calendar alone. */
describe('potreby deadline', () => {
  let restore = () => {};
  beforeAll(() => {
    restore = forgetDatabase();
  });
  afterAll(() => restore());

  it('runs as a person runs it and prints only the date', async () => {
    // 17 February 2023 + 30 days is Sunday 19 March 2023: the period ends on Monday 20 March.
    const { stdout, stderr } = await promisify(execFile)('node', ['packages/cli/bin/potreby.js', 'deadline', '--country', 'BG', '--from', '2023-02-17', '--days', '30'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(stdout).toBe('2023-03-20\n');
    expect(stderr).toBe('');
  });

  it('counts working days past weekends and public holidays, Easter included', async () => {
    // Bulgaria: 1 May (Labour Day) is off; Orthodox Easter 2024 is 5 May; Friday 3 May, Monday 6 May (Easter Monday and St George's Day) are off.
    expect(await cli('deadline', '--country', 'BG', '--from', '2024-04-30', '--working-days', '1')).toEqual({ code: 0, out: '2024-05-02\n', err: '' });
    expect(await cli('deadline', '--country', 'BG', '--from', '2024-04-30', '--working-days', '2')).toEqual({ code: 0, out: '2024-05-07\n', err: '' });
    // Poland: Easter Monday 1 April 2024 is off.
    expect((await cli('deadline', '--country', 'PL', '--from', '2024-03-28', '--working-days', '2')).out).toBe('2024-04-02\n');
    // Ukraine under martial law: Constitution Day (Friday 28 June 2024) is a working day.
    expect((await cli('deadline', '--country', 'UA', '--from', '2024-06-27', '--working-days', '1')).out).toBe('2024-06-28\n');
    // A period that ends on a public holiday ends on the next working day: 30 days after 2 December 2025 is 1 January 2026.
    expect((await cli('deadline', '--country', 'PL', '--from', '2025-12-02', '--days', '30')).out).toBe('2026-01-02\n');
    expect((await cli('deadline', '--country', 'BG', '--from', '2025-12-02', '--days', '0')).out).toBe('2025-12-02\n');
  });

  it.each([
    [['deadline', '--country', 'BG', '--from', '2026-02-30', '--days', '3'], /2026-02-30.*YYYY-MM-DD/s],
    [['deadline', '--country', 'BG', '--from', '17.02.2026', '--days', '3'], /YYYY-MM-DD/],
    [['deadline', '--country', 'XX', '--from', '2026-02-17', '--days', '3'], /--country/],
    [['deadline', '--from', '2026-02-17', '--days', '3'], /--country/],
    [['deadline', '--country', 'BG', '--days', '3'], /--from/],
    [['deadline', '--country', 'BG', '--from', '2026-02-17'], /--days.*--working-days/],
    [['deadline', '--country', 'BG', '--from', '2026-02-17', '--days', '3', '--working-days', '3'], /--days.*--working-days|--working-days.*--days/],
    [['deadline', '--country', 'BG', '--from', '2026-02-17', '--days', '-3'], /./],
    [['deadline', '--country', 'BG', '--from', '2026-02-17', '--working-days', '2.5'], /whole number/],
    [['deadline', '--country', 'BG', '--from', '2026-02-17', '--days', '99999999'], /whole number/],
  ])('refuses bad input with a clear message and exit code 2: %j', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });
});

/**
 * With a database (DATABASE_URL or POTREBY_DATA_DIR), the administrators' amendments of the
 * country's calendar apply, as when the server schedules a round's stages.
 */
describe(`potreby deadline with a database (${ENGINE})`, () => {
  const { cli, withDatabase } = useCli('potreby-deadline-');
  // Friday 9 October 2026: the next working day is Monday the 12th; 3 days later is that Monday too.
  const nextWorkingDay = ['deadline', '--country', 'BG', '--from', '2026-10-09', '--working-days', '1'];
  const threeDays = ['deadline', '--country', 'BG', '--from', '2026-10-09', '--days', '3'];

  it("applies the country's stored amendments: a working Saturday, a day off", async () => {
    expect(await cli(...nextWorkingDay)).toEqual({ code: 0, out: '2026-10-12\n', err: '' });
    expect((await cli(...threeDays)).out).toBe('2026-10-12\n');
    // Stored the way the administrators' screen stores them (the route's function), audited.
    const author = { userId: null, actor: 'test' };
    await withDatabase(async ({ db }) => {
      await addAmendment(db, author, { country: 'BG', date: '2026-10-10', working: true, note: 'Отработване' });
      await addAmendment(db, author, { country: 'BG', date: '2026-10-12', working: false, note: 'Почивен ден' });
      // Another country's amendment does not count.
      await addAmendment(db, author, { country: 'PL', date: '2026-10-13', working: false, note: 'Dzień wolny' });
    });
    expect(await cli(...nextWorkingDay)).toEqual({ code: 0, out: '2026-10-10\n', err: '' });
    expect((await cli(...threeDays)).out).toBe('2026-10-13\n');
    // No database configured: the law's calendar, as before.
    expect((await withoutDatabase(() => cli(...nextWorkingDay))).out).toBe('2026-10-12\n');
  });
});
