import { and, eq, like, sql } from 'drizzle-orm';
import { rows } from '../db/database';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import { response } from '../surveys/tables';
import { territory } from '../territories/tables';
import type { Client, TestApp } from '../testing/test-app';
import { send, type Answer, type Outgoing } from './http';

/**
 * The places of the demo the security suites probe, and things in each that belong to it alone:
 * a service site, a site that serves the whole province, an assessment with one of each of its
 * parts, a questionnaire with a public link and a paper answer, an export job, an account.
 * Every name carries the place's sentinel, so an answer that shows it to someone outside the
 * place is a leak that a text search finds, whatever the route and the format.
 */
export const PLACE_KEYS = ['VEL', 'PAZ19', 'SML', 'KHM'] as const;
export type PlaceKey = (typeof PLACE_KEYS)[number];

type PlaceSpec = { country: 'BG' | 'UA'; municipality: string; settlement: { code: string } | { name: string }; provider: string; serviceType: string; language: 'bg' | 'uk' };

const PLACE_SPECS: Record<PlaceKey, PlaceSpec> = {
  // Velingrad and the municipality of Pazardzhik: two municipalities of Pazardzhik province.
  VEL: { country: 'BG', municipality: 'PAZ08', settlement: { code: '10450' }, provider: 'Община Велинград', serviceType: 'bg.home_care', language: 'bg' },
  PAZ19: { country: 'BG', municipality: 'PAZ19', settlement: { code: '55155' }, provider: 'Община Пазарджик', serviceType: 'bg.home_care', language: 'bg' },
  // Smolyan, the centre of the neighbouring province.
  SML: { country: 'BG', municipality: 'SML31', settlement: { code: '67653' }, provider: 'Община Смолян', serviceType: 'bg.home_care', language: 'bg' },
  // Khmilnyk hromada, Vinnytsia oblast, Ukraine: the seeded needs assessment is here.
  KHM: { country: 'UA', municipality: KHMILNYK, settlement: { name: 'Хмільник' }, provider: 'Хмільницька міська рада', serviceType: 'ua.home_care', language: 'uk' },
};

export type TerritoryRow = typeof territory.$inferSelect;

export const PART_NAMES = ['members', 'measures', 'methods', 'groups', 'findings'] as const;
export type PartName = (typeof PART_NAMES)[number];

export type Place = {
  key: PlaceKey;
  spec: PlaceSpec;
  country: TerritoryRow;
  region: TerritoryRow;
  municipality: TerritoryRow;
  settlement: TerritoryRow;
  /** In every name of this place's fixtures. */
  sentinel: string;
  /** In the names of fixtures that serve the whole province: anyone reaching part of it may see them. */
  regionSentinel: string;
  siteId: number;
  siteKey: string;
  regionalSiteId: number;
  assessmentId: number;
  /** A planning round of the place's province, and an item of the place's municipality in it. */
  roundId: number;
  itemId: number;
  /** A stage of the round that the place's municipality carries out. */
  stageId: number;
  parts: Record<PartName, number>;
  groupId: number;
  questionnaireId: number;
  linkId: number;
  linkToken: string;
  responseId: number;
  /** An export of the questionnaire's tables made by the administrator, finished. */
  adminJobId: string;
  userId: number;
  /** The municipality's boundary as stored (or a small square where there is none). */
  boundary: unknown;
};

/** A text that must never reach someone whose reach does not overlap `path`. */
export type Sentinel = { text: string; path: string; what: string };

export const QUESTIONS = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'needs_help', title: 'Do you need help at home?', choices: ['yes', 'no'] },
        { type: 'comment', name: 'remarks', title: 'Remarks' },
        { type: 'text', name: 'age', inputType: 'number', title: 'Age' },
      ],
    },
  ],
};

export type World = {
  t: TestApp;
  admin: Client;
  places: Record<PlaceKey, Place>;
  sentinels: Sentinel[];
  /** A fresh string for keys that must be unique. */
  unique(prefix?: string): string;
  /** As the administrator; throws unless the status is the one expected (setting up is not under test). */
  adminSend(out: Outgoing, expected?: number | number[]): Promise<Answer>;
  disposable: Disposables;
  /** Wait until no export job is waiting or running (they write in the background). */
  quietJobs(): Promise<void>;
  /** Refresh the sentinel list from the database (after new things were made in places). */
  collectSentinels(): Promise<void>;
};

type Disposables = {
  site(place: Place, servesRegion?: boolean): Promise<{ id: number; body: Record<string, unknown> }>;
  assessment(place: Place): Promise<number>;
  part(place: Place, part: PartName): Promise<number>;
  questionnaire(place: Place): Promise<number>;
  link(place: Place): Promise<number>;
  norm(place: Place): Promise<number>;
  user(place: Place): Promise<number>;
  round(place: Place): Promise<number>;
  item(place: Place): Promise<number>;
};

