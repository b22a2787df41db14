import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@potreby/domain/audit/audit-entries';

const PACKAGES = join(import.meta.dirname, '../../..');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });

/**
 * The kinds of record the server and the command line write into the audit log: `entity: '…'`
 * in calls of recordChange (and the assessment parts' table), and the entity of the entries
 * written by SQL directly (imports of sites, public answers), which no type checks.
 */
function writtenEntities(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sources(join(PACKAGES, 'server/src')), ...sources(join(PACKAGES, 'cli/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bentity:\s*'([^']+)'/g)) found.set(m[1]!, file);
    for (const insert of text.matchAll(/insert into audit_log\b[\s\S]{0,400}?'([a-z_]+)',\s*'([a-z_]+)'/g)) {
      expect(AUDIT_ACTIONS, `${file}: action of an audit entry written by SQL`).toContain(insert[1]);
      found.set(insert[2]!, file);
    }
  }
  return found;
}

describe('kinds of record in the audit log', () => {
  it('writes only kinds that are listed (and so translated)', () => {
    const written = writtenEntities();
    // The scan works: the assessment parts, a route's call and the sites' SQL import are found.
    for (const known of ['plan_measure', 'collection_link', 'service_site', 'response']) expect(written.has(known)).toBe(true);
    const unlisted = [...written].filter(([entity]) => !(AUDIT_ENTITIES as readonly string[]).includes(entity));
    expect(unlisted.map(([entity, file]) => `${entity} (${file.slice(PACKAGES.length + 1)})`)).toEqual([]);
  });
});
