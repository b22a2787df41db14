import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for the web build and the bundled reference data. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIR = resolve(ROOT, 'packages/web');
export const WEB_DIST = resolve(WEB_DIR, 'dist');
/** Real public data the demo and the tests are seeded from (sources in reference/README.md). */
export const REFERENCE_DIR = resolve(ROOT, 'reference');
export const VERSION = '0.1.0';

export type ServerConfig = { port: number; host: string; demo: boolean; adminPassword: string | null; trustProxy: boolean };

export function serverConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT || 3000),
    // Only this machine by default: a laptop app should not be open to the office network
    // unless asked (HOST=0.0.0.0 behind a load balancer).
    host: env.HOST || '127.0.0.1',
    demo: (env.POTREBY_DEMO ?? 'on') !== 'off',
    adminPassword: env.POTREBY_ADMIN_PASSWORD || null,
    trustProxy: env.POTREBY_TRUST_PROXY === '1',
  };
}