export function siteBody(place: Place, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteKey: `SEC-${place.key}-${Math.random().toString(36).slice(2, 10)}`,
    year: 2025,
    name: `Дневен център ${place.sentinel}`,
    serviceType: place.spec.serviceType,
    provider: place.spec.provider,
    providerKind: 'public',
    settlementId: place.settlement.id,
    servesIds: [],
    capacity: 20,
    ...extra,
  };
}

export function assessmentBody(place: Place, territoryId = place.municipality.id, title = `Assessment ${place.sentinel}`): Record<string, unknown> {
  return { territoryId, title, periodFrom: '2026-01-01', periodTo: '2026-06-30', year: 2026, language: place.spec.language };
}

export function partBody(place: Place, part: PartName, n: string): Record<string, unknown> {
  switch (part) {
    case 'members':
      return { name: `Member ${place.sentinel} ${n}`, organisation: 'Municipality', role: 'Secretary' };
    case 'measures':
      return { activity: `Measure ${place.sentinel} ${n}`, responsible: 'Working group', dueDate: '2026-03-01', status: 'planned' };
    case 'methods':
      return { method: 'interview', description: `Interviews ${place.sentinel} ${n}` };
    case 'groups':
      return { key: `g_${n.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`, name: `Group ${place.sentinel} ${n}`, targetRespondents: 10 };
    case 'findings':
      return { method: 'interview', topic: `Topic ${place.sentinel}`, text: `Finding ${place.sentinel} ${n}`, serviceTypes: [place.spec.serviceType] };
  }
}

/** A planning round of the place's province (planning/routes.ts). */
export function roundBody(place: Place): Record<string, unknown> {
  return { territoryId: place.region.id, templateKey: ROUND_TEMPLATE[place.spec.country], periodStart: 2026, periodEnd: 2030, start: '2026-01-15', method: 'normative' };
}
const ROUND_TEMPLATE = { BG: 'bg.npsu', UA: 'ua.order_130' } as const;

/** An item of the place's municipality in a round. */
export function itemBody(place: Place, capacityChange = 10): Record<string, unknown> {
  return { municipalityId: place.municipality.id, action: 'open', serviceType: place.spec.serviceType, capacityChange, startYear: 2027, fundingSource: 'municipal', annualCost: 1000, explanation: `Item ${place.sentinel}` };
}

export function normBody(place: Place, ratePer1000 = 3): Record<string, unknown> {
  return { serviceType: place.spec.serviceType, territoryId: place.region.id, target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, ratePer1000, source: `Matrix ${place.regionSentinel}` };
}

