import { expect } from 'vitest';
import type { Client, TestApp } from './test-app';

/**
 * The people of a Pazardzhik planning round, each signed in with an account of their own: an
 * administrator, the region's officer, another region's (Smolyan's), the officers of two of its
 * municipalities (PAZ19, PAZ20), a provider and a viewer of the region. The planning tests check
 * every role's reach with them.
 */
export type RoundPeople = {
  admin: Client;
  regional: Client;
  otherRegional: Client;
  officer19: Client;
  officer20: Client;
  provider: Client;
  viewer: Client;
};

export async function roundPeople(t: TestApp): Promise<RoundPeople> {
  return {
    admin: await t.as('admin'),
    regional: await t.as('regional_officer', 'PAZ'),
    otherRegional: await t.as('regional_officer', 'SML'),
    officer19: await t.as('municipal_officer', 'PAZ19'),
    officer20: await t.as('municipal_officer', 'PAZ20'),
    provider: await t.as('provider', 'PAZ', 'Община Пазарджик'),
    viewer: await t.as('viewer', 'PAZ'),
  };
}

/** The ids of territories by their codes. */
export async function territoryIds(t: TestApp, codes: string[]): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(codes.map(async (code) => [code, await t.territoryId(code)] as const)));
}

/** A round of the Pazardzhik province for 2026–2030 on the Bulgarian template, opened by the region's officer; its id. */
export async function openPazardzhikRound(regional: Client, provinceId: number): Promise<number> {
  const res = await regional.post('/api/v1/planning/rounds', { territoryId: provinceId, templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, start: '2026-01-15', method: 'normative' });
  expect(res.status, res.text).toBe(201);
  return res.body.id as number;
}

/** The newest `n` audit entries of a kind of record, as the administrator reads them. */
export const auditOf =
  (admin: () => Client) =>
  async (entity: string, n = 1): Promise<{ action: string; entityId: string; after: any; before: any }[]> =>
    (await admin().get(`/api/v1/audit?entity=${entity}&pageSize=${n}`)).body.items;
