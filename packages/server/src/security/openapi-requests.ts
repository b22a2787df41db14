import fc from 'fast-check';

/**
 * The OpenAPI document the app serves (fastify-swagger from the routes' zod schemas), read as
 * the list of operations the security suites must cover, and turned into fast-check arbitraries:
 * inputs shaped like the schema, boundary values, and hostile ones.
 */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema };

export type Operation = {
  method: string;
  /** As the document writes it: /api/v1/service-sites/{id}. */
  path: string;
  key: string;
  parameters: Parameter[];
  /** The JSON body's schema, if the operation takes one. */
  body: JsonSchema | null;
  /** Takes a multipart upload (documented as such in its description). */
  multipart: boolean;
};

export type OpenApiDocument = { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; description?: string; consumes?: string[] }>> };

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => {
      const method = m.toUpperCase();
      return {
        method,
        path,
        key: `${method} ${path}`,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema ?? null,
        multipart: !!op.requestBody?.content['multipart/form-data'] || /multipart\/form-data/.test(op.description ?? ''),
      };
    }),
  );
}

/** Does a concrete path ("/api/v1/sites/12") belong to this template ("/api/v1/sites/{id}")? */
export function matchesTemplate(template: string, concrete: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`).test(concrete.split('?')[0]!);
}

// ---- arbitraries from JSON schema ----

export type Pools = {
  /** Real ids of the seeded world, so that inputs reach the use cases and the policy, not only the validator. */
  ids: number[];
  /** Real strings: service type keys, question names, territory codes, languages… */
  strings: string[];
};

const INT_BOUNDARIES = [0, -1, 1, 2147483647, 2147483648, -2147483649, 9007199254740991, 9007199254740992, 1e308, -1e308];
const STRING_HOSTILE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '2147483648',
  '99999999999999999999',
  '../../etc/passwd',
  "' or 1=1 --",
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '\u202e\u200b\ufeff',
  '\ud800',
  '𝕏'.repeat(3),
  'x'.repeat(10_001),
];

/**
 * A value nested `depth` levels deep. Kept as a marker and written out by `toJson`: building and
 * stringifying the real thing would overflow the test's own stack before the server sees it.
 */
export class Deep {
  constructor(readonly depth: number) {}
}

/** JSON text of a generated value, deep markers written out as nested objects and arrays. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) => (v instanceof Deep ? `\u0001deep:${v.depth}\u0001` : v));
  return text.replace(/"\\u0001deep:(\d+)\\u0001"/g, (_m, n: string) => {
    const depth = Number(n);
    const open = Array.from({ length: depth }, (_, i) => (i % 2 ? '[' : '{"a":')).join('');
    const close = Array.from({ length: depth }, (_, i) => (i % 2 ? ']' : '}')).reverse().join('');
    return `${open}1${close}`;
  });
}

const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 1.5, [], {}, ...INT_BOUNDARIES, ...STRING_HOSTILE),
    fc.constant(new Deep(5000)),
    fc.constant(null).map(() => 'z'.repeat(300_000)),
    fc.constant(null).map(() => Array.from({ length: 5000 }, (_, i) => i)),
    fc.jsonValue({ maxDepth: 3 }),
  );

const isType = (s: JsonSchema, t: string) => s.type === t || (Array.isArray(s.type) && s.type.includes(t));

/** Values valid for the schema, with its boundaries, and real ids and strings from the pools. */
export function validArb(schema: JsonSchema, pools: Pools, name = ''): fc.Arbitrary<unknown> {
  const base = validBase(schema, pools, name);
  return schema.nullable ? fc.oneof({ arbitrary: base, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : base;
}

function validBase(schema: JsonSchema, pools: Pools, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => validArb(s, pools, name)));
  if (schema.allOf?.length) return validArb(Object.assign({}, ...schema.allOf) as JsonSchema, pools, name);
  if (isType(schema, 'integer') || isType(schema, 'number')) return numberArb(schema, pools, name);
  if (isType(schema, 'boolean')) return fc.boolean();
  if (isType(schema, 'string')) return stringArb(schema, pools);
  if (isType(schema, 'array')) {
    const min = schema.minItems ?? 0;
    const max = Math.min(schema.maxItems ?? 5, min + 5);
    return fc.array(validArb(schema.items ?? {}, pools, name), { minLength: min, maxLength: max });
  }
  if (isType(schema, 'object') || schema.properties) return objectArb(schema, pools);
  // {} or an unknown shape: anything JSON.
  return fc.jsonValue({ maxDepth: 3 });
}

function numberArb(schema: JsonSchema, pools: Pools, name: string): fc.Arbitrary<number> {
  const integer = isType(schema, 'integer');
  const exclusiveMin = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number';
  const exclusiveMax = schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === 'number';
  let min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : (schema.minimum ?? -1e9);
  let max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : (schema.maximum ?? 1e9);
  if (integer) {
    min = Math.max(Math.ceil(min + (exclusiveMin ? 1 : 0)), Number.MIN_SAFE_INTEGER);
    max = Math.min(Math.floor(max - (exclusiveMax ? 1 : 0)), Number.MAX_SAFE_INTEGER);
  }
  const edges = [min, max, 0, 1, -1, 2147483647, 2147483648].filter((v) => v >= min && v <= max);
  const plain = integer ? fc.integer({ min: Math.max(min, -1e6), max: Math.max(Math.min(max, 1e6), Math.max(min, -1e6)) }) : fc.double({ min: Math.max(min, -1e6), max: Math.max(Math.min(max, 1e6), Math.max(min, -1e6)), noNaN: true, noDefaultInfinity: true });
  const arbs: fc.WeightedArbitrary<number>[] = [
    { arbitrary: plain, weight: 3 },
    { arbitrary: fc.constantFrom(...(edges.length ? edges : [min])), weight: 2 },
  ];
  // A field that holds an id (or a year) is most interesting with a real one.
  const ids = pools.ids.filter((v) => v >= min && v <= max);
  if (integer && ids.length && /id$|Id$|^id/i.test(name)) arbs.push({ arbitrary: fc.constantFrom(...ids), weight: 6 });
  return fc.oneof(...arbs);
}

function stringArb(schema: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 60;
  const fits = (s: string) => s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern).test(s));
  if (schema.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl().filter((s) => s.length <= max);
  if (schema.format === 'email') return fc.emailAddress().filter((s) => s.length >= min && s.length <= max);
  if (schema.pattern) {
    const real = pools.strings.filter(fits);
    const matching = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
    return real.length ? fc.oneof(matching, fc.constantFrom(...real)) : matching;
  }
  const arbs: fc.Arbitrary<string>[] = [fc.string({ minLength: min, maxLength: Math.min(max, min + 40), unit: 'binary' }), fc.constantFrom('x'.repeat(Math.max(min, 1)).slice(0, max), 'y'.repeat(max))];
  const real = pools.strings.filter(fits);
  if (real.length) arbs.push(fc.constantFrom(...real), fc.constantFrom(...real));
  return fc.oneof(...arbs).filter((s) => s.length >= min && s.length <= max);
}

function objectArb(schema: JsonSchema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, s] of Object.entries(properties)) record[key] = validArb(s, pools, key);
  const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
  const known = Object.keys(properties).length
    ? fc.record(record, { requiredKeys })
    : fc.constant({} as Record<string, unknown>);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    // A free-form object (answers, a questionnaire definition): some pool keys with any JSON.
    const extraKeys = pools.strings.length ? fc.constantFrom(...pools.strings) : fc.string({ maxLength: 10 });
    return fc.tuple(known, fc.dictionary(extraKeys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 })).map(([a, b]) => ({ ...b, ...a }));
  }
  return known as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * A hostile variant of a valid value: one field with a wrong type, a boundary or a huge value,
 * a required field left out, an unknown one added, or the whole thing replaced.
 */
export function hostileArb(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  const valid = validArb(schema, pools);
  return fc.oneof(
    { arbitrary: hostileValue(), weight: 1 },
    {
      arbitrary: fc.tuple(valid, fc.nat(), hostileValue(), fc.constantFrom('replace', 'drop', 'add')).map(([v, n, bad, how]) => mutate(v, n, bad, how)),
      weight: 4,
    },
  );
}

function mutate(value: unknown, n: number, bad: unknown, how: string): unknown {
  if (!value || typeof value !== 'object') return bad;
  // Walk to a random container, then change one of its entries.
  let node = value as Record<string, unknown>;
  const copy = structuredClone(value) as Record<string, unknown>;
  node = copy;
  for (let depth = 0; depth < 3; depth++) {
    const keys = Object.keys(node);
    const key = keys[(n >> (depth * 3)) % Math.max(keys.length, 1)];
    const child = key === undefined ? undefined : node[key];
    if (child && typeof child === 'object' && (n >> (depth * 3 + 2)) & 1) node = child as Record<string, unknown>;
    else break;
  }
  const keys = Object.keys(node);
  const key = keys.length ? keys[n % keys.length]! : 'extra';
  if (how === 'drop' && keys.length) {
    if (Array.isArray(node)) node.splice(Number(key), 1);
    else delete node[key];
  } else if (how === 'add' && !Array.isArray(node)) node[`unexpected_${n % 7}`] = bad;
  else node[key] = bad;
  return copy;
}

/** A query or path value as text: from a schema value, or a hostile text. */
export function textArb(schema: JsonSchema, pools: Pools, name: string): fc.Arbitrary<string> {
  const valid = validArb(schema, pools, name).map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)));
  const hostile = fc.constantFrom('', 'NaN', '-1', '0', '1.5', '1e308', '2147483648', '99999999999', '0x10', ' 1', '%00', '\u0000', '[]', '{}', 'true', 'x'.repeat(250), '../1');
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostile, weight: 2 });
}

// ---- whole requests ----

/** A generated request, and how it was made (for the failure report). */
export type FuzzRequest = { method: string; path: string; query?: Record<string, string>; raw?: { contentType: string; body: string }; how: string };

const asText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Bodies that are not what they say: broken JSON, another type, a nesting no parser should recurse into. */
const RAW_BODIES: { contentType: string; body: string }[] = [
  { contentType: 'application/json', body: '{"a":' },
  { contentType: 'application/json', body: 'null' },
  { contentType: 'application/json', body: '"\\u0000"' },
  { contentType: 'application/json', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { contentType: 'application/json', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { contentType: 'application/json', body: `{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}` },
  { contentType: 'text/plain', body: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
  { contentType: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n' },
];

/**
 * Requests for one operation: mostly shaped like its schema (with real ids, so they reach the
 * policy and the use case), some with one hostile part — a path or query value, a body field,
 * or a body that is not JSON at all.
 */
export function requestArb(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const recordOf = (params: Parameter[], arb: (p: Parameter) => fc.Arbitrary<string>, all: boolean) =>
    fc.record(Object.fromEntries(params.map((p) => [p.name, arb(p)])), { requiredKeys: params.filter((p) => all || p.required).map((p) => p.name) }) as fc.Arbitrary<Record<string, string>>;
  const validText = (p: Parameter) => validArb(p.schema, pools, p.name).map(asText);
  const hostileText = (p: Parameter) => textArb(p.schema, pools, p.name);
  const validPath = recordOf(pathParams, validText, true);
  const validQuery = recordOf(queryParams, validText, false);
  const validBody: fc.Arbitrary<unknown> = op.body ? validArb(op.body, pools) : fc.constant(undefined);

  type Parts = { path: Record<string, string>; query: Record<string, string>; json?: unknown; raw?: { contentType: string; body: string }; how: string };
  const variants: fc.WeightedArbitrary<Parts>[] = [
    { weight: 4, arbitrary: fc.record({ path: validPath, query: validQuery, json: validBody }).map((r) => ({ ...r, how: 'shaped like the schema' })) },
  ];
  if (hasBody && op.body) variants.push({ weight: 3, arbitrary: fc.record({ path: validPath, query: validQuery, json: hostileArb(op.body, pools) }).map((r) => ({ ...r, how: 'hostile body' })) });
  if (hasBody) variants.push({ weight: 1, arbitrary: fc.record({ path: validPath, query: validQuery, raw: fc.constantFrom(...RAW_BODIES) }).map((r) => ({ ...r, how: 'body that is not what it says' })) });
  if (pathParams.length) variants.push({ weight: 2, arbitrary: fc.record({ path: recordOf(pathParams, hostileText, true), query: validQuery, json: validBody }).map((r) => ({ ...r, how: 'hostile path' })) });
  if (queryParams.length) {
    const hostileQuery = fc
      .tuple(recordOf(queryParams, hostileText, false), fc.option(fc.tuple(fc.constantFrom('unexpected', '__proto__', 'territoryId[]'), fc.string({ maxLength: 20 })), { nil: undefined }))
      .map(([q, extra]) => (extra ? { ...q, [extra[0]]: extra[1] } : q));
    variants.push({ weight: 2, arbitrary: fc.record({ path: validPath, query: hostileQuery, json: validBody }).map((r) => ({ ...r, how: 'hostile query' })) });
  }
  return fc.oneof(...variants).map((parts) => {
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(parts.path[name] ?? ''));
    const request: FuzzRequest = { method: op.method, path, how: parts.how };
    if (Object.keys(parts.query).length) request.query = parts.query;
    if (parts.raw) request.raw = parts.raw;
    else if (hasBody && parts.json !== undefined) request.raw = { contentType: 'application/json', body: toJson(parts.json) };
    return request;
  });
}

/**
 * Inputs every run sends besides the generated ones, so that a known hostile shape is never left
 * to chance: a route taking a body gets one body that is not what it says (taking turns through
 * the list by route), and an upload route a multipart body cut off in the middle.
 */
export function fixedInputs(op: Operation, routeIndex: number): FuzzRequest[] {
  if (op.method === 'GET' || op.method === 'DELETE') return [];
  // Path values that pass validation (an enum's first value, else 1), so the body is what is tested.
  const valueOf = (name: string) => String(op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema.enum?.[0] ?? '1');
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => valueOf(name));
  const raw = op.multipart ? RAW_BODIES.find((b) => b.contentType.startsWith('multipart/'))! : RAW_BODIES[routeIndex % RAW_BODIES.length]!;
  return [{ method: op.method, path, raw, how: 'fixed hostile body' }];
}

/** A request, shortened for a report. */
export function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s);
  const query = r.query ? `?${new URLSearchParams(r.query).toString()}` : '';
  const body = r.raw ? ` ${r.raw.contentType === 'application/json' ? '' : `${r.raw.contentType} `}${cut(r.raw.body)}` : '';
  return `${r.method} ${cut(r.path + query)}${body} (${r.how})`;
}

/** A 32-bit seed for one route and principal, from the run's seed: each route's inputs do not depend on the others'. */
export function seedFor(runSeed: number, ...parts: string[]): number {
  let h = runSeed >>> 0;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h | 0;
}
