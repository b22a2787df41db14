import { AppError } from '@potreby/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Limits on what any request may carry, checked once for every route before its own schema:
 * a body's nesting depth (a questionnaire 5,000 levels deep overflowed the stack of every
 * recursive walk after it) and the NUL character (PostgreSQL's text cannot hold it: the
 * statement failed with a 500 half-way through a use case).
 */

/** Far deeper than any questionnaire, answer or form of the app needs. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing it (so a
 * hostile text costs one pass and no recursion); stops counting past `limit`.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}

const tooDeep = () => new AppError('validation.invalid', {}, { issues: [{ path: '', message: 'nesting_too_deep' }] });

/**
 * JSON bodies are parsed by Fastify's own parser (secure-json-parse, refusing `__proto__` and
 * `constructor.prototype` keys), after the depth is checked on the text.
 */
export function limitJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(tooDeep(), undefined);
      return;
    }
    parse(request, text, done);
  });
}

/**
 * The path to the first string (value or key) holding a NUL character, walking the value with
 * an explicit stack rather than recursion; null when there is none.
 */
export function findNul(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return at;
        stack.push([item, at]);
      }
    }
  }
  return null;
}

/** Refuses a NUL character anywhere in the path, query or JSON body, naming where it was. */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  for (const input of [request.params, request.query, request.body]) {
    const path = findNul(input);
    if (path !== null) throw new AppError('validation.invalid', {}, { issues: [{ path, message: 'nul_character' }] });
  }
}
