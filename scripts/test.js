#!/usr/bin/env node
// `npm test`: every test, on a machine that has only Node 20 and npm to begin with.
//
// 1. Installs what the tests need beyond npm, with apt-get (as root): Debian's Chromium for the
//    browser tests, PostgreSQL for the second database engine and poppler to render the PDFs.
// 2. Starts a throwaway PostgreSQL server in a temporary folder.
// 3. Runs: typecheck, lint, unit and property tests, integration tests on PGlite, the same on
//    PostgreSQL, browser tests. Every step runs even if an earlier one failed, so one run
//    shows everything that is wrong; the exit code is non-zero if any step failed.
//
// Options: --only=typecheck,lint,unit,integration,postgres,e2e runs a subset.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptInstall, startPostgres } from './system.js';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (step) => !only || only.includes(step);
const results = [];

function log(message) {
  console.log(`\n▶ ${message}`);
}

// CI keeps only the tail of the output: the summary repeats each failed test and its first error
// lines there, so a failure can be read without the whole log.
const reports = mkdtempSync(join(tmpdir(), 'potreby-test-reports-'));

function run(step, command, args, env = {}) {
  log(step);
  const started = Date.now();
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ step, ok: res.status === 0, seconds, failures: failedTests(args) });
  return res.status === 0;
}

/** The failed tests of a vitest run, read from its JSON report. */
function failedTests(args) {
  const file = args.find((a) => a.startsWith('--outputFile.json='))?.slice('--outputFile.json='.length);
  if (!file || !existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failures = [];
  for (const suite of report.testResults ?? []) {
    const failed = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed) failures.push(`${suite.name.replace(process.cwd() + '/', '')} › ${t.fullName}\n        ${(t.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n        ')}`);
    if (failed.length === 0 && suite.status === 'failed') failures.push(`${suite.name.replace(process.cwd() + '/', '')}: ${(suite.message ?? '').split('\n').slice(0, 6).join('\n        ')}`);
  }
  return failures;
}

let reportCount = 0;
const vitestRun = () => ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${++reportCount}.json`)}`];

// The document tests draw every page of the PDFs they write, as a reader's viewer would (poppler's pdftoppm).
if ((wants('integration') || wants('postgres')) && spawnSync('pdftoppm', ['-v']).error) aptInstall(['poppler-utils']);

if (wants('typecheck')) run('Typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
if (wants('lint')) run('Lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
if (wants('unit')) run('Unit and property tests', process.execPath, [...vitestRun(), '--project', 'unit']);
if (wants('integration')) run('Integration tests on PGlite', process.execPath, [...vitestRun(), '--project', 'integration'], { DATABASE_URL: '' });
if (wants('postgres')) {
  const pg = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop() {} } : await startPostgres();
  if (!pg) results.push({ step: 'Integration tests on PostgreSQL (no PostgreSQL server available)', ok: false, seconds: 0 });
  else {
    try {
      run('Integration tests on PostgreSQL', process.execPath, [...vitestRun(), '--project', 'integration'], { DATABASE_URL: pg.url });
    } finally {
      pg.stop();
    }
  }
}
if (wants('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) aptInstall(['chromium', 'fonts-noto-core']);
  if (!existsSync(chromium)) results.push({ step: 'Browser tests (Chromium not available)', ok: false, seconds: 0 });
  else run('Browser tests (Chromium)', process.execPath, [...vitestRun(), '--project', 'e2e'], { DATABASE_URL: '', CHROMIUM_PATH: chromium });
}

console.log('\nSummary');
for (const r of results) {
  console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.step} (${r.seconds} s)`);
  for (const f of r.failures ?? []) console.log(`      ✗ ${f}`);
}
rmSync(reports, { recursive: true, force: true });
process.exit(results.every((r) => r.ok) ? 0 : 1);
