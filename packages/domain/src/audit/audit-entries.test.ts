import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES, parseAuditActor } from './audit-entries';

describe('who made a change', () => {
  it('reads each kind of actor the server writes', () => {
    expect(parseAuditActor('user:12')).toEqual({ kind: 'user', id: '12' });
    expect(parseAuditActor('login:maria')).toEqual({ kind: 'login', login: 'maria' });
    expect(parseAuditActor('cli:ivan')).toEqual({ kind: 'cli', user: 'ivan' });
    expect(parseAuditActor('seed')).toEqual({ kind: 'seed' });
    expect(parseAuditActor('system')).toEqual({ kind: 'system' });
    expect(parseAuditActor('public')).toEqual({ kind: 'public' });
  });

  it('keeps anything else as written, and never loses a login or a user', () => {
    expect(parseAuditActor('user:abc')).toEqual({ kind: 'other', text: 'user:abc' });
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseAuditActor(`login:${s}`)).toEqual({ kind: 'login', login: s });
        expect(parseAuditActor(`cli:${s}`)).toEqual({ kind: 'cli', user: s });
      }),
    );
  });

  it('names each kind of record once, in snake case', () => {
    expect(new Set(AUDIT_ENTITIES).size).toBe(AUDIT_ENTITIES.length);
    for (const e of AUDIT_ENTITIES) expect(e).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});