/** The parts of a path "/1/12/130/" as territory ids, root first. */
const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** Build the world on a fresh demo database: fixtures made through the API, as the administrator. */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await t.as('admin');
  let counter = 0;
  const unique = (prefix = 'u') => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;
  const adminSend = async (out: Outgoing, expected: number | number[] = [200, 201, 202, 204]) => {
    const res = await send(t.url, admin, out);
    const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
    if (!ok) throw new Error(`setting up: ${out.method} ${out.path} answered ${res.status}: ${res.readable.slice(0, 500)}`);
    return res;
  };
  const territoryRow = async (where: ReturnType<typeof and>) => {
    const [row] = await t.database.db.select().from(territory).where(where);
    if (!row) throw new Error('setting up: a territory of the demo is missing');
    return row;
  };
  const byId = async (id: number) => territoryRow(eq(territory.id, id));

  const quietJobs = async () => {
    for (let i = 0; i < 600; i++) {
      const [busy] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from export_file where state in ('waiting', 'running')`);
      if (!busy || busy.n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('export jobs still running after 30 s');
  };

  const places = {} as Record<PlaceKey, Place>;
  for (const key of PLACE_KEYS) {
    const spec = PLACE_SPECS[key];
    const municipality = await territoryRow(and(eq(territory.country, spec.country), eq(territory.code, spec.municipality)));
    const settlement =
      'code' in spec.settlement
        ? await territoryRow(and(eq(territory.country, spec.country), eq(territory.code, spec.settlement.code)))
        : await territoryRow(and(eq(territory.country, spec.country), eq(territory.name, spec.settlement.name), eq(territory.level, 'settlement'), like(territory.path, `${municipality.path}%`)));
    const ancestors = await Promise.all(idsOf(municipality.path).map(byId));
    const region = ancestors.find((a) => a.level === 'region');
    const country = ancestors.find((a) => a.level === 'country');
    if (!region || !country) throw new Error(`setting up: no region or country above ${spec.municipality}`);
    const [stored] = await rows<{ geometry: unknown }>(t.database.db, sql`select geometry from territory_boundary where territory_id = ${municipality.id}`);
    const lon = settlement.lon ?? municipality.lon ?? 28.3;
    const lat = settlement.lat ?? municipality.lat ?? 49.5;
    const square = { type: 'Polygon', coordinates: [[[lon - 0.05, lat - 0.05], [lon + 0.05, lat - 0.05], [lon + 0.05, lat + 0.05], [lon - 0.05, lat + 0.05], [lon - 0.05, lat - 0.05]]] };
    const place = {
      key,
      spec,
      country,
      region,
      municipality,
      settlement,
      sentinel: `ZQ${key}SENTINEL`,
      regionSentinel: `ZQ${region.code}PROVINCESENTINEL`,
      boundary: stored?.geometry ?? square,
    } as Place;

    const site = siteBody(place);
    place.siteKey = String(site.siteKey);
    place.siteId = (await adminSend({ method: 'POST', path: '/api/v1/service-sites', json: site }, 201)).json.id;
    place.regionalSiteId = (
      await adminSend({ method: 'POST', path: '/api/v1/service-sites', json: siteBody(place, { name: `Център за рехабилитация ${place.regionSentinel}`, servesIds: [region.id] }) }, 201)
    ).json.id;
    place.assessmentId = (await adminSend({ method: 'POST', path: '/api/v1/assessments', json: assessmentBody(place) }, 201)).json.id;
    place.parts = {} as Record<PartName, number>;
    for (const part of PART_NAMES) {
      place.parts[part] = (await adminSend({ method: 'POST', path: `/api/v1/assessments/${place.assessmentId}/${part}`, json: partBody(place, part, unique()) }, 201)).json.id;
    }
    place.groupId = place.parts.groups;
    place.questionnaireId = (
      await adminSend({ method: 'POST', path: '/api/v1/questionnaires', json: { title: `Questionnaire ${place.sentinel}`, assessmentId: place.assessmentId, definition: QUESTIONS } }, 201)
    ).json.id;
    const link = (await adminSend({ method: 'POST', path: `/api/v1/questionnaires/${place.questionnaireId}/links`, json: { respondentGroupId: place.groupId } }, 201)).json;
    place.linkId = link.id;
    place.linkToken = link.token;
    const answers = { needs_help: 'yes', remarks: `Remark ${place.sentinel}`, age: 70 };
    const paper = await send(t.url, admin, {
      method: 'POST',
      path: `/api/v1/questionnaires/${place.questionnaireId}/responses`,
      json: { submissionKey: unique('matrix-'), respondentGroupId: place.groupId, answers },
    });
    if (paper.status !== 201) {
      // Paper entry is probed by the suites; the world needs one answer either way.
      console.warn(`setting up: paper entry answered ${paper.status}; the answer of ${key} is written directly`);
      await t.database.db.insert(response).values({ questionnaireId: place.questionnaireId, version: 1, respondentGroupId: place.groupId, answers, channel: 'paper', submissionKey: unique('matrix-') });
    }
    const written = await adminSend({ method: 'GET', path: `/api/v1/questionnaires/${place.questionnaireId}/free-text`, query: { question: 'remarks' } });
    place.responseId = written.json.answers[0].responseId;
    place.adminJobId = (await adminSend({ method: 'POST', path: `/api/v1/questionnaires/${place.questionnaireId}/exports`, json: { what: 'stats', format: 'csv' } }, 202)).json.id;
    await quietJobs();
    place.roundId = (await adminSend({ method: 'POST', path: '/api/v1/planning/rounds', json: roundBody(place) }, 201)).json.id;
    place.itemId = (await adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${place.roundId}/items`, json: itemBody(place) }, 201)).json.id;
    const stages = (await adminSend({ method: 'GET', path: `/api/v1/planning/rounds/${place.roundId}/stages` })).json.items as { id: number; ownerTerritoryId: number | null }[];
    const own = stages.find((s) => s.ownerTerritoryId === municipality.id);
    if (!own) throw new Error(`setting up: the round of ${key} has no stage of its municipality`);
    place.stageId = own.id;
    place.userId = (
      await adminSend({ method: 'POST', path: '/api/v1/users', json: { login: `${place.sentinel.toLowerCase()}-${unique()}@test.example`, name: `User ${place.sentinel}`, role: 'viewer', territoryId: municipality.id } }, 201)
    ).json.user.id;
    places[key] = place;
  }

  const disposable: Disposables = {
    site: async (place, servesRegion = false) => {
      const body = siteBody(place, servesRegion ? { name: `Център за рехабилитация ${place.regionSentinel}`, servesIds: [place.region.id] } : {});
      return { id: (await adminSend({ method: 'POST', path: '/api/v1/service-sites', json: body }, 201)).json.id, body };
    },
    assessment: async (place) => (await adminSend({ method: 'POST', path: '/api/v1/assessments', json: assessmentBody(place) }, 201)).json.id,
    part: async (place, part) => (await adminSend({ method: 'POST', path: `/api/v1/assessments/${place.assessmentId}/${part}`, json: partBody(place, part, unique()) }, 201)).json.id,
    questionnaire: async (place) =>
      (await adminSend({ method: 'POST', path: '/api/v1/questionnaires', json: { title: `Questionnaire ${place.sentinel}`, assessmentId: place.assessmentId, definition: QUESTIONS } }, 201)).json.id,
    link: async (place) => (await adminSend({ method: 'POST', path: `/api/v1/questionnaires/${place.questionnaireId}/links`, json: { respondentGroupId: place.groupId } }, 201)).json.id,
    norm: async (place) => (await adminSend({ method: 'PUT', path: '/api/v1/norms', json: normBody(place, 4) }, 200)).json.id,
    round: async (place) => (await adminSend({ method: 'POST', path: '/api/v1/planning/rounds', json: roundBody(place) }, 201)).json.id,
    item: async (place) => (await adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${place.roundId}/items`, json: itemBody(place) }, 201)).json.id,
    user: async (place) =>
      (await adminSend({ method: 'POST', path: '/api/v1/users', json: { login: `${place.sentinel.toLowerCase()}-${unique()}@test.example`, name: `User ${place.sentinel}`, role: 'viewer', territoryId: place.municipality.id } }, 201))
        .json.user.id,
  };

  const world: World = { t, admin, places, sentinels: [], unique, adminSend, disposable, quietJobs, collectSentinels: async () => undefined };
  world.collectSentinels = async () => {
    world.sentinels = await collectSentinels(t, Object.values(places));
  };
  await world.collectSentinels();
  return world;
}

/**
 * What belongs to one place only, read from the database: the fixtures' sentinels, and the
 * names of everything the demo (or a probe) put there — sites located and serving only there,
 * assessments, their working groups, questionnaires, public link tokens, accounts.
 */
async function collectSentinels(t: TestApp, places: Place[]): Promise<Sentinel[]> {
  const found: Sentinel[] = [];
  const add = (text: string | null, path: string, what: string) => {
    // Short or quoted texts could turn up by chance or be escaped differently in each format.
    if (text && text.length >= 10 && !/["&<>]/.test(text)) found.push({ text, path, what });
  };
  for (const place of places) {
    add(place.sentinel, place.municipality.path, `${place.key} fixture`);
    add(place.regionSentinel, place.region.path, `${place.region.code} province-wide fixture`);
    const within = `${place.municipality.path}%`;
    const sites = await rows<{ name: string; serves: string[] }>(
      t.database.db,
      sql`select s.name, coalesce((select array_agg(u.path) from territory u where u.id = any(s.serves_ids)), '{}') as serves
          from service_site s join territory t on t.id = s.settlement_id where t.path like ${within}`,
    );
    for (const s of sites) if (s.serves.every((p) => p.startsWith(place.municipality.path))) add(s.name, place.municipality.path, `${place.key} site`);
    const named = await rows<{ text: string; what: string }>(
      t.database.db,
      sql`select a.title as text, 'assessment' as what from assessment a join territory t on t.id = a.territory_id where t.path like ${within}
          union all select m.name, 'working group member' from working_group_member m join assessment a on a.id = m.assessment_id join territory t on t.id = a.territory_id where t.path like ${within}
          union all select q.title, 'questionnaire' from questionnaire q join territory t on t.id = q.territory_id where t.path like ${within}
          union all select l.token, 'public link token' from collection_link l join questionnaire q on q.id = l.questionnaire_id join territory t on t.id = q.territory_id where t.path like ${within}
          union all select u.login, 'account' from app_user u join territory t on t.id = u.territory_id where t.path like ${within}`,
    );
    for (const n of named) add(n.text, place.municipality.path, `${place.key} ${n.what}`);
  }
  // One text, one entry: the widest place it belongs to decides.
  const unique = new Map<string, Sentinel>();
  for (const s of found) if (!unique.has(s.text) || unique.get(s.text)!.path.length > s.path.length) unique.set(s.text, s);
  return [...unique.values()];
}

/** Does an account scoped to `scopePath` see things of `path` (one within the other)? */
export const overlaps = (scopePath: string | null, path: string) => scopePath === null || path.startsWith(scopePath) || scopePath.startsWith(path);

/**
 * The sentinels in this answer that the account must not see. What the caller sent itself (a
 * token in the path, echoed by an error's `instance`) tells it nothing new and is not a leak.
 */
export function leaksIn(readable: string, scopePath: string | null, sentinels: Sentinel[], sent = ''): Sentinel[] {
  if (scopePath === null) return [];
  return sentinels.filter((s) => !overlaps(scopePath, s.path) && readable.includes(s.text) && !sent.includes(s.text));
}
