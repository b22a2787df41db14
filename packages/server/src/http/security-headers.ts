import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every answer, the UI's pages and the API's alike. The built UI
 * loads only its own scripts, styles, images and fonts (no inline script, no eval, no other
 * origin); a stored script that slipped past the sanitisers would still not run nor send data
 * anywhere else.
 * - style-src 'unsafe-inline': Mantine and SurveyJS write <style> elements and style attributes
 *   at run time; styles cannot run code.
 * - img-src data: blob:: SurveyJS's and Mantine's icons are data: URLs; the QR code of a public
 *   link is drawn into a data: URL.
 * - worker-src 'self': the public form's service worker (public-form-sw.js) keeps answers offline.
 * - frame-ancestors 'none' (and X-Frame-Options: DENY for older browsers): no page of the app may
 *   be framed, so no click can be stolen.
 * - no upgrade-insecure-requests: the app is also used over plain http on the user's own machine
 *   (http://localhost), where that directive would break every request.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * helmet's headers on every answer: CSP, nosniff, DENY framing, no referrer (public links carry a token).
 *
 * helmet itself, built once, rather than @fastify/helmet: that plugin builds helmet again for
 * every request (parsing the CSP's directives each time), which was a tenth of the public page's
 * time under load (bench/public-page.ts). helmet's middleware only sets headers on the raw answer,
 * which Fastify sends with its own.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY as unknown as Record<string, string[]> },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Over plain http (the user's own machine) browsers ignore it; over https it keeps them there.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
}
