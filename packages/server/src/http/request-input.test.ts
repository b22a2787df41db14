import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNul, jsonDepth, MAX_JSON_DEPTH } from './request-input';
import { redactError, redactUrl } from './log';

describe('request limits', () => {
  it('measures JSON nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]"}')).toBe(1);
    expect(jsonDepth('"x"')).toBe(0);
    expect(jsonDepth('['.repeat(100_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });

  it('property: the depth counted is the depth of the parsed value', () => {
    const depthOf = (v: unknown): number => (v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
    );
  });

  it('finds a NUL character in any string or key, at any depth, naming the path', () => {
    expect(findNul({ name: 'ok', serves: [1, 2] })).toBeNull();
    expect(findNul({ a: { b: ['x', 'y\u0000'] } })).toBe('a.b.1');
    expect(findNul({ ['k\u0000']: 1 })).toBe('k\u0000');
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toMatch(/^0(\.0)*$/);
  });
});

describe('the log', () => {
  it('redacts a public link token in a URL', () => {
    expect(redactUrl('/api/v1/public/forms/abc123/responses?x=1')).toBe('/api/v1/public/forms/[token]/responses?x=1');
    expect(redactUrl('/f/abc123')).toBe('/f/[token]');
    expect(redactUrl('/api/v1/territories/1')).toBe('/api/v1/territories/1');
  });

  it('keeps a failed query’s text and code, never its parameters, detail or message built from them', () => {
    const cause = Object.assign(new Error('null value in column "login" violates not-null constraint'), { code: '23502', detail: 'Failing row contains (null, x, $argon2id$secret).', table: 'app_user' });
    const error = Object.assign(new Error('Failed query: insert into app_user values ($1, $2)\nparams: ,$argon2id$secret'), { query: 'insert into app_user values ($1, $2)', params: [null, '$argon2id$secret'], cause });
    const logged = JSON.stringify(redactError(error));
    expect(logged).not.toContain('argon2');
    expect(logged).toContain('insert into app_user values ($1, $2)');
    expect(logged).toContain('23502');
  });
});
