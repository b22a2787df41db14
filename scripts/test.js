#!/usr/bin/env node
// `npm test`: every test, on a machine that has only Node 20 and npm to begin with.
//
// 1. Installs what the tests need beyond npm, with apt-get (as root): Debian's Chromium for the
//    browser tests and PostgreSQL for the second database engine.
// 2. Starts a throwaway PostgreSQL server in a temporary folder.
// 3. Runs: typecheck, lint, unit and property tests, integration tests on PGlite, the same on
//    PostgreSQL, browser tests. Every step runs even if an earlier one failed, so one run
//    shows everything that is wrong; the exit code is non-zero if any step failed.
//
// Options: --only=typecheck,lint,unit,integration,postgres,e2e runs a subset.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall, startPostgres } from './system.js';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (step) => !only || only.includes(step);
const results = [];

function log(message) {
  console.log(`\n▶ ${message}`);
}

function run(step, command, args, env = {}) {
  log(step);
  const started = Date.now();
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ step, ok: res.status === 0, seconds });
  return res.status === 0;
}

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];

if (wants('typecheck')) run('Typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
if (wants('lint')) run('Lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
if (wants('unit')) run('Unit and property tests', process.execPath, [...vitest, '--project', 'unit']);
if (wants('integration')) run('Integration tests on PGlite', process.execPath, [...vitest, '--project', 'integration'], { DATABASE_URL: '' });
if (wants('postgres')) {
  const pg = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop() {} } : await startPostgres();
  if (!pg) results.push({ step: 'Integration tests on PostgreSQL (no PostgreSQL server available)', ok: false, seconds: 0 });
  else {
    try {
      run('Integration tests on PostgreSQL', process.execPath, [...vitest, '--project', 'integration'], { DATABASE_URL: pg.url });
    } finally {
      pg.stop();
    }
  }
}
if (wants('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) aptInstall(['chromium', 'fonts-noto-core']);
  if (!existsSync(chromium)) results.push({ step: 'Browser tests (Chromium not available)', ok: false, seconds: 0 });
  else run('Browser tests (Chromium)', process.execPath, [...vitest, '--project', 'e2e'], { DATABASE_URL: '', CHROMIUM_PATH: chromium });
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.step} (${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
