// For autocannon's worker thread (bench/registry-load.ts): each request a path not asked before.
// The path comes through the environment, which worker threads share; `{n}` becomes a counter.
'use strict';
let n = 0;
module.exports = (request) => ({ ...request, path: process.env.BENCH_VARY_PATH.replace('{n}', String(n++ % 10000)) });
