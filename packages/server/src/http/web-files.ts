import { basename, dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** For a year, never revalidated: the file's name changes with its content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Asked again each time (a 304 when unchanged): the page names the current files. */
export const REVALIDATE = 'no-cache';

/**
 * A built file whose name carries its content's hash: Vite writes every bundled script, style and
 * imported file into assets/ as `name-HASH.ext` (vite.config.ts), and .br/.gz beside them.
 */
export function isHashedAsset(path: string): boolean {
  return basename(dirname(path)) === 'assets' && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.br|\.gz)?$/i.test(basename(path));
}

/**
 * The built web UI. Each file is sent as the build compressed it (name.br, name.gz) when the
 * browser accepts that encoding — no compression work per request; with `compress` false
 * (the benchmark's before/after), as it is. Hashed files are kept by the browser for a year;
 * index.html, the service worker and everything else are revalidated, so a new version is seen
 * at once.
 */
export async function serveWebFiles(app: FastifyInstance, root: string, compress: boolean): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: compress,
    // Our own Cache-Control below; `send`'s default would be `public, max-age=0`.
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      void reply.header('cache-control', isHashedAsset(path) ? IMMUTABLE : REVALIDATE);
    },
  });
}
