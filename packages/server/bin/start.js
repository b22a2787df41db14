#!/usr/bin/env node
// Starts potreby: the TypeScript sources run through tsx's loader, so there is no build step
// for the server; the web UI is built by main.ts when it is missing or older than its sources.
// `npm start` runs it with 64 MB semi-spaces: imports allocate many short-lived objects.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
