import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { AppError } from '@potreby/domain';
import { pickLanguage } from '@potreby/i18n';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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
import type { TrustProxy } from '../config';
import { loggerOptions } from './log';
import { RequestsAtDebug } from './request-logging';
import { toProblem } from './problem';
import { limitJsonBodies, refuseNul } from './request-input';
import { registerRoutes } from './routes';
import { securityHeaders } from './security-headers';
import { compressAnswers } from './compression';
import { serveWebFiles } from './web-files';

export type AppOptions = {
  database: Database;
  /** Folder of the built web UI; null to serve the API only. */
  webDist?: string | null;
  logger?: boolean;
  /** Where the log's lines go instead of standard output (tests read them). */
  logStream?: { write(line: string): void };
  /** Wrong passwords allowed per client address and login within `signInWindow`. */
  signInLimit?: number;
  /** … per login from any address (default: twice `signInLimit`). */
  signInLimitPerLogin?: number;
  /** … per client address whatever the login (default: ten times `signInLimit`). */
  signInLimitPerAddress?: number;
  signInWindow?: string;
  /** Answers one address may send through one public link per minute. */
  publicSubmissionLimit?: number;
  /**
   * Behind a TLS-terminating proxy: whose X-Forwarded-* to believe (client address, https for
   * Secure cookies): a number of proxy hops or the proxies' addresses (config.ts); `true` is one hop.
   */
  trustProxy?: TrustProxy | true;
  version?: string;
  /** Compress answers when the client accepts it (default true; false only to measure without, bench/page-load.ts). */
  compress?: boolean;
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

/**
 * The log's lines through process.stdout, in order with the start messages main.ts prints
 * (pino's own stdout writer is asynchronous: its "Server listening" line came after them, below
 * the first start's one-time password).
 */
const CONSOLE = { write: (line: string) => void process.stdout.write(line) };

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    // A log stream (tests) gets every line whatever LOG_LEVEL says. At the default level the
    // console shows the start and errors; each request's lines come at `debug`.
    logger: options.logStream ? loggerOptions('debug', options.logStream) : options.logger ? loggerOptions(process.env.LOG_LEVEL ?? 'info', CONSOLE) : false,
    logController: new RequestsAtDebug(),
    trustProxy: trustProxyOption(options.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // Ids in URLs are short; a long URL is a mistake or an attack.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('actor', null);
  app.decorateRequest('language', 'en');

  await securityHeaders(app);
  if (options.compress !== false) await compressAnswers(app);
  limitJsonBodies(app);
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

  // After authentication, before every route's own schema: no NUL character anywhere.
  app.addHook('preValidation', refuseNul);

  // After a change, this process re-reads the revision and the sessions at once, so whoever
  // made the change sees it on their next request. Before the answer is sent, not after: a
  // browser that asks again as soon as the answer arrives must not find the old figures kept.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return payload;
    models.changed();
    if (request.url.startsWith('/api/v1/session') || request.url.startsWith('/api/v1/users')) sessions.clear();
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = asAppError(error, request, reply);
    // The log's serializers redact it (http/log.ts): no statement parameters, no detail line.
    if (appError.code === 'internal') request.log.error(error);
    const problem = toProblem(appError, request.language ?? 'en', request.url.split('?')[0]);
    // Every limit in the app answers 429 with the seconds to wait as a header too (RFC 6585,
    // RFC 9110 §10.2.3). A limit on exports under way has no end time: half a minute, about
    // as long as an export takes.
    if (problem.status === 429) void reply.header('retry-after', String(appError.params.seconds ?? 30));
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
    await serveWebFiles(app, options.webDist, options.compress !== false);
  }
  return app;
}

/**
 * Fastify's trustProxy for the configured proxies. Never Fastify's `true` (believe every address
 * in X-Forwarded-For): a client could then claim a new address with each request and escape every
 * limit kept per address. A number of hops is proxy-addr's hop test (Express's meaning: the
 * socket's peer and the next hops − 1 addresses of the header are proxies), written out because
 * Fastify 5 now refuses a bare number; the client is the first address after them.
 */
function trustProxyOption(trust: AppOptions['trustProxy']): string | false | ((address: string, hop: number) => boolean) {
  if (trust === true) return (_address, hop) => hop < 1;
  if (typeof trust === 'number') return trust > 0 ? (_address, hop) => hop < trust : false;
  return trust || false;
}

/**
 * PostgreSQL's errors for a value the request should not have carried (an input check missed
 * it): a refused request, not a server fault. 22003 numeric out of range; 22P02 invalid text
 * for the type; 22P05 untranslatable character; 22021 a character the encoding cannot hold (NUL);
 * 54001 statement too complex (stack depth).
 */
const DATABASE_INPUT_ERRORS = new Set(['22003', '22P02', '22P05', '22021', '54001']);

/** The SQLSTATE of a database error, also when drizzle wrapped it (DrizzleQueryError's cause). */
function databaseCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Anything thrown becomes an AppError with a stable code; only the unexpected is 'internal'. */
function asAppError(error: unknown, request: FastifyRequest, reply: FastifyReply): AppError {
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
  if (e.statusCode === 429) {
    // @fastify/rate-limit's own error (a route without an errorResponseBuilder): the plugin set
    // Retry-After already.
    const seconds = Number(reply.getHeader('retry-after'));
    return new AppError('auth.rate_limited', { seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 });
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) return new AppError('import.too_large');
  if (e.statusCode === 404) return new AppError('not_found');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('validation.invalid', {}, { issues: [{ path: '', message: e.message ?? 'invalid' }] });
  }
  const sqlState = databaseCode(error);
  // A unique violation that a check did not catch first (two requests racing).
  if (sqlState === '23505') return new AppError('conflict.duplicate', {});
  if (sqlState && DATABASE_INPUT_ERRORS.has(sqlState)) return new AppError('validation.invalid', {}, { issues: [{ path: '', message: 'invalid' }] });
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
