import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { AppError } from '@potreby/domain';
import { pickLanguage } from '@potreby/i18n';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { loadSession } from '../accounts/queries';
import { SessionCache } from '../accounts/session-cache';
import { CountryModels } from '../model/country-model';
import type { Database } from '../db/database';
import { toProblem } from './problem';
import { registerRoutes } from './routes';

export type AppOptions = {
  database: Database;
  /** Folder of the built web UI; null to serve the API only. */
  webDist?: string | null;
  logger?: boolean;
  /** Sign-in attempts allowed per client and login within `signInWindow`. */
  signInLimit?: number;
  signInWindow?: string;
  /** Answers one address may send through one public link per minute. */
  publicSubmissionLimit?: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* so cookies are marked Secure. */
  trustProxy?: boolean;
  version?: string;
};

/** The Fastify instance with zod schemas typing every route's input and output. */
export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export const SESSION_COOKIE = 'potreby_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, the OpenAPI document). */
    public?: boolean;
  }
}

/** Paths a signed-in user may use before changing a one-time password. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/v1/session', '/api/v1/session/password', '/api/v1/session/language', '/api/v1/health']);

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // Ids in URLs are short; a long URL is a mistake or an attack.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('actor', null);
  app.decorateRequest('language', 'en');

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'potreby API',
        version: options.version ?? '0.1.0',
        description:
          'Needs, capacity and gaps of social services by territory. Sign in with POST /api/v1/session; send the returned csrfToken as the X-CSRF-Token header on every change. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      tags: [
        { name: 'session' },
        { name: 'territories' },
        { name: 'catalogue' },
        { name: 'norms' },
        { name: 'service-sites' },
        { name: 'gaps' },
        { name: 'imports' },
        { name: 'exports' },
        { name: 'users' },
        { name: 'audit' },
        { name: 'assessments' },
        { name: 'questionnaires' },
        { name: 'analysis' },
        { name: 'collection', description: 'Public: answering a questionnaire by its link, without an account' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  const sessions = new SessionCache();
  const models = new CountryModels(options.database.db);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const token = request.cookies[SESSION_COOKIE];
    let found = token ? sessions.get(token) : null;
    if (token && found === undefined) {
      found = (await loadSession(options.database.db, token)) ?? null;
      sessions.set(token, found);
    }
    if (found) {
      const u = found.user;
      request.actor = {
        userId: u.id,
        login: u.login,
        name: u.name,
        role: u.role as never,
        scopePath: u.role === 'admin' ? null : (found.scopePath ?? '/nowhere/'),
        organisation: u.organisation,
        territoryId: u.territoryId,
        country: found.scopeCountry ?? null,
        language: pickLanguage(u.language),
        mustChangePassword: u.mustChangePassword,
        csrfToken: found.csrfToken,
        sessionId: found.sessionId,
      };
    }
    request.language = pickLanguage(request.headers['x-potreby-language'] as string | undefined, request.actor?.language, request.headers['accept-language']);
    const path = request.url.split('?')[0]!;
    // Authentication comes before validation: a signed-out caller learns nothing about inputs.
    if (!request.actor && !(request.routeOptions.config as { public?: boolean } | undefined)?.public) throw new AppError('auth.required');
    if (request.actor && request.method !== 'GET' && request.method !== 'HEAD' && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new AppError('auth.csrf');
    }
    if (request.actor?.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
      throw new AppError('auth.password_change_required');
    }
    void reply;
  });

  // After a change, this process re-reads the revision and the sessions at once, so whoever
  // made the change sees it on their next request.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    models.changed();
    if (request.url.startsWith('/api/v1/session') || request.url.startsWith('/api/v1/users')) sessions.clear();
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = asAppError(error, request);
    if (appError.code === 'internal') request.log.error(error);
    const problem = toProblem(appError, request.language ?? 'en', request.url.split('?')[0]);
    void reply.status(problem.status).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !options.webDist) {
      const problem = toProblem(new AppError('not_found'), request.language ?? 'en', request.url.split('?')[0]);
      return reply.status(404).type('application/problem+json').send(problem);
    }
    // The web UI routes in the browser: every other path gets its page.
    return reply.type('text/html').sendFile('index.html');
  });

  await registerRoutes(app, { ...options, models });

  if (options.webDist && existsSync(join(options.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}

/** Anything thrown becomes an AppError with a stable code; only the unexpected is 'internal'. */
function asAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // instancePath is "/capacity" or "/serves/0"; the message is zod's, or one of our codes
    // (e.g. vacancies_exceed_positions) that the UI translates.
    const context = (error as { validationContext?: string }).validationContext;
    const input = context === 'querystring' ? request.query : context === 'params' ? request.params : request.body;
    const issues = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { path, message: numberMessage(v.params, valueAt(input, path)) ?? v.message ?? 'invalid' };
    });
    return new AppError('validation.invalid', {}, { issues });
  }
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) return new AppError('import.too_large');
  if (e.statusCode === 404) return new AppError('not_found');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('validation.invalid', {}, { issues: [{ path: '', message: e.message ?? 'invalid' }] });
  }
  // A unique violation that a check did not catch first (two requests racing).
  if (e.code === '23505') return new AppError('conflict.duplicate', {});
  return new AppError('internal');
}

/**
 * A number in the query or path arrives as text and is coerced; a missing or non-numeric one
 * becomes NaN, and zod's "received NaN" would tell the caller nothing. Say which it was.
 */
function numberMessage(params: unknown, raw: unknown): string | undefined {
  if ((params as { received?: string } | undefined)?.received !== 'NaN') return undefined;
  return raw === undefined || raw === '' ? 'Invalid input: expected number, received undefined' : `Invalid input: expected number, received "${String(raw)}"`;
}

function valueAt(input: unknown, path: string): unknown {
  let v = input;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}
