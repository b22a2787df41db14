import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for the web build and the bundled reference data. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIR = resolve(ROOT, 'packages/web');
// POTREBY_WEB_DIST lets several checkouts or test runs build the UI side by side without
// overwriting each other's files; the default is the package's own dist folder.
export const WEB_DIST = process.env.POTREBY_WEB_DIST ? resolve(process.env.POTREBY_WEB_DIST) : resolve(WEB_DIR, 'dist');
/** Real public data the demo and the tests are seeded from (sources in reference/README.md). */
export const REFERENCE_DIR = resolve(ROOT, 'reference');
export const VERSION = '0.1.0';

/**
 * Which proxies' X-Forwarded-For / -Proto to believe: a number of hops in front of the app
 * (1: the one proxy that terminates TLS), or the proxies' addresses and ranges. Never "all": the
 * client could then claim any address and escape the sign-in limit with each request.
 */
export type TrustProxy = false | number | string;

export type ServerConfig = { port: number; host: string; demo: boolean; adminPassword: string | null; trustProxy: TrustProxy };

/**
 * POTREBY_TRUST_PROXY: unset or 0, no proxy; a whole number, that many proxies (`1`, as before,
 * for one TLS-terminating proxy — now only its own hop is believed); else a comma-separated list
 * of the proxies' addresses or ranges (`10.0.0.5, 10.1.0.0/16`, or `loopback`).
 */
export function trustProxyOf(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  // "true" reads as "there is a proxy": the one proxy's hop, never every address a client claims.
  if (text.toLowerCase() === 'true') return 1;
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(',');
}

export function serverConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT || 3000),
    // Only this machine by default: a laptop app should not be open to the office network
    // unless asked (HOST=0.0.0.0 behind a load balancer).
    host: env.HOST || '127.0.0.1',
    demo: (env.POTREBY_DEMO ?? 'on') !== 'off',
    adminPassword: env.POTREBY_ADMIN_PASSWORD || null,
    trustProxy: trustProxyOf(env.POTREBY_TRUST_PROXY),
  };
}
