import type { Actor, TRole } from '@potreby/domain';
import { eq } from 'drizzle-orm';
import { appUser } from '../accounts/tables';
import { territory } from '../territories/tables';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import type { Client, TestApp } from '../testing/test-app';
import type { PlaceKey } from './world';

/**
 * Who knocks: nobody, and one account of each role, scoped so that the seeded demo has data
 * inside and outside its reach. Pazardzhik province (PAZ) with Velingrad (PAZ08) and the
 * municipality of Pazardzhik (PAZ19), Smolyan province (SML) with Smolyan (SML31), and Khmilnyk
 * hromada in Ukraine.
 */
export type PrincipalSpec = {
  key: string;
  role: TRole | null;
  /** Code of the territory the account is scoped to; null: everywhere (admin) or nobody. */
  territoryCode: string | null;
  organisation?: string;
  /** The place of the world this principal works in, where "moving" probes move things to. */
  home: PlaceKey;
};

export const PRINCIPALS: readonly PrincipalSpec[] = [
  { key: 'anonymous', role: null, territoryCode: null, home: 'VEL' },
  { key: 'admin', role: 'admin', territoryCode: null, home: 'VEL' },
  { key: 'agency BG', role: 'agency', territoryCode: 'BG', home: 'VEL' },
  { key: 'regional officer PAZ', role: 'regional_officer', territoryCode: 'PAZ', home: 'VEL' },
  { key: 'regional officer SML', role: 'regional_officer', territoryCode: 'SML', home: 'SML' },
  { key: 'municipal officer PAZ08 Velingrad', role: 'municipal_officer', territoryCode: 'PAZ08', home: 'VEL' },
  { key: 'municipal officer SML31 Smolyan', role: 'municipal_officer', territoryCode: 'SML31', home: 'SML' },
  { key: 'provider Община Велинград', role: 'provider', territoryCode: 'PAZ08', organisation: 'Община Велинград', home: 'VEL' },
  { key: 'viewer PAZ', role: 'viewer', territoryCode: 'PAZ', home: 'VEL' },
  { key: 'hromada officer Khmilnyk', role: 'municipal_officer', territoryCode: KHMILNYK, home: 'KHM' },
];

/** A principal signed in: its client (null for nobody) and the actor the policy sees. */
export type Principal = {
  spec: PrincipalSpec;
  client: Client | null;
  actor: Actor | null;
  /** Sign in a new account like this one (for routes that end or spoil the session). */
  another(): Promise<Principal>;
};

/** The actor of a signed-in account as the server builds it (app.ts): admins reach everything. */
export async function actorOfLogin(t: TestApp, login: string): Promise<Actor> {
  const [user] = await t.database.db.select().from(appUser).where(eq(appUser.login, login));
  if (!user) throw new Error(`no user ${login}`);
  const [place] = user.territoryId === null ? [] : await t.database.db.select({ path: territory.path }).from(territory).where(eq(territory.id, user.territoryId));
  return { userId: user.id, role: user.role as TRole, scopePath: user.role === 'admin' ? null : (place?.path ?? '/nowhere/'), organisation: user.organisation };
}

/** Sign in every principal, each as a new account of the demo database. */
export async function signIn(t: TestApp, spec: PrincipalSpec): Promise<Principal> {
  if (spec.role === null) return { spec, client: null, actor: null, another: async () => signIn(t, spec) };
  const client = await t.as(spec.role, spec.territoryCode, spec.organisation);
  const login = (await client.get<{ user: { login: string } }>('/api/v1/session')).body.user.login;
  return { spec, client, actor: await actorOfLogin(t, login), another: async () => signIn(t, spec) };
}
