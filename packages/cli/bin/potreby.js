#!/usr/bin/env node
// The potreby command line; TypeScript sources run through tsx's loader like the server.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
process.exitCode = await run(process.argv.slice(2));
