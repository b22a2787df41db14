import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * What reaches the server log. A failed statement's parameters can hold anything a row holds —
 * a new user's password hash, a respondent's answers — and a public link's token in a URL is a
 * key to the questionnaire: neither is ever written.
 */

/** Fields of a PostgreSQL error (pg's DatabaseError, PGlite's) that name no value. */
const DATABASE_FIELDS = ['code', 'severity', 'routine', 'table', 'column', 'constraint', 'schema', 'dataType'] as const;

type LoggedError = { type: string; message: string; stack?: string; query?: string; cause?: LoggedError } & Record<string, unknown>;

/**
 * An error as it may be logged: its type, message, stack and the database's error code, never
 * the statement's parameters nor the database's detail line (which repeats the values, e.g.
 * `Key (login)=(…)`). drizzle's DrizzleQueryError puts the parameters into its message and so
 * into its stack: both are rebuilt from the query text alone. Causes are followed (a loop is cut).
 */
export function redactError(error: unknown, seen = new Set<unknown>()): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: typeof error === 'string' ? error : 'non-error thrown' };
  seen.add(error);
  const e = error as Error & { query?: unknown; params?: unknown; cause?: unknown; statusCode?: unknown; validationContext?: unknown } & Record<string, unknown>;
  const isQueryError = typeof e.query === 'string' && 'params' in e;
  const message = isQueryError ? `Failed query: ${e.query as string}` : e.message;
  const out: LoggedError = { type: e.name, message };
  // The stack's first line repeats the message: keep only the frames.
  const frames = e.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames?.length) out.stack = `${e.name}: ${message}\n${frames.join('\n')}`;
  if (isQueryError) out.query = e.query as string;
  for (const field of DATABASE_FIELDS) if (typeof e[field] === 'string' && e[field]) out[field] = e[field];
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (e.cause !== undefined && !seen.has(e.cause)) out.cause = redactError(e.cause, seen);
  return out;
}

/**
 * A public link's token replaced in a URL: the API's `/api/v1/public/forms/<token>…` and the
 * answering page `/f/<token>`. Anyone reading the log could otherwise answer in a respondent's
 * place.
 */
export function redactUrl(url: string): string {
  return url.replace(/^(\/api\/v1\/public\/forms\/|\/f\/)[^/?#]+/, '$1[token]');
}

/** Fastify's request line in the log, with the URL redacted. */
export function requestLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Whatever a log call was given as its error, as it may be written. */
const redactedOrAsIs = (value: unknown) => (value instanceof Error ? redactError(value) : value);

/**
 * The app's log: pino as Fastify makes it, with every error redacted however it is logged —
 * `log.error(error)` (pino would take the message, parameters and all, as the line's text),
 * `log.error({ err })`, or Fastify's own `({ err }, err.message)` — and request URLs without
 * public link tokens. `stream` receives the lines instead of standard output (tests read it).
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): LoggerOptions & { stream?: { write(line: string): void } } {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: { req: requestLog as never, err: redactedOrAsIs },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        const error = first instanceof Error ? first : first && typeof first === 'object' && (first as { err?: unknown }).err instanceof Error ? ((first as { err: Error }).err as Error) : null;
        if (!error) return method.apply(this, args);
        const err = redactError(error);
        const merged = first instanceof Error ? { err } : { ...(first as object), err };
        // The text of the line: the caller's own, unless it is the error's unredacted message.
        const text = rest.length && rest[0] !== error.message ? rest : [err.message, ...rest.slice(1)];
        return method.apply(this, [merged, ...text] as never);
      },
    },
  };
}
