import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatten, readDocx, readPdf } from '@potreby/server/reports/read-document-text';
import { ENGINE } from '@potreby/server/testing/test-database';
import { describe, expect, it } from 'vitest';
import { useCli } from './testing/cli-harness';

/** `potreby document` as an officer runs it at the console, on a copy of the demonstration database. */
describe(`potreby document (${ENGINE})`, () => {
  const { work, cli } = useCli('potreby-document-');

  it("writes Pazardzhik's planning proposal as PDF in Bulgarian: exit 0, the file's path printed", async () => {
    const out = join(work, 'proposal.pdf');
    const res = await cli('document', 'bg.planning_proposal', '--territory', 'PAZ19', '--year', '2027', '--format', 'pdf', '--out', out);
    expect(res).toEqual({ code: 0, out: `${out}\n`, err: '' });
    const text = flatten(readPdf(readFileSync(out)).text);
    expect(text).toContain('ПРЕДЛОЖЕНИЕ');
    expect(text).toContain('Община Пазарджик');
  });

  it("writes Niemce's programme in the language asked for, DOCX by default", async () => {
    const out = join(work, 'programme.docx');
    const res = await cli('document', 'pl.programme', '--territory', '0609112', '--year', '2026', '--out', out, '--lang', 'en');
    expect(res.code).toBe(0);
    const text = flatten(readDocx(readFileSync(out)).text);
    expect(text).toContain('PROGRAMME');
    expect(text).toContain('Gmina Niemce');
  });

  it('exits 1 saying which data are missing and where to enter them, and writes no file', async () => {
    const out = join(work, 'analysis.docx');
    const res = await cli('document', 'bg.needs_analysis', '--territory', 'PAZ19', '--year', '2026', '--out', out, '--lang', 'en');
    expect(res).toEqual({ code: 1, out: '', err: 'Пазарджик (PAZ19) has no needs assessment for 2026. Create it under Needs assessments, with its year set to 2026.\n' });
    expect(existsSync(out)).toBe(false);
    const bulgarian = await cli('document', 'bg.agreement', '--territory', 'PAZ', '--year', '2031', '--out', out, '--lang', 'bg');
    expect(bulgarian.code).toBe(1);
    expect(bulgarian.err).toContain('Няма кръг на планиране за 2031 г.');
  });

  it('refuses an unknown document (exit 2), an unknown territory (exit 1) and a folder that does not exist (exit 2)', async () => {
    const unknownKind = await cli('document', 'bg.minutes', '--territory', 'PAZ19', '--year', '2027', '--out', join(work, 'x.pdf'));
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.err).toMatch(/bg\.minutes/);
    const unknownPlace = await cli('document', 'bg.annual_plan', '--territory', 'NOPE1', '--year', '2027', '--out', join(work, 'x.pdf'), '--lang', 'en');
    expect(unknownPlace.code).toBe(1);
    expect(unknownPlace.err).toContain('NOPE1');
    const noFolder = await cli('document', 'bg.annual_plan', '--territory', 'PAZ19', '--year', '2027', '--out', join(work, 'missing', 'plan.docx'), '--lang', 'en');
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toContain(join(work, 'missing', 'plan.docx'));
  });
});
