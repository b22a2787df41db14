import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { may, mayChangeSite, mayEditCatalogue, mayEditServiceReview, reaches, mayChangeSitesIn, mayEditNorm, maySaveSite, type Actor, type Place as PolicyPlace, type SitePlaces, type TAction } from '@potreby/domain';
import { dayNumber, isoOfDay } from '@potreby/domain/planning/deadlines/iso-date';
import { REFERENCE_DIR } from '../config';
import { mayEditItem, mayProposeAnywhere, mayReadRound, mayRunRound, maySetStandards } from '../planning/access';
import { mayRunConsultation } from '../consultation/access';
import { mayWriteFiches } from '../fiches/access';
import { and, eq } from 'drizzle-orm';
import { consultationComment } from '../consultation/tables';
import { territory } from '../territories/tables';
import { send, type Answer, type Outgoing } from './http';
import type { Principal } from './principals';
import { assessmentBody, itemBody, normBody, PART_NAMES, partBody, QUESTIONS, roundBody, siteBody, type Place, type TerritoryRow, type World } from './world';

/**
 * What each route of the OpenAPI document should answer to whom, derived from the access policy
 * (packages/domain/src/accounts/policy.ts), and how to call it with real ids of a place inside or
 * outside the caller's reach. A route missing here fails the matrix: a new route is covered by
 * default, by its author adding a line.
 */
export type Outcome =
  /** Reachable without signing in: any answer but a server error. */
  | { kind: 'public' }
  | { kind: 'allow' }
  /** auth: 401 · grant: 403 (the role may not do this anywhere here) · reach: 403 or 404 (outside the caller's reach). */
  | { kind: 'deny'; why: 'auth' | 'grant' | 'reach' }
  /**
   * The policy refuses changing the guarded thing, but the request may mean something else that
   * is allowed (a site id names a site within its place: the same id elsewhere is a new site).
   * Any answer but a server error, as long as the guarded thing stays as it was.
   */
  | { kind: 'untouched' };

export type Probe = Outgoing & {
  /** What the probe is about, for failure reports: "VEL site", "move SML → VEL" … */
  label: string;
  expect: Outcome;
  /**
   * A body field that refers to a thing by id: refusing an unreachable one as "unknown" (a field
   * error such as `unknown_assessment`) tells no more than a 404, and counts as refusing it.
   */
  bodyReference?: string;
  /** An import: a file refused row by row as `outside_scope` (422) counts as refusing it. */
  rowByRow?: boolean;
  /** Paths (of places) whose texts this answer may show to anyone: a public link shows its questionnaire. */
  exempt?: string[];
  /** Send as this principal instead (a fresh account, for routes that end or spoil the session). */
  as?: Principal;
  /** The state of a thing the probe must not change unless allowed to (read as the administrator). */
  guard?: () => Promise<string>;
  /** Run after an allowed answer, before the next probe (e.g. wait for the job it started). */
  after?: (answer: Answer) => Promise<void>;
};

export type ProbeContext = {
  world: World;
  principal: Principal;
  /** The principal's own place (see PrincipalSpec.home). */
  home: Place;
  /** The principal's number in the table, to rotate through enum values across principals. */
  index: number;
  judge: Judge;
  /** A thing made for this probe alone (a write may change or delete it); for nobody, the fixture does. */
  fresh<T>(make: () => Promise<T>, fixture: T): Promise<T>;
};

export type RouteExpectation = {
  /** once: without a place · each place: once per place of the world · both. */
  scope: 'once' | 'each place' | 'both';
  probes(c: ProbeContext, place: Place | null): Promise<Probe[]>;
};

const PUBLIC: Outcome = { kind: 'public' };
const ALLOW: Outcome = { kind: 'allow' };
const deny = (why: 'auth' | 'grant' | 'reach'): Outcome => ({ kind: 'deny', why });

export type Judge = ReturnType<typeof judgeFor>;

/** The outcomes the policy gives this actor. Refusals are "reach" when a place involved is out of the actor's reach, "grant" otherwise. */
export function judgeFor(actor: Actor | null) {
  const readable = (p: PolicyPlace) => !!actor && may(actor, 'read', p);
  const outcome = (allowed: boolean, places: PolicyPlace[]): Outcome => {
    if (!actor) return deny('auth');
    if (allowed) return ALLOW;
    return places.every(readable) ? deny('grant') : deny('reach');
  };
  return {
    public: () => PUBLIC,
    /** Any signed-in account, about itself. */
    self: () => outcome(true, []),
    may: (action: TAction, place: PolicyPlace | null, extra: { provider?: string } = {}) => outcome(!!actor && may(actor, action, place, extra), place ? [place] : []),
    /** Every one of these must be allowed. */
    all: (checks: [TAction, PolicyPlace, { provider?: string }?][]) =>
      outcome(
        !!actor && checks.every(([action, place, extra]) => may(actor, action, place, extra ?? {})),
        checks.map(([, place]) => place),
      ),
    outcome,
    actor,
  };
}

/** A site as the policy sees it (accounts/policy.ts SitePlaces). */
const sitePlaces = (settlement: TerritoryRow, serves: TerritoryRow[], provider: string): SitePlaces => ({ settlement, serves, provider });

/** Save a site (create: before null), by maySaveSite; refusals name the places involved. */
function saveSite(c: ProbeContext, before: SitePlaces | null, after: SitePlaces): Outcome {
  const places = [...(before ? [before.settlement, ...before.serves] : []), after.settlement, ...after.serves];
  return c.judge.outcome(!!c.judge.actor && maySaveSite(c.judge.actor, before, after), places);
}

/** A row of a services import: the grant to import there, and the form's rule (maySaveSite). */
function importSite(c: ProbeContext, before: SitePlaces | null, after: SitePlaces): Outcome {
  const a = c.judge.actor;
  const places = [...(before ? [before.settlement] : []), after.settlement];
  const allowed = !!a && places.every((pl) => may(a, 'import_services', pl)) && maySaveSite(a, before, after);
  return c.judge.outcome(allowed, places);
}

/** Change or remove an existing site, by mayChangeSite. */
const changeSite = (c: ProbeContext, site: SitePlaces): Outcome => c.judge.outcome(!!c.judge.actor && mayChangeSite(c.judge.actor, site), [site.settlement, ...site.serves]);
/** The service catalogue: national administrators only (catalogue/edit-service-type.ts mayEditCatalogue). */
const editCatalogue = (c: ProbeContext): Outcome => c.judge.outcome(!!c.judge.actor && mayEditCatalogue(c.judge.actor), []);
const CATALOGUE_PROBE = 'bg.matrix_probe';
/** A Saturday no probe has used yet (from 3 January 2150, one week apart), so each amendment is new. */
let saturdays = 0;
const workingSaturday = () => isoOfDay(dayNumber('2150-01-03') + 7 * saturdays++);
const catalogueType = (key: string) => ({ key, country: 'BG', officialCode: null, names: { bg: 'Проба', en: 'Probe' }, category: 'other', residential: false, unit: 'places', targetGroups: ['all'] });
/** A type of the matrix's own, so retiring it spoils no other probe (a second POST is a harmless 409). */
const probeType = async (c: ProbeContext) => {
  await c.world.adminSend({ method: 'POST', path: '/api/v1/service-types', json: catalogueType(CATALOGUE_PROBE) }, [200, 409]);
  return CATALOGUE_PROBE;
};

const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length]!;
const XLSFORM = () => readFileSync(join(REFERENCE_DIR, 'xlsform', 'text_and_integer.xlsx'));

const upload = (fileName: string, content: string | Uint8Array, fields: Record<string, string | number>) => () => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
  return form;
};

const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Places of a probe: a named fixture of a place. */
const at = (place: Place | null): Place => {
  if (!place) throw new Error('this route is probed per place');
  return place;
};

/** Read a thing of the place: the place's municipality decides. */
const readAt =
  (path: (p: Place) => string, query?: (p: Place, c: ProbeContext) => Record<string, string>): RouteExpectation['probes'] =>
  async (c, place) => {
    const p = at(place);
    return [{ label: p.key, method: 'GET', path: path(p), query: query?.(p, c), expect: c.judge.may('read', p.municipality) }];
  };

/** Change the assessment of the place (its parts, questionnaires): edit_assessment there. */
const editAssessment = (c: ProbeContext, p: Place) => c.judge.may('edit_assessment', p.municipality);

const partRoutes = Object.fromEntries(
  PART_NAMES.flatMap((part) => [
    [
      `POST /api/v1/assessments/{id}/${part}`,
      {
        scope: 'each place',
        probes: async (c, place) => {
          const p = at(place);
          return [{ label: p.key, method: 'POST', path: `/api/v1/assessments/${p.assessmentId}/${part}`, json: partBody(p, part, c.world.unique()), expect: editAssessment(c, p) }];
        },
      },
    ],
    [
      `PUT /api/v1/assessments/{id}/${part}/{partId}`,
      {
        scope: 'each place',
        probes: async (c, place) => {
          const p = at(place);
          const id = await c.fresh(() => c.world.disposable.part(p, part), p.parts[part]);
          return [{ label: p.key, method: 'PUT', path: `/api/v1/assessments/${p.assessmentId}/${part}/${id}`, json: partBody(p, part, c.world.unique()), expect: editAssessment(c, p) }];
        },
      },
    ],
    [
      `DELETE /api/v1/assessments/{id}/${part}/{partId}`,
      {
        scope: 'each place',
        probes: async (c, place) => {
          const p = at(place);
          const id = await c.fresh(() => c.world.disposable.part(p, part), p.parts[part]);
          return [{ label: p.key, method: 'DELETE', path: `/api/v1/assessments/${p.assessmentId}/${part}/${id}`, expect: editAssessment(c, p) }];
        },
      },
    ],
  ]),
) as Record<string, RouteExpectation>;

/** The planning round (planning/access.ts): read where one's reach meets the province; the region runs it; municipalities propose. */
const roundRule = (c: ProbeContext, p: Place, rule: 'read' | 'run') => {
  const a = c.judge.actor;
  const allowed = !!a && (rule === 'read' ? mayReadRound(a, p.region) : mayRunRound(a, p.region));
  return c.judge.outcome(allowed, [p.region]);
};
/** An item of the place's municipality: seen by the round's readers whose reach holds the municipality; changed by its proposers. */
const itemRule = (c: ProbeContext, p: Place, rule: 'read' | 'edit') => {
  const a = c.judge.actor;
  const seen = !!a && mayReadRound(a, p.region) && reaches(a, p.municipality);
  return c.judge.outcome(rule === 'read' ? seen : seen && mayEditItem(a!, p.municipality), [p.municipality]);
};
const roundRead =
  (suffix: string): RouteExpectation['probes'] =>
  async (c, place) => {
    const p = at(place);
    return [{ label: `${p.key} round`, method: 'GET', path: `/api/v1/planning/rounds/${p.roundId}${suffix}`, expect: roundRule(c, p, 'read') }];
  };
/** A scenario of the place's round (planning/scenarios): one per round, made once by the administrator; `fresh` ones for writes. */
const scenarioIds = new Map<number, Promise<number>>();
const makeScenario = async (c: ProbeContext, p: Place) => (await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/scenarios`, json: { name: `S ${c.world.unique()}` } }, 201)).json.id as number;
const scenarioOf = (c: ProbeContext, p: Place): Promise<number> => {
  let id = scenarioIds.get(p.roundId);
  if (!id) scenarioIds.set(p.roundId, (id = makeScenario(c, p)));
  return id;
};
const scenarioRoutes: Record<string, RouteExpectation> = {
  'GET /api/v1/planning/rounds/{id}/scenarios': { scope: 'each place', probes: roundRead('/scenarios') },
  'POST /api/v1/planning/rounds/{id}/scenarios': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} scenario`, method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/scenarios`, json: { name: `S ${c.index}` }, expect: roundRule(c, p, 'run') }];
    },
  },
  'GET /api/v1/planning/rounds/{id}/scenarios/compare': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await scenarioOf(c, p);
      return [{ label: `${p.key} scenarios`, method: 'GET', path: `/api/v1/planning/rounds/${p.roundId}/scenarios/compare`, query: { a: 'round', b: String(id) }, expect: roundRule(c, p, 'read') }];
    },
  },
  'GET /api/v1/planning/scenarios/{id}': {
    scope: 'each place',
    probes: async (c, place) => [{ label: `${at(place).key} scenario`, method: 'GET', path: `/api/v1/planning/scenarios/${await scenarioOf(c, at(place))}`, expect: roundRule(c, at(place), 'read') }],
  },
  'GET /api/v1/planning/scenarios/{id}/evaluation': {
    scope: 'each place',
    probes: async (c, place) => [{ label: `${at(place).key} scenario`, method: 'GET', path: `/api/v1/planning/scenarios/${await scenarioOf(c, at(place))}/evaluation`, expect: roundRule(c, at(place), 'read') }],
  },
  'PUT /api/v1/planning/scenarios/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => makeScenario(c, p), await scenarioOf(c, p));
      return [{ label: `${p.key} scenario`, method: 'PUT', path: `/api/v1/planning/scenarios/${id}`, json: { name: `T ${c.index}`, items: [{ itemId: p.itemId, capacityChange: 2 }], population: [] }, expect: roundRule(c, p, 'run') }];
    },
  },
  'DELETE /api/v1/planning/scenarios/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => makeScenario(c, p), await scenarioOf(c, p));
      return [{ label: `${p.key} scenario`, method: 'DELETE', path: `/api/v1/planning/scenarios/${id}`, expect: roundRule(c, p, 'run') }];
    },
  },
  // The peers of a municipality of the round: read by the round's readers whose reach holds it, as its items.
  'GET /api/v1/planning/rounds/{id}/peers': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} peers`, method: 'GET', path: `/api/v1/planning/rounds/${p.roundId}/peers`, query: { municipalityId: String(p.municipality.id) }, expect: itemRule(c, p, 'read') }];
    },
  },
};
const planningRoutes: Record<string, RouteExpectation> = {
  // Calendar feeds (issue 8, item 3): any signed-in person makes their own secret address; the
  // feeds are public, the secret in the address is the key (calendar.int.test.ts checks the 404s).
  'POST /api/v1/calendar/token': { scope: 'once', probes: async (c) => [{ label: 'own calendar address', method: 'POST', path: '/api/v1/calendar/token', expect: c.judge.self() }] },
  'GET /api/v1/calendar/{feed}': { scope: 'once', probes: async () => [{ label: 'a feed of an unknown token', method: 'GET', path: `/api/v1/calendar/${'A'.repeat(43)}.ics`, expect: PUBLIC }] },
  'GET /api/v1/calendar/{token}/round/{feed}': { scope: 'once', probes: async () => [{ label: "a round's feed of an unknown token", method: 'GET', path: `/api/v1/calendar/${'A'.repeat(43)}/round/1.ics`, expect: PUBLIC }] },
  'POST /api/v1/planning/rounds': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `a round of ${p.key}'s province`, method: 'POST', path: '/api/v1/planning/rounds', json: roundBody(p), expect: roundRule(c, p, 'run') }];
    },
  },
  'GET /api/v1/planning/templates': { scope: 'once', probes: async (c) => [{ label: 'templates', method: 'GET', path: '/api/v1/planning/templates', expect: c.judge.self() }] },
  // Templates and the working-day calendar (planning/templates, planning/working-days): every signed-in user reads a template, national administrators change them.
  'GET /api/v1/planning/templates/{key}': { scope: 'once', probes: async (c) => [{ label: 'a template', method: 'GET', path: '/api/v1/planning/templates/pl.social_services', expect: c.judge.self() }] },
  'PUT /api/v1/planning/templates/{key}': {
    scope: 'once',
    probes: async (c) => {
      const { stages } = (await c.world.adminSend({ method: 'GET', path: '/api/v1/planning/templates/pl.social_services' }, 200)).json as { stages: unknown[] };
      return [{ label: 'a template as it is', method: 'PUT', path: '/api/v1/planning/templates/pl.social_services', json: { stages }, expect: editCatalogue(c) }];
    },
  },
  'GET /api/v1/planning/working-days': { scope: 'once', probes: async (c) => [{ label: 'BG 2027', method: 'GET', path: '/api/v1/planning/working-days', query: { country: 'BG', year: '2027' }, expect: editCatalogue(c) }] },
  'POST /api/v1/planning/working-days': {
    scope: 'once',
    probes: async (c) => [{ label: 'a working Saturday', method: 'POST', path: '/api/v1/planning/working-days', json: { country: 'BG', date: workingSaturday(), working: true, note: 'матрица' }, expect: editCatalogue(c) }],
  },
  'DELETE /api/v1/planning/working-days/{id}': {
    scope: 'once',
    probes: async (c) => {
      const add = async () => (await c.world.adminSend({ method: 'POST', path: '/api/v1/planning/working-days', json: { country: 'BG', date: workingSaturday(), working: true, note: 'матрица' } }, 201)).json.id as number;
      const id = await c.fresh(add, 2_000_000_000);
      return [{ label: 'an amendment', method: 'DELETE', path: `/api/v1/planning/working-days/${id}`, expect: editCatalogue(c) }];
    },
  },
  'GET /api/v1/planning/rounds': {
    scope: 'both',
    // A list: filtered to the reader, so always answered; the leak check does the work.
    probes: async (c, place) =>
      place
        ? [{ label: `rounds of ${place.key}`, method: 'GET', path: '/api/v1/planning/rounds', query: { territoryId: String(place.municipality.id) }, expect: c.judge.may('read', place.municipality) }]
        : [{ label: 'all rounds in reach', method: 'GET', path: '/api/v1/planning/rounds', expect: c.judge.self() }],
  },
  'GET /api/v1/planning/rounds/{id}': { scope: 'each place', probes: roundRead('') },
  'GET /api/v1/planning/rounds/{id}/stages': { scope: 'each place', probes: roundRead('/stages') },
  'GET /api/v1/planning/rounds/{id}/envelopes': { scope: 'each place', probes: roundRead('/envelopes') },
  'GET /api/v1/planning/rounds/{id}/checks': { scope: 'each place', probes: roundRead('/checks') },
  'GET /api/v1/planning/rounds/{id}/budget': { scope: 'each place', probes: roundRead('/budget') },
  'GET /api/v1/planning/rounds/{id}/municipalities': { scope: 'each place', probes: roundRead('/municipalities') },
  'GET /api/v1/planning/rounds/{id}/items': { scope: 'each place', probes: roundRead('/items') },
  ...Object.fromEntries(
    (['close', 'reopen'] as const).map((verb) => [
      `POST /api/v1/planning/rounds/{id}/${verb}`,
      {
        scope: 'each place',
        probes: async (c: ProbeContext, place: Place | null) => {
          const p = at(place);
          const id = await c.fresh(() => c.world.disposable.round(p), p.roundId);
          return [{ label: `${p.key} round`, method: 'POST', path: `/api/v1/planning/rounds/${id}/${verb}`, expect: roundRule(c, p, 'run') }];
        },
      } satisfies RouteExpectation,
    ]),
  ),
  'PUT /api/v1/planning/rounds/{id}/envelopes': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const json = { items: [{ municipalityId: p.municipality.id, fundingSource: null, annualLimit: 1000 + c.index }] };
      return [{ label: `${p.key} round`, method: 'PUT', path: `/api/v1/planning/rounds/${p.roundId}/envelopes`, json, expect: roundRule(c, p, 'run') }];
    },
  },
  'POST /api/v1/planning/rounds/{id}/items': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} item`, method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/items`, json: itemBody(p), expect: itemRule(c, p, 'edit') }];
    },
  },
  'PUT /api/v1/planning/stages/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      // A municipality's stage: its proposers mark it done, as they change its items.
      return [{ label: `${p.key} stage`, method: 'PUT', path: `/api/v1/planning/stages/${p.stageId}`, json: { doneDate: '2026-02-10' }, expect: itemRule(c, p, 'edit') }];
    },
  },
  'GET /api/v1/planning/items/{id}': {
    scope: 'each place',
    probes: async (c, place) => [{ label: `${at(place).key} item`, method: 'GET', path: `/api/v1/planning/items/${at(place).itemId}`, expect: itemRule(c, at(place), 'read') }],
  },
  'PUT /api/v1/planning/items/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} item`, method: 'PUT', path: `/api/v1/planning/items/${p.itemId}`, json: itemBody(p, 10), expect: itemRule(c, p, 'edit') }];
    },
  },
  'DELETE /api/v1/planning/items/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.item(p), p.itemId);
      return [{ label: `${p.key} item`, method: 'DELETE', path: `/api/v1/planning/items/${id}`, expect: itemRule(c, p, 'edit') }];
    },
  },
  'POST /api/v1/planning/rounds/{id}/imports/proposals': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const a = c.judge.actor;
      const content = `municipality_code,action,service_type,capacity_change,start_year,funding_source\n${p.municipality.code},open,${p.spec.serviceType},3,2027,municipal\n`;
      // Roles that propose nothing anywhere are refused before the file is read; the others row by row.
      const expect = a && !mayProposeAnywhere(a) && mayReadRound(a, p.region) ? c.judge.outcome(false, [p.region]) : itemRule(c, p, 'edit');
      return [{ label: `${p.key} items`, method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/imports/proposals`, form: upload('proposals.csv', content, {}), rowByRow: true, expect }];
    },
  },
  ...Object.fromEntries(
    (['unit-costs', 'ceilings'] as const).map((kind) => [
      `POST /api/v1/planning/imports/${kind}`,
      {
        scope: 'each place',
        probes: async (c: ProbeContext, place: Place | null) => {
          const p = at(place);
          const content = kind === 'unit-costs' ? `service_type,cost\n${p.spec.serviceType},${1000 + c.index}\n` : `municipality_code,service_type,max_users\n${p.municipality.code},${p.spec.serviceType},${10 + c.index}\n`;
          const allowed = !!c.judge.actor && maySetStandards(c.judge.actor, p.country);
          return [{ label: `${p.key} ${kind}`, method: 'POST', path: `/api/v1/planning/imports/${kind}`, form: upload(`${kind}.csv`, content, { country: p.country.code, year: 2027 }), expect: c.judge.outcome(allowed, [p.country]) }];
        },
      } satisfies RouteExpectation,
    ]),
  ),
};

/** The round's newest agreement version, generated as the administrator (the same plan gives the same version). */
const newestAgreement = async (c: ProbeContext, p: Place): Promise<number> =>
  (await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/agreement`, json: {} }, [200, 201])).json.id;
/** A version of the round's agreement to read: generated once per round of a running app (generating evaluates the whole plan). */
const readableAgreements = new Map<string, Promise<number>>();
const agreementOf = (c: ProbeContext, p: Place): Promise<number> => {
  const key = `${c.world.t.url}|${p.roundId}`;
  if (!readableAgreements.has(key)) readableAgreements.set(key, newestAgreement(c, p));
  return readableAgreements.get(key)!;
};
/** A municipality's position on the agreement: recorded by its own officers (or an administrator) among the round's readers. */
const positionRule = (c: ProbeContext, p: Place) => {
  const a = c.judge.actor;
  const allowed = !!a && mayReadRound(a, p.region) && reaches(a, p.municipality) && (a.role === 'municipal_officer' || a.role === 'admin');
  return c.judge.outcome(allowed, [p.municipality]);
};
/** The mayors' agreement (planning/agreement): read by the round's readers; generated by those who run it. */
const agreementRoutes: Record<string, RouteExpectation> = {
  'GET /api/v1/planning/rounds/{id}/agreement': { scope: 'each place', probes: roundRead('/agreement') },
  'POST /api/v1/planning/rounds/{id}/agreement': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} agreement`, method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/agreement`, json: {}, expect: roundRule(c, p, 'run') }];
    },
  },
  'GET /api/v1/planning/rounds/{id}/agreement/compare': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = String(await agreementOf(c, p));
      return [{ label: `${p.key} agreement`, method: 'GET', path: `/api/v1/planning/rounds/${p.roundId}/agreement/compare`, query: { a: id, b: id }, expect: roundRule(c, p, 'read') }];
    },
  },
  'GET /api/v1/planning/agreements/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} agreement`, method: 'GET', path: `/api/v1/planning/agreements/${await agreementOf(c, p)}`, expect: roundRule(c, p, 'read') }];
    },
  },
  'GET /api/v1/planning/agreements/{id}/document/{format}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const format = c.index % 2 === 0 ? 'docx' : 'pdf';
      return [{ label: `${p.key} agreement ${format}`, method: 'GET', path: `/api/v1/planning/agreements/${await agreementOf(c, p)}/document/${format}`, expect: roundRule(c, p, 'read') }];
    },
  },
  'PUT /api/v1/planning/agreements/{id}/position': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const json = { municipalityId: p.municipality.id, position: 'agrees' };
      return [{ label: `${p.key} position`, method: 'PUT', path: `/api/v1/planning/agreements/${await newestAgreement(c, p)}/position`, json, expect: positionRule(c, p) }];
    },
  },
};

/**
 * Tasks and working meetings of a round (planning/meetings): read by the round's readers, recorded
 * by those who run it; a municipality's task is marked done by its proposers. The fixtures (a
 * meeting with a decision and an attachment, a task of the place's municipality) are made once
 * per place, as the administrator.
 */
type MeetingFixture = { meetingId: number; decisionId: number; attachmentId: number; taskId: number };
const meetingFixtures = new WeakMap<Place, Promise<MeetingFixture>>();
const PDF = '%PDF-1.4\n%%EOF\n';
const meetingBody = (p: Place) => ({ date: '2026-03-10', time: '10:00', place: `Зала ${p.key}`, chair: 'Председател', agenda: '', minutes: `Протокол ${p.key}`, participants: [{ personName: 'Участник', organisation: '', role: '', present: true }] });
const decisionBody = (p: Place) => ({ text: `Решение ${p.key}`, ownerTerritoryId: p.municipality.id, dueDate: '2026-03-20' });
const taskBody = (p: Place) => ({ title: `Задача ${p.key}`, dueDate: '2026-03-20', ownerTerritoryId: p.municipality.id, stageId: null });
const attachAsAdmin = async (c: ProbeContext, meetingId: number) => {
  const res = await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/meetings/${meetingId}/attachments`, form: upload('minutes.pdf', PDF, {}) }, 201);
  return res.json.id as number;
};
const meetingFixture = (c: ProbeContext, p: Place): Promise<MeetingFixture> => {
  let made = meetingFixtures.get(p);
  if (!made) {
    made = (async () => {
      const meetingId = (await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/meetings`, json: meetingBody(p) }, 201)).json.id as number;
      const decisions = (await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/meetings/${meetingId}/decisions`, json: decisionBody(p) }, 201)).json.decisions as { id: number }[];
      const taskId = (await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/tasks`, json: taskBody(p) }, 201)).json.id as number;
      return { meetingId, decisionId: decisions[0]!.id, attachmentId: await attachAsAdmin(c, meetingId), taskId };
    })();
    meetingFixtures.set(p, made);
  }
  return made;
};
const meetingProbe =
  (method: Outgoing['method'], path: (f: MeetingFixture, p: Place) => string, rule: 'read' | 'run', body?: (p: Place) => unknown): RouteExpectation['probes'] =>
  async (c, place) => {
    const p = at(place);
    const f = await meetingFixture(c, p);
    return [{ label: `${p.key} round`, method, path: path(f, p), json: body?.(p), expect: roundRule(c, p, rule) }];
  };
/**
 * A public consultation of the place's municipality's planning proposal (consultation/), with one
 * comment written straight into the table (a public comment needs a challenge seconds old; the
 * comment route is probed as the public one it is). Run by its municipality's officers, the
 * region's officers and administrators; read in public while open.
 */
type ConsultationFixture = { consultationId: number; commentId: number };
const consultationFixtures = new WeakMap<Place, Promise<ConsultationFixture>>();
const consultationBody = (p: Place) => {
  const today = new Date().toISOString().slice(0, 10);
  return { kind: 'planning_proposal', municipalityId: p.municipality.id, title: `Консултация ${p.sentinel}`, intro: '', sections: [{ heading: `Раздел ${p.sentinel}`, body: '' }], opensOn: today, closesOn: isoOfDay(dayNumber(today) + 29) };
};
const consultationFixture = (c: ProbeContext, p: Place): Promise<ConsultationFixture> => {
  let made = consultationFixtures.get(p);
  if (!made) {
    made = (async () => {
      const consultationId = (await c.world.adminSend({ method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/consultations`, json: consultationBody(p) }, 201)).json.id as number;
      const [row] = await c.world.t.database.db.insert(consultationComment).values({ consultationId, target: { kind: 'whole' }, body: `Коментар ${p.sentinel}`, name: `Жител ${p.sentinel}`, consent: false }).returning({ id: consultationComment.id });
      return { consultationId, commentId: row!.id };
    })();
    consultationFixtures.set(p, made);
  }
  return made;
};
const runConsultation = (c: ProbeContext, p: Place) => c.judge.outcome(!!c.judge.actor && mayRunConsultation(c.judge.actor, p.municipality), [p.municipality]);
const consultationProbe =
  (method: Outgoing['method'], path: (f: ConsultationFixture, p: Place) => string, body?: (p: Place) => unknown): RouteExpectation['probes'] =>
  async (c, place) => {
    const p = at(place);
    const f = await consultationFixture(c, p);
    return [{ label: `${p.key} consultation`, method, path: path(f, p), json: body?.(p), expect: runConsultation(c, p) }];
  };
const consultationRoutes: Record<string, RouteExpectation> = {
  'GET /api/v1/planning/rounds/{id}/consultations': { scope: 'each place', probes: roundRead('/consultations') },
  'POST /api/v1/planning/rounds/{id}/consultations': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} proposal`, method: 'POST', path: `/api/v1/planning/rounds/${p.roundId}/consultations`, json: consultationBody(p), expect: c.judge.outcome(!!c.judge.actor && mayReadRound(c.judge.actor, p.region) && mayRunConsultation(c.judge.actor, p.municipality), [p.municipality]) }];
    },
  },
  'GET /api/v1/consultations/{id}': { scope: 'each place', probes: consultationProbe('GET', (f) => `/api/v1/consultations/${f.consultationId}`) },
  'PUT /api/v1/consultations/{id}': { scope: 'each place', probes: consultationProbe('PUT', (f) => `/api/v1/consultations/${f.consultationId}`, consultationBody) },
  'GET /api/v1/consultations/{id}/comments': { scope: 'each place', probes: consultationProbe('GET', (f) => `/api/v1/consultations/${f.consultationId}/comments`) },
  'GET /api/v1/consultations/{id}/report/{format}': { scope: 'each place', probes: consultationProbe('GET', (f) => `/api/v1/consultations/${f.consultationId}/report/pdf`) },
  'PUT /api/v1/consultation-comments/{id}/moderation': { scope: 'each place', probes: consultationProbe('PUT', (f) => `/api/v1/consultation-comments/${f.commentId}/moderation`, () => ({ status: 'hidden', reason: 'Проверка' })) },
  'PUT /api/v1/consultation-comments/{id}/answer': { scope: 'each place', probes: consultationProbe('PUT', (f) => `/api/v1/consultation-comments/${f.commentId}/answer`, () => ({ verdict: 'rejected', reason: 'Проверка' })) },
  'DELETE /api/v1/consultation-comments/{id}/commenter': { scope: 'each place', probes: consultationProbe('DELETE', (f) => `/api/v1/consultation-comments/${f.commentId}/commenter`) },
  'GET /api/v1/public/consultations/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await consultationFixture(c, p);
      // The proposal puts to residents the services it rests on: the sites standing in the municipality, those serving the whole province among them.
      return [{ label: `${p.key} consultation`, method: 'GET', path: `/api/v1/public/consultations/${f.consultationId}`, expect: c.judge.public(), exempt: [p.municipality.path, p.region.path] }];
    },
  },
  'GET /api/v1/public/territories/{country}/{code}/consultations': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      await consultationFixture(c, p);
      return [{ label: `${p.key} municipality`, method: 'GET', path: `/api/v1/public/territories/${p.municipality.country}/${p.municipality.code}/consultations`, expect: c.judge.public(), exempt: [p.municipality.path] }];
    },
  },
  'GET /api/v1/public/territories/{country}/{code}/open-data/consultation-comments': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      await consultationFixture(c, p);
      return [{ label: `${p.key} municipality`, method: 'GET', path: `/api/v1/public/territories/${p.municipality.country}/${p.municipality.code}/open-data/consultation-comments`, query: { format: 'csv' }, expect: c.judge.public(), exempt: [p.municipality.path] }];
    },
  },
  'POST /api/v1/public/consultations/{id}/comments': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await consultationFixture(c, p);
      // An unsolved challenge: refused whoever sends it, and nothing stored.
      return [{ label: `${p.key} consultation`, method: 'POST', path: `/api/v1/public/consultations/${f.consultationId}/comments`, json: { challenge: '1.a.b', nonce: 'x', target: { kind: 'whole' }, body: 'Проверка' }, expect: c.judge.public() }];
    },
  },
};

/** The demonstration's Polish gmina (Niemce), as the policy sees it. */
const polishGmina = async (c: ProbeContext) => {
  const [row] = await c.world.t.database.db.select().from(territory).where(and(eq(territory.country, 'PL'), eq(territory.code, '0609112')));
  if (!row) throw new Error('the matrix world has no gmina Niemce (seed)');
  return row;
};

/**
 * A working meeting and a project fiche of the place's municipality (fiches/), made once by the
 * administrator; read by whoever reaches the municipality, written by its writers.
 */
type FicheFixture = { workshopId: number; ficheId: number; entryId: number };
const ficheFixtures = new WeakMap<Place, Promise<FicheFixture>>();
const workshopBody = (p: Place) => ({ date: '2026-03-10', place: `Зала ${p.key}`, topic: `Среща ${p.sentinel}`, participants: [{ name: 'Участник', organisation: '', role: '' }], entries: [{ kind: 'problem', text: `Проблем ${p.sentinel}` }] });
/** A fiche addressing the fixture's problem (service types differ by country; a problem is anyone's). */
const ficheBody = (p: Place, entryId: number) => ({ title: `Фиша ${p.sentinel}`, problemIds: [entryId], startMonth: '2027-01', months: 12, budget: [{ year: 2027, source: 'municipal', amount: 1000 }] });
const ficheFixture = (c: ProbeContext, p: Place): Promise<FicheFixture> => {
  let made = ficheFixtures.get(p);
  if (!made) {
    made = (async () => {
      const base = `/api/v1/municipalities/${p.municipality.id}`;
      const workshopId = (await c.world.adminSend({ method: 'POST', path: `${base}/workshops`, json: workshopBody(p) }, 201)).json.id as number;
      const entries = (await c.world.adminSend({ method: 'GET', path: `${base}/workshops` })).json.items.find((w: { id: number }) => w.id === workshopId).entries as { id: number }[];
      const entryId = entries[0]!.id;
      const ficheId = (await c.world.adminSend({ method: 'POST', path: `${base}/fiches`, json: ficheBody(p, entryId) }, 201)).json.id as number;
      return { workshopId, ficheId, entryId };
    })();
    ficheFixtures.set(p, made);
  }
  return made;
};
const ficheProbe =
  (method: Outgoing['method'], path: (f: FicheFixture, p: Place) => string, rule: 'read' | 'write', body?: (p: Place, f: FicheFixture) => unknown): RouteExpectation['probes'] =>
  async (c, place) => {
    const p = at(place);
    const f = await ficheFixture(c, p);
    const a = c.judge.actor;
    const allowed = !!a && (rule === 'read' ? may(a, 'read', p.municipality) : mayWriteFiches(a, p.municipality));
    return [{ label: `${p.key} fiches`, method, path: path(f, p), json: body?.(p, f), expect: c.judge.outcome(allowed, [p.municipality]) }];
  };
const ficheBase = (p: Place) => `/api/v1/municipalities/${p.municipality.id}`;
const ficheRoutes: Record<string, RouteExpectation> = {
  'GET /api/v1/municipalities/{municipalityId}/workshops': { scope: 'each place', probes: ficheProbe('GET', (_, p) => `${ficheBase(p)}/workshops`, 'read') },
  'POST /api/v1/municipalities/{municipalityId}/workshops': { scope: 'each place', probes: ficheProbe('POST', (_, p) => `${ficheBase(p)}/workshops`, 'write', workshopBody) },
  'PUT /api/v1/municipalities/{municipalityId}/workshops/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await ficheFixture(c, p);
      // Keeps the entry the fixture's fiche addresses (an entry left out would be refused as in use).
      const entries = (await c.world.adminSend({ method: 'GET', path: `${ficheBase(p)}/workshops` })).json.items.find((w: { id: number }) => w.id === f.workshopId).entries as { id: number; kind: string; text: string }[];
      const a = c.judge.actor;
      return [{ label: `${p.key} fiches`, method: 'PUT', path: `${ficheBase(p)}/workshops/${f.workshopId}`, json: { ...workshopBody(p), entries }, expect: c.judge.outcome(!!a && mayWriteFiches(a, p.municipality), [p.municipality]) }];
    },
  },
  'DELETE /api/v1/municipalities/{municipalityId}/workshops/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      // A meeting of its own, no fiche refers to: the one deleted when allowed.
      const id = await c.fresh(async () => (await c.world.adminSend({ method: 'POST', path: `${ficheBase(p)}/workshops`, json: workshopBody(p) }, 201)).json.id as number, (await ficheFixture(c, p)).workshopId);
      const a = c.judge.actor;
      return [{ label: `${p.key} fiches`, method: 'DELETE', path: `${ficheBase(p)}/workshops/${id}`, expect: c.judge.outcome(!!a && mayWriteFiches(a, p.municipality), [p.municipality]) }];
    },
  },
  'GET /api/v1/municipalities/{municipalityId}/fiches': { scope: 'each place', probes: ficheProbe('GET', (_, p) => `${ficheBase(p)}/fiches`, 'read') },
  'POST /api/v1/municipalities/{municipalityId}/fiches': { scope: 'each place', probes: ficheProbe('POST', (_, p) => `${ficheBase(p)}/fiches`, 'write', (p, f) => ficheBody(p, f.entryId)) },
  'GET /api/v1/municipalities/{municipalityId}/fiches/document/{format}': { scope: 'each place', probes: ficheProbe('GET', (_, p) => `${ficheBase(p)}/fiches/document/pdf`, 'read') },
  'GET /api/v1/municipalities/{municipalityId}/fiches/{id}/document/{format}': { scope: 'each place', probes: ficheProbe('GET', (f, p) => `${ficheBase(p)}/fiches/${f.ficheId}/document/xlsx`, 'read') },
  'GET /api/v1/municipalities/{municipalityId}/fiches/{id}': { scope: 'each place', probes: ficheProbe('GET', (f, p) => `${ficheBase(p)}/fiches/${f.ficheId}`, 'read') },
  'PUT /api/v1/municipalities/{municipalityId}/fiches/{id}': { scope: 'each place', probes: ficheProbe('PUT', (f, p) => `${ficheBase(p)}/fiches/${f.ficheId}`, 'write', (p, f) => ficheBody(p, f.entryId)) },
  'PUT /api/v1/municipalities/{municipalityId}/fiches/{id}/status': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await ficheFixture(c, p);
      // Back and forth between two steps: whatever state an earlier probe left, one of them is a step.
      const now = (await c.world.adminSend({ method: 'GET', path: `${ficheBase(p)}/fiches/${f.ficheId}` })).json.status as string;
      const a = c.judge.actor;
      return [{ label: `${p.key} fiches`, method: 'PUT', path: `${ficheBase(p)}/fiches/${f.ficheId}/status`, json: { status: now === 'idea' ? 'shortlisted' : 'idea' }, expect: c.judge.outcome(!!a && mayWriteFiches(a, p.municipality), [p.municipality]) }];
    },
  },
  'DELETE /api/v1/municipalities/{municipalityId}/fiches/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await ficheFixture(c, p);
      const id = await c.fresh(async () => (await c.world.adminSend({ method: 'POST', path: `${ficheBase(p)}/fiches`, json: ficheBody(p, f.entryId) }, 201)).json.id as number, f.ficheId);
      const a = c.judge.actor;
      return [{ label: `${p.key} fiches`, method: 'DELETE', path: `${ficheBase(p)}/fiches/${id}`, expect: c.judge.outcome(!!a && mayWriteFiches(a, p.municipality), [p.municipality]) }];
    },
  },
};

const meetingRoutes: Record<string, RouteExpectation> = {
  'GET /api/v1/planning/rounds/{id}/tasks': { scope: 'each place', probes: meetingProbe('GET', (_, p) => `/api/v1/planning/rounds/${p.roundId}/tasks`, 'read') },
  'POST /api/v1/planning/rounds/{id}/tasks': { scope: 'each place', probes: meetingProbe('POST', (_, p) => `/api/v1/planning/rounds/${p.roundId}/tasks`, 'run', taskBody) },
  'PUT /api/v1/planning/tasks/{id}': { scope: 'each place', probes: meetingProbe('PUT', (f) => `/api/v1/planning/tasks/${f.taskId}`, 'run', taskBody) },
  'PUT /api/v1/planning/tasks/{id}/done': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await meetingFixture(c, p);
      // A municipality's task: its proposers mark it done, as they mark its stages.
      return [{ label: `${p.key} task`, method: 'PUT', path: `/api/v1/planning/tasks/${f.taskId}/done`, json: { doneDate: '2026-03-18' }, expect: itemRule(c, p, 'edit') }];
    },
  },
  'GET /api/v1/planning/rounds/{id}/meetings': { scope: 'each place', probes: meetingProbe('GET', (_, p) => `/api/v1/planning/rounds/${p.roundId}/meetings`, 'read') },
  'POST /api/v1/planning/rounds/{id}/meetings': { scope: 'each place', probes: meetingProbe('POST', (_, p) => `/api/v1/planning/rounds/${p.roundId}/meetings`, 'run', meetingBody) },
  'GET /api/v1/planning/meetings/{id}': { scope: 'each place', probes: meetingProbe('GET', (f) => `/api/v1/planning/meetings/${f.meetingId}`, 'read') },
  'PUT /api/v1/planning/meetings/{id}': { scope: 'each place', probes: meetingProbe('PUT', (f) => `/api/v1/planning/meetings/${f.meetingId}`, 'run', meetingBody) },
  'POST /api/v1/planning/meetings/{id}/follow-up': { scope: 'each place', probes: meetingProbe('POST', (f) => `/api/v1/planning/meetings/${f.meetingId}/follow-up`, 'run', () => ({ date: '2026-04-10' })) },
  'POST /api/v1/planning/meetings/{id}/decisions': { scope: 'each place', probes: meetingProbe('POST', (f) => `/api/v1/planning/meetings/${f.meetingId}/decisions`, 'run', decisionBody) },
  'PUT /api/v1/planning/decisions/{id}': { scope: 'each place', probes: meetingProbe('PUT', (f) => `/api/v1/planning/decisions/${f.decisionId}`, 'run', decisionBody) },
  'POST /api/v1/planning/decisions/{id}/task': { scope: 'each place', probes: meetingProbe('POST', (f) => `/api/v1/planning/decisions/${f.decisionId}/task`, 'run') },
  'GET /api/v1/planning/meetings/{id}/documents/{kind}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await meetingFixture(c, p);
      return [{ label: `${p.key} minutes`, method: 'GET', path: `/api/v1/planning/meetings/${f.meetingId}/documents/minutes`, query: { format: 'pdf' }, expect: roundRule(c, p, 'read') }];
    },
  },
  'POST /api/v1/planning/meetings/{id}/attachments': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await meetingFixture(c, p);
      return [{ label: `${p.key} attachment`, method: 'POST', path: `/api/v1/planning/meetings/${f.meetingId}/attachments`, form: upload('minutes.pdf', PDF, {}), expect: roundRule(c, p, 'run') }];
    },
  },
  'GET /api/v1/planning/attachments/{id}': { scope: 'each place', probes: meetingProbe('GET', (f) => `/api/v1/planning/attachments/${f.attachmentId}`, 'read') },
  'DELETE /api/v1/planning/attachments/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const f = await meetingFixture(c, p);
      const id = await c.fresh(() => attachAsAdmin(c, f.meetingId), f.attachmentId);
      return [{ label: `${p.key} attachment`, method: 'DELETE', path: `/api/v1/planning/attachments/${id}`, expect: roundRule(c, p, 'run') }];
    },
  },
};

/** Ask for an export as the principal and wait for it: the job is the principal's own. */
async function ownJob(c: ProbeContext, p: Place): Promise<string | null> {
  if (!c.principal.client || !c.judge.actor || !may(c.judge.actor, 'read', p.municipality)) return null;
  const res = await send(c.world.t.url, c.principal.client, { method: 'POST', path: `/api/v1/questionnaires/${p.questionnaireId}/exports`, json: { what: 'stats', format: 'csv' } });
  if (res.status !== 202) throw new Error(`setting up: ${c.principal.spec.key} could not export the tables of ${p.key}: ${res.status} ${res.readable.slice(0, 300)}`);
  await c.world.quietJobs();
  return res.json.id;
}

/**
 * A territory's public page (public-site/): its officers publish a section (consultation/access.ts
 * mayRunConsultation, as for its consultations), whoever reaches it reads what is published, and
 * anyone downloads a published table (a table not published is a 404, any answer but a 5xx).
 */
const publicSiteRoutes: Record<string, RouteExpectation> = {
  'GET /api/v1/territories/{id}/publications': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: `${p.key} municipality`, method: 'GET', path: `/api/v1/territories/${p.municipality.id}/publications`, expect: c.judge.may('read', p.municipality) }];
    },
  },
  'PUT /api/v1/territories/{id}/publications/{section}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const a = c.judge.actor;
      return [{ label: `${p.key} municipality`, method: 'PUT', path: `/api/v1/territories/${p.municipality.id}/publications/services`, json: { published: true }, expect: c.judge.outcome(!!a && mayRunConsultation(a, p.municipality), [p.municipality]) }];
    },
  },
  'GET /api/v1/public/territories/{country}/{code}/open-data/{table}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      // Published sites include those standing in the municipality that serve the whole province.
      return [{ label: `${p.key} municipality`, method: 'GET', path: `/api/v1/public/territories/${p.municipality.country}/${p.municipality.code}/open-data/services`, query: { format: 'json' }, expect: c.judge.public(), exempt: [p.municipality.path, p.region.path] }];
    },
  },
};

export const EXPECTATIONS: Record<string, RouteExpectation> = {
  // ---- planning rounds (issue 8): planning/access.ts ----
  ...planningRoutes,
  // ---- tasks and working meetings of a round (issue 8, items 3, 4): planning/meetings ----
  ...meetingRoutes,
  ...consultationRoutes,
  ...ficheRoutes,
  ...publicSiteRoutes,
  ...agreementRoutes,
  ...scenarioRoutes,
  // ---- session: public sign-in and health; the rest about the signed-in account itself ----
  'GET /api/v1/health': { scope: 'once', probes: async (c) => [{ label: 'health', method: 'GET', path: '/api/v1/health', expect: c.judge.public() }] },
  'POST /api/v1/session': {
    scope: 'once',
    probes: async (c) => [{ label: 'wrong password', method: 'POST', path: '/api/v1/session', json: { login: `${c.world.unique('nobody')}@test.example`, password: 'not the password at all' }, expect: c.judge.public() }],
  },
  'GET /api/v1/session': { scope: 'once', probes: async (c) => [{ label: 'own session', method: 'GET', path: '/api/v1/session', expect: c.judge.self() }] },
  'DELETE /api/v1/session': {
    scope: 'once',
    probes: async (c) => [{ label: 'sign out (another account of the role)', method: 'DELETE', path: '/api/v1/session', as: c.principal.client ? await c.principal.another() : undefined, expect: c.judge.self() }],
  },
  'POST /api/v1/session/password': {
    scope: 'once',
    probes: async (c) => [
      {
        label: 'change own password (another account of the role)',
        method: 'POST',
        path: '/api/v1/session/password',
        json: { currentPassword: 'correct horse battery staple', newPassword: 'a quite different long passphrase 7' },
        as: c.principal.client ? await c.principal.another() : undefined,
        expect: c.judge.self(),
      },
    ],
  },
  'PUT /api/v1/session/language': { scope: 'once', probes: async (c) => [{ label: 'own language', method: 'PUT', path: '/api/v1/session/language', json: { language: 'en' }, expect: c.judge.self() }] },

  // ---- accounts: administrators only ----
  'GET /api/v1/users': { scope: 'once', probes: async (c) => [{ label: 'all accounts', method: 'GET', path: '/api/v1/users', expect: c.judge.may('manage_users', null) }] },
  'POST /api/v1/users': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const json = { login: `${p.sentinel.toLowerCase()}-${c.world.unique()}@test.example`, name: `User ${p.sentinel}`, role: 'viewer', territoryId: p.municipality.id };
      return [{ label: p.key, method: 'POST', path: '/api/v1/users', json, expect: c.judge.may('manage_users', null) }];
    },
  },
  'PUT /api/v1/users/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.user(p), p.userId);
      const json = { name: `User ${p.sentinel}`, role: 'viewer', territoryId: p.municipality.id, organisation: null, language: 'en', disabled: false };
      return [{ label: p.key, method: 'PUT', path: `/api/v1/users/${id}`, json, expect: c.judge.may('manage_users', null) }];
    },
  },
  'POST /api/v1/users/{id}/password': {
    scope: 'each place',
    probes: async (c, place) => [{ label: at(place).key, method: 'POST', path: `/api/v1/users/${at(place).userId}/password`, expect: c.judge.may('manage_users', null) }],
  },

  // ---- territories and population ----
  'GET /api/v1/territories': {
    scope: 'both',
    // A list: filtered to the reach, so always answered; the leak check does the work.
    probes: async (c, place) =>
      place
        ? [{ label: `children of ${place.key}`, method: 'GET', path: '/api/v1/territories', query: { parentId: String(place.municipality.id) }, expect: c.judge.self() }]
        : [
            { label: 'top of reach', method: 'GET', path: '/api/v1/territories', expect: c.judge.self() },
            { label: 'search for the fixtures', method: 'GET', path: '/api/v1/territories', query: { q: 'SENTINEL', limit: '1000' }, expect: c.judge.self() },
          ],
  },
  'GET /api/v1/territories/{id}': { scope: 'each place', probes: readAt((p) => `/api/v1/territories/${p.municipality.id}`) },
  'GET /api/v1/territories/{id}/population': { scope: 'each place', probes: readAt((p) => `/api/v1/territories/${p.municipality.id}/population`) },
  'GET /api/v1/territories/{id}/indicators': { scope: 'each place', probes: readAt((p) => `/api/v1/territories/${p.municipality.id}/indicators`) },

  // ---- catalogue: the same for everyone signed in ----
  'GET /api/v1/service-types': { scope: 'once', probes: async (c) => [{ label: 'catalogue', method: 'GET', path: '/api/v1/service-types', expect: c.judge.self() }] },
  'GET /api/v1/indicators': { scope: 'once', probes: async (c) => [{ label: 'indicator keys', method: 'GET', path: '/api/v1/indicators', expect: c.judge.self() }] },
  'POST /api/v1/service-types': {
    scope: 'once',
    probes: async (c) => [{ label: 'a new type', method: 'POST', path: '/api/v1/service-types', json: catalogueType(`bg.matrix_${c.world.unique()}`), expect: editCatalogue(c) }],
  },
  'PUT /api/v1/service-types/{key}': {
    scope: 'once',
    probes: async (c) => [{ label: 'rename', method: 'PUT', path: `/api/v1/service-types/${await probeType(c)}`, json: { names: { bg: `Проба ${c.index}` } }, expect: editCatalogue(c) }],
  },
  'POST /api/v1/service-types/{key}/retire': {
    scope: 'once',
    probes: async (c) => [{ label: 'retire', method: 'POST', path: `/api/v1/service-types/${await probeType(c)}/retire`, expect: editCatalogue(c) }],
  },
  'POST /api/v1/service-types/{key}/unretire': {
    scope: 'once',
    probes: async (c) => [{ label: 'offer again', method: 'POST', path: `/api/v1/service-types/${await probeType(c)}/unretire`, expect: editCatalogue(c) }],
  },

  // ---- norms: set on a country or region (mayEditNorm) ----
  'GET /api/v1/norms': { scope: 'each place', probes: readAt(() => '/api/v1/norms', (p) => ({ territoryId: String(p.municipality.id) })) },
  'PUT /api/v1/norms': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const allowed = !!c.judge.actor && mayEditNorm(c.judge.actor, p.region);
      return [{ label: `${p.key} province's norm`, method: 'PUT', path: '/api/v1/norms', json: normBody(p), expect: c.judge.outcome(allowed, [p.region]) }];
    },
  },
  'DELETE /api/v1/norms/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.norm(p), 1);
      const allowed = !!c.judge.actor && mayEditNorm(c.judge.actor, p.region);
      return [{ label: `${p.key} province's norm`, method: 'DELETE', path: `/api/v1/norms/${id}`, expect: c.judge.outcome(allowed, [p.region]) }];
    },
  },

  // ---- service sites: edit_service_site where the site is and where it serves; providers their own ----
  'GET /api/v1/service-sites/years': {
    scope: 'both',
    probes: async (c, place) =>
      place
        ? [{ label: place.key, method: 'GET', path: '/api/v1/service-sites/years', query: { territoryId: String(place.municipality.id) }, expect: c.judge.may('read', place.municipality) }]
        : [{ label: 'own territory', method: 'GET', path: '/api/v1/service-sites/years', expect: c.judge.self() }],
  },
  'GET /api/v1/service-sites': {
    scope: 'both',
    probes: async (c, place) =>
      place
        ? [{ label: place.key, method: 'GET', path: '/api/v1/service-sites', query: { territoryId: String(place.municipality.id), pageSize: '500' }, expect: c.judge.may('read', place.municipality) }]
        : [{ label: 'all in reach', method: 'GET', path: '/api/v1/service-sites', query: { pageSize: '500' }, expect: c.judge.self() }],
  },
  'POST /api/v1/service-sites': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const provider = p.spec.provider;
      return [
        { label: `${p.key} site`, method: 'POST', path: '/api/v1/service-sites', json: siteBody(p), expect: saveSite(c, null, sitePlaces(p.settlement, [], provider)) },
        {
          label: `${p.key} site serving its province`,
          method: 'POST',
          path: '/api/v1/service-sites',
          json: siteBody(p, { name: `Център ${p.regionSentinel}`, servesIds: [p.region.id] }),
          expect: saveSite(c, null, sitePlaces(p.settlement, [p.region], provider)),
        },
      ];
    },
  },
  'GET /api/v1/service-sites/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [
        { label: `${p.key} site`, method: 'GET', path: `/api/v1/service-sites/${p.siteId}`, expect: c.judge.may('read', p.settlement) },
        { label: `${p.key} site serving its province`, method: 'GET', path: `/api/v1/service-sites/${p.regionalSiteId}`, expect: c.judge.may('read', p.settlement) },
      ];
    },
  },
  'PUT /api/v1/service-sites/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const h = c.home;
      const provider = p.spec.provider;
      const own = await c.fresh(() => c.world.disposable.site(p), { id: p.siteId, body: siteBody(p) });
      const wide = await c.fresh(() => c.world.disposable.site(p, true), { id: p.regionalSiteId, body: siteBody(p) });
      const ownSite = sitePlaces(p.settlement, [], provider);
      const wideSite = sitePlaces(p.settlement, [p.region], provider);
      const probes: Probe[] = [
        { label: `${p.key} site, capacity changed`, method: 'PUT', path: `/api/v1/service-sites/${own.id}`, json: { ...own.body, capacity: 21 }, expect: saveSite(c, ownSite, ownSite) },
        { label: `${p.key} site serving its province, unchanged`, method: 'PUT', path: `/api/v1/service-sites/${wide.id}`, json: wide.body, expect: saveSite(c, wideSite, wideSite) },
      ];
      if (h.key !== p.key && h.spec.country === p.spec.country) {
        const moved = await c.fresh(() => c.world.disposable.site(p), { id: p.siteId, body: siteBody(p) });
        probes.push({
          label: `move a ${p.key} site to ${h.key}`,
          method: 'PUT',
          path: `/api/v1/service-sites/${moved.id}`,
          json: { ...moved.body, name: `Дневен център ${h.sentinel}`, settlementId: h.settlement.id },
          expect: saveSite(c, ownSite, sitePlaces(h.settlement, [], provider)),
        });
      }
      return probes;
    },
  },
  'DELETE /api/v1/service-sites/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const provider = p.spec.provider;
      const own = await c.fresh(() => c.world.disposable.site(p), { id: p.siteId, body: {} });
      const wide = await c.fresh(() => c.world.disposable.site(p, true), { id: p.regionalSiteId, body: {} });
      return [
        { label: `${p.key} site`, method: 'DELETE', path: `/api/v1/service-sites/${own.id}`, expect: changeSite(c, sitePlaces(p.settlement, [], provider)) },
        // Deleting follows the rule of editing: a site serving the province is the province's too.
        { label: `${p.key} site serving its province`, method: 'DELETE', path: `/api/v1/service-sites/${wide.id}`, expect: changeSite(c, sitePlaces(p.settlement, [p.region], provider)) },
      ];
    },
  },
  'POST /api/v1/service-sites/copy-year': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      // Copies the sites the actor may change, one by one; asking needs the grant and the reach.
      const allowed = !!c.judge.actor && mayChangeSitesIn(c.judge.actor, p.municipality);
      return [
        { label: p.key, method: 'POST', path: '/api/v1/service-sites/copy-year', json: { territoryId: p.municipality.id, fromYear: 2025, toYear: 2031 + (c.index % 60) }, expect: c.judge.outcome(allowed, [p.municipality]) },
      ];
    },
  },

  // ---- gaps and maps ----
  'GET /api/v1/gaps': { scope: 'each place', probes: readAt(() => '/api/v1/gaps', (p, c) => ({ territoryId: String(p.municipality.id), method: pick(['normative', 'observed', 'survey'], c.index) })) },
  'GET /api/v1/gaps/map': { scope: 'each place', probes: readAt(() => '/api/v1/gaps/map', (p) => ({ territoryId: String(p.municipality.id) })) },
  'GET /api/v1/gaps/explain': { scope: 'each place', probes: readAt(() => '/api/v1/gaps/explain', (p) => ({ territoryId: String(p.municipality.id), serviceType: p.spec.serviceType })) },
  'GET /api/v1/gaps/matrix': { scope: 'each place', probes: readAt(() => '/api/v1/gaps/matrix', (p) => ({ territoryId: String(p.municipality.id) })) },
  'GET /api/v1/gaps/methods': { scope: 'each place', probes: readAt(() => '/api/v1/gaps/methods', (p) => ({ territoryId: String(p.municipality.id) })) },
  'GET /api/v1/geo/boundaries': { scope: 'each place', probes: readAt(() => '/api/v1/geo/boundaries', (p) => ({ territoryId: String(p.municipality.id) })) },

  // ---- imports: the grant of the kind, and every row within reach ----
  'POST /api/v1/imports/{kind}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const h = c.home;
      const u = c.world.unique();
      const country = p.country.code;
      const importProbe = (kind: string, label: string, file: string, content: string, expect: Outcome): Probe => ({
        label,
        method: 'POST',
        path: `/api/v1/imports/${kind}`,
        form: upload(file, content, { country }),
        rowByRow: true,
        expect,
      });
      const probes: Probe[] = [
        importProbe(
          'territories',
          `a new settlement in ${p.key}`,
          'territories.csv',
          `code,name,level,parent_code,country\nSEC${u.toUpperCase()},Село ${p.sentinel},settlement,${p.municipality.code},${country}\n`,
          c.judge.may('import_territories', p.municipality),
        ),
        importProbe('population', `${p.key} population`, 'population.csv', `code,year,sex,age_from,age_to,count\n${p.municipality.code},1995,T,0,,${1000 + c.index}\n`, c.judge.may('import_population', p.municipality)),
        importProbe('indicators', `${p.key} indicator`, 'indicators.csv', `code,year,indicator,value,source\n${p.municipality.code},1995,idp,${c.index},Matrix\n`, c.judge.may('import_indicators', p.municipality)),
        importProbe(
          'services',
          `a new ${p.key} site`,
          'services.csv',
          `site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity\nSEC-${u},${csvCell(`Дневен център ${p.sentinel}`)},${p.spec.serviceType},${csvCell(p.spec.provider)},public,${p.settlement.code},2025,5\n`,
          importSite(c, null, sitePlaces(p.settlement, [], p.spec.provider)),
        ),
        importProbe(
          'service-types',
          `a new type of ${p.country.code}`,
          'types.csv',
          `key,country,official_code,name,name_en,category,residential,unit,target_groups\n${country.toLowerCase()}.matrix_${u},${country},,Проба,Probe,other,no,places,all\n`,
          editCatalogue(c),
        ),
        importProbe(
          'boundaries',
          `${p.key} boundary, as it is`,
          'boundaries.geojson',
          JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: p.municipality.code }, geometry: p.boundary }] }),
          c.judge.may('import_boundaries', p.municipality),
        ),
      ];
      if (h.key !== p.key && h.spec.country === p.spec.country) {
        // The finding of issue 6 (2): a row with another place's site id moved that site here.
        const existing = await c.fresh(() => c.world.disposable.site(p), { id: p.siteId, body: { siteKey: p.siteKey } });
        const before = sitePlaces(p.settlement, [], p.spec.provider);
        const after = sitePlaces(h.settlement, [], p.spec.provider);
        const mayMove = importSite(c, before, after);
        probes.push({
          ...importProbe(
            'services',
            `move a ${p.key} site to ${h.key} by its site id`,
            'services.csv',
            `site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity\n${existing.body.siteKey},${csvCell(`Дневен център ${h.sentinel}`)},${p.spec.serviceType},${csvCell(p.spec.provider)},public,${h.settlement.code},2025,0\n`,
            mayMove.kind === 'deny' && mayMove.why !== 'auth' ? { kind: 'untouched' } : mayMove,
          ),
          guard: async () => (await c.world.adminSend({ method: 'GET', path: `/api/v1/service-sites/${existing.id}` })).readable,
        });
      }
      return probes;
    },
  },
  'GET /api/v1/datasets': { scope: 'once', probes: async (c) => [{ label: 'imported files', method: 'GET', path: '/api/v1/datasets', expect: c.judge.self() }] },

  // ---- exports of tables ----
  'GET /api/v1/exports/{table}/{format}': {
    scope: 'both',
    probes: async (c, place) => {
      const tables = ['territories', 'population', 'indicators', 'services', 'norms', 'service-types', 'gaps', 'audit'];
      const expectFor = (table: string, p: Place | null) => {
        if (table === 'audit') return c.judge.may('view_audit', null);
        return p ? c.judge.may('read', p.municipality) : c.judge.self();
      };
      if (!place) {
        // Without a territory: the caller's whole reach (gaps need a territory).
        const table = pick(tables.filter((t) => t !== 'gaps'), c.index);
        return [{ label: `${table} of the whole reach`, method: 'GET', path: `/api/v1/exports/${table}/csv`, expect: expectFor(table, null) }];
      }
      const probes: Probe[] = tables.map((table) => ({ label: `${table} of ${place.key}`, method: 'GET', path: `/api/v1/exports/${table}/csv`, query: { territoryId: String(place.municipality.id) }, expect: expectFor(table, place) }));
      const xlsx = pick(tables, c.index + place.key.length);
      probes.push({ label: `${xlsx} of ${place.key} (XLSX)`, method: 'GET', path: `/api/v1/exports/${xlsx}/xlsx`, query: { territoryId: String(place.municipality.id) }, expect: expectFor(xlsx, place) });
      return probes;
    },
  },
  'GET /api/v1/audit': { scope: 'once', probes: async (c) => [{ label: 'audit log', method: 'GET', path: '/api/v1/audit', query: { pageSize: '200' }, expect: c.judge.may('view_audit', null) }] },

  // ---- needs assessments: read where one reaches, edit_assessment to change ----
  // ---- the municipal services review (issue 8, story 2): read where one reads, written by the municipality's and its region's officers ----
  'GET /api/v1/services-review/{municipalityId}': { scope: 'each place', probes: readAt((p) => `/api/v1/services-review/${p.municipality.id}`) },
  'PUT /api/v1/services-review/{municipalityId}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const json = { settlementId: p.settlement.id, siteKey: p.siteKey, year: 2025, results: `Резултати ${p.sentinel}`, challenges: '', goodPractices: '', partner: '' };
      const allowed = !!c.judge.actor && mayEditServiceReview(c.judge.actor, p.municipality);
      return [{ label: `${p.key} service notes`, method: 'PUT', path: `/api/v1/services-review/${p.municipality.id}`, json, expect: c.judge.outcome(allowed, [p.municipality]) }];
    },
  },
  'GET /api/v1/services-review/{municipalityId}/document/{format}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const format = pick(['docx', 'pdf'], c.index);
      return [{ label: `${p.key} review ${format}`, method: 'GET', path: `/api/v1/services-review/${p.municipality.id}/document/${format}`, expect: c.judge.may('read', p.municipality) }];
    },
  },

  // ---- official documents (issue 9, item 3): whoever reads the territory; the data decide the rest ----
  'GET /api/v1/territories/{territoryId}/documents': { scope: 'each place', probes: readAt((p) => `/api/v1/territories/${p.municipality.id}/documents`) },
  'GET /api/v1/territories/{territoryId}/documents/{kind}/{format}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      // The place's own assessment (of 2026) is the data: its country's analysis or report.
      const kind = p.spec.country === 'BG' ? 'bg.needs_analysis' : 'ua.needs_report';
      const format = pick(['docx', 'pdf'], c.index);
      return [{ label: `${p.key} ${kind} ${format}`, method: 'GET', path: `/api/v1/territories/${p.municipality.id}/documents/${kind}/${format}`, query: { year: '2026' }, expect: c.judge.may('read', p.municipality) }];
    },
  },

  // ---- the Polish OZPS's figures (story 5), on the demonstration's gmina Niemce (the world's places are Bulgarian and Ukrainian, whose OZPS does not exist):
  // read where the gmina is read, entered as its assessment is ----
  'GET /api/v1/municipalities/{municipalityId}/ozps': {
    scope: 'once',
    probes: async (c) => {
      const niemce = await polishGmina(c);
      return [{ label: 'Niemce', method: 'GET', path: `/api/v1/municipalities/${niemce.id}/ozps`, query: { year: '2025' }, expect: c.judge.may('read', niemce) }];
    },
  },
  'PUT /api/v1/municipalities/{municipalityId}/ozps': {
    scope: 'once',
    probes: async (c) => {
      const niemce = await polishGmina(c);
      return [{ label: 'Niemce OZPS', method: 'PUT', path: `/api/v1/municipalities/${niemce.id}/ozps`, query: { year: '2025' }, json: { figures: [{ indicator: 'beneficiaries.families', year: 2025, value: 100 + c.index }] }, expect: c.judge.may('edit_assessment', niemce) }];
    },
  },

  'GET /api/v1/document-wording/{country}/{kind}': {
    scope: 'once',
    probes: async (c) => [{ label: 'the proposal’s texts', method: 'GET', path: '/api/v1/document-wording/BG/bg.planning_proposal', query: { lang: 'bg' }, expect: editCatalogue(c) }],
  },
  'PUT /api/v1/document-wording/{country}/{kind}': {
    scope: 'once',
    probes: async (c) => [
      { label: 'reword the mayor’s line', method: 'PUT', path: '/api/v1/document-wording/BG/bg.planning_proposal', json: { lang: 'bg', key: 'documents.planningProposal.signMayor', text: `Кмет ${c.index}` }, expect: editCatalogue(c) },
    ],
  },

  'GET /api/v1/assessments': {
    scope: 'both',
    probes: async (c, place) =>
      place
        ? [{ label: place.key, method: 'GET', path: '/api/v1/assessments', query: { territoryId: String(place.municipality.id) }, expect: c.judge.may('read', place.municipality) }]
        : [{ label: 'all in reach', method: 'GET', path: '/api/v1/assessments', expect: c.judge.self() }],
  },
  'POST /api/v1/assessments': {
    scope: 'each place',
    probes: async (c, place) => [{ label: at(place).key, method: 'POST', path: '/api/v1/assessments', json: assessmentBody(at(place)), expect: editAssessment(c, at(place)) }],
  },
  'GET /api/v1/assessments/{id}': { scope: 'each place', probes: readAt((p) => `/api/v1/assessments/${p.assessmentId}`) },
  'PUT /api/v1/assessments/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const h = c.home;
      const id = await c.fresh(() => c.world.disposable.assessment(p), p.assessmentId);
      const probes: Probe[] = [{ label: p.key, method: 'PUT', path: `/api/v1/assessments/${id}`, json: { ...assessmentBody(p), status: 'collecting' }, expect: editAssessment(c, p) }];
      if (h.key !== p.key) {
        const moved = await c.fresh(() => c.world.disposable.assessment(p), p.assessmentId);
        probes.push({
          label: `move a ${p.key} assessment to ${h.key}`,
          method: 'PUT',
          path: `/api/v1/assessments/${moved}`,
          json: assessmentBody(p, h.municipality.id, `Assessment ${h.sentinel}`),
          expect: c.judge.all([
            ['edit_assessment', p.municipality],
            ['edit_assessment', h.municipality],
          ]),
        });
      }
      return probes;
    },
  },
  'DELETE /api/v1/assessments/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.assessment(p), p.assessmentId);
      return [{ label: p.key, method: 'DELETE', path: `/api/v1/assessments/${id}`, expect: editAssessment(c, p) }];
    },
  },
  ...partRoutes,
  'GET /api/v1/assessments/{id}/progress': { scope: 'each place', probes: readAt((p) => `/api/v1/assessments/${p.assessmentId}/progress`) },
  'GET /api/v1/assessments/{id}/estimates': { scope: 'each place', probes: readAt((p) => `/api/v1/assessments/${p.assessmentId}/estimates`) },
  'GET /api/v1/assessments/{id}/recipients': { scope: 'each place', probes: readAt((p) => `/api/v1/assessments/${p.assessmentId}/recipients`) },
  'GET /api/v1/assessments/{id}/documents/{document}/{format}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      // One document a principal and place, rotating: every kind and format is asked by someone.
      const [document, format] = pick(
        [
          ['report', 'docx'],
          ['plan', 'docx'],
          ['passport', 'docx'],
          ['report', 'pdf'],
          ['plan', 'pdf'],
          ['passport', 'pdf'],
        ],
        c.index + p.key.length,
      );
      return [{ label: `${p.key} ${document} ${format}`, method: 'GET', path: `/api/v1/assessments/${p.assessmentId}/documents/${document}/${format}`, expect: c.judge.may('read', p.municipality) }];
    },
  },

  // ---- questionnaires ----
  'GET /api/v1/questionnaires': { scope: 'each place', probes: readAt(() => '/api/v1/questionnaires', (p) => ({ assessmentId: String(p.assessmentId) })) },
  'POST /api/v1/questionnaires': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [
        { label: `${p.key} assessment's`, method: 'POST', path: '/api/v1/questionnaires', json: { title: `Questionnaire ${p.sentinel}`, assessmentId: p.assessmentId, definition: QUESTIONS }, bodyReference: 'assessmentId', expect: editAssessment(c, p) },
        { label: `${p.key}'s, without an assessment`, method: 'POST', path: '/api/v1/questionnaires', json: { title: `Questionnaire ${p.sentinel}`, territoryId: p.municipality.id, definition: QUESTIONS }, bodyReference: 'territoryId', expect: editAssessment(c, p) },
      ];
    },
  },
  'GET /api/v1/questionnaires/{id}': { scope: 'each place', probes: readAt((p) => `/api/v1/questionnaires/${p.questionnaireId}`) },
  'PUT /api/v1/questionnaires/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.questionnaire(p), p.questionnaireId);
      return [{ label: p.key, method: 'PUT', path: `/api/v1/questionnaires/${id}`, json: { title: `Renamed ${p.sentinel}` }, expect: editAssessment(c, p) }];
    },
  },
  'DELETE /api/v1/questionnaires/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.questionnaire(p), p.questionnaireId);
      return [{ label: p.key, method: 'DELETE', path: `/api/v1/questionnaires/${id}`, expect: editAssessment(c, p) }];
    },
  },
  'POST /api/v1/questionnaires/{id}/versions': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.questionnaire(p), p.questionnaireId);
      return [{ label: p.key, method: 'POST', path: `/api/v1/questionnaires/${id}/versions`, json: { definition: QUESTIONS }, expect: editAssessment(c, p) }];
    },
  },
  'PUT /api/v1/questionnaires/{id}/tags': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const id = await c.fresh(() => c.world.disposable.questionnaire(p), p.questionnaireId);
      const tags = [{ questionName: 'needs_help', purpose: 'need', serviceType: p.spec.serviceType, targetGroup: null, positiveValues: ['yes'] }];
      return [{ label: p.key, method: 'PUT', path: `/api/v1/questionnaires/${id}/tags`, json: { tags }, expect: editAssessment(c, p) }];
    },
  },
  'POST /api/v1/questionnaires/{id}/links': {
    scope: 'each place',
    probes: async (c, place) => [
      { label: at(place).key, method: 'POST', path: `/api/v1/questionnaires/${at(place).questionnaireId}/links`, json: { respondentGroupId: at(place).groupId }, expect: editAssessment(c, at(place)) },
    ],
  },
  'PUT /api/v1/questionnaires/{id}/links/{linkId}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const linkId = await c.fresh(() => c.world.disposable.link(p), p.linkId);
      // Closing a link a nobody probe points at would close the fixture's: nobody sends "open".
      return [{ label: p.key, method: 'PUT', path: `/api/v1/questionnaires/${p.questionnaireId}/links/${linkId}`, json: { active: !c.principal.client }, expect: editAssessment(c, p) }];
    },
  },
  'GET /api/v1/questionnaires/{id}/links/{linkId}/qr.svg': { scope: 'each place', probes: readAt((p) => `/api/v1/questionnaires/${p.questionnaireId}/links/${p.linkId}/qr.svg`) },
  'POST /api/v1/questionnaires/{id}/responses': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const json = { submissionKey: c.world.unique('paper-'), respondentGroupId: p.groupId, answers: { needs_help: 'no', age: 50 } };
      return [{ label: p.key, method: 'POST', path: `/api/v1/questionnaires/${p.questionnaireId}/responses`, json, expect: editAssessment(c, p) }];
    },
  },
  'GET /api/v1/questionnaires/{id}/stats': { scope: 'each place', probes: readAt((p) => `/api/v1/questionnaires/${p.questionnaireId}/stats`) },
  'GET /api/v1/questionnaires/{id}/crosstab': {
    scope: 'each place',
    probes: readAt(
      (p) => `/api/v1/questionnaires/${p.questionnaireId}/crosstab`,
      (_p, c) => ({ question: 'needs_help', by: pick(['group', 'settlement'], c.index) }),
    ),
  },
  'GET /api/v1/questionnaires/{id}/free-text': { scope: 'each place', probes: readAt((p) => `/api/v1/questionnaires/${p.questionnaireId}/free-text`, () => ({ question: 'remarks' })) },
  'PUT /api/v1/questionnaires/{id}/free-text/tags': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [{ label: p.key, method: 'PUT', path: `/api/v1/questionnaires/${p.questionnaireId}/free-text/tags`, json: { responseId: p.responseId, question: 'remarks', tags: ['matrix'] }, expect: editAssessment(c, p) }];
    },
  },

  // ---- the public form: the link's token is the key, for anyone ----
  'GET /api/v1/public/forms/{token}': {
    scope: 'each place',
    probes: async (c, place) => [{ label: at(place).key, method: 'GET', path: `/api/v1/public/forms/${at(place).linkToken}`, expect: c.judge.public(), exempt: [at(place).municipality.path] }],
  },
  'POST /api/v1/public/forms/{token}/responses': {
    scope: 'each place',
    probes: async (c, place) => [
      {
        label: `${at(place).key}, without a valid form token`,
        method: 'POST',
        path: `/api/v1/public/forms/${at(place).linkToken}/responses`,
        json: { submissionKey: c.world.unique('web-'), answers: { needs_help: 'yes' }, formToken: 'not-a-form-token' },
        expect: c.judge.public(),
        exempt: [at(place).municipality.path],
      },
    ],
  },

  // ---- survey imports ----
  'POST /api/v1/questionnaires/import-xlsform': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [
        {
          label: `into the ${p.key} assessment`,
          method: 'POST',
          path: '/api/v1/questionnaires/import-xlsform',
          form: upload('text_and_integer.xlsx', XLSFORM(), { assessmentId: p.assessmentId, title: `XLSForm ${p.sentinel}` }),
          bodyReference: 'assessmentId',
          expect: editAssessment(c, p),
        },
      ];
    },
  },
  'POST /api/v1/imports/responses': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      return [
        {
          label: `into the ${p.key} questionnaire`,
          method: 'POST',
          path: '/api/v1/imports/responses',
          form: upload('responses.csv', `needs_help,age\nyes,${30 + c.index}\nno,${50 + c.index}\n`, { questionnaireId: p.questionnaireId }),
          bodyReference: 'questionnaireId',
          rowByRow: true,
          expect: editAssessment(c, p),
        },
      ];
    },
  },

  // ---- exports of a questionnaire, by background job; a job is its owner's (and administrators') ----
  'POST /api/v1/questionnaires/{id}/exports': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const after = async () => c.world.quietJobs();
      return [
        // Raw responses hold every written answer: those who run the assessment only.
        { label: `${p.key} responses`, method: 'POST', path: `/api/v1/questionnaires/${p.questionnaireId}/exports`, json: { what: 'responses', format: 'csv' }, expect: editAssessment(c, p), after },
        { label: `${p.key} tables`, method: 'POST', path: `/api/v1/questionnaires/${p.questionnaireId}/exports`, json: { what: 'stats', format: 'xlsx' }, expect: c.judge.may('read', p.municipality), after },
      ];
    },
  },
  'GET /api/v1/jobs/{id}': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const isAdmin = c.judge.actor?.role === 'admin';
      const probes: Probe[] = [{ label: `the administrator's export of ${p.key}`, method: 'GET', path: `/api/v1/jobs/${p.adminJobId}`, expect: c.judge.outcome(isAdmin, [{ path: '/someone-else/' }]) }];
      const own = await ownJob(c, p);
      if (own) probes.push({ label: `own export of ${p.key}`, method: 'GET', path: `/api/v1/jobs/${own}`, expect: c.judge.may('read', p.municipality) });
      return probes;
    },
  },
  'GET /api/v1/jobs/{id}/file': {
    scope: 'each place',
    probes: async (c, place) => {
      const p = at(place);
      const isAdmin = c.judge.actor?.role === 'admin';
      const probes: Probe[] = [{ label: `the administrator's export of ${p.key}`, method: 'GET', path: `/api/v1/jobs/${p.adminJobId}/file`, expect: c.judge.outcome(isAdmin, [{ path: '/someone-else/' }]) }];
      const own = await ownJob(c, p);
      if (own) probes.push({ label: `own export of ${p.key}`, method: 'GET', path: `/api/v1/jobs/${own}/file`, expect: c.judge.may('read', p.municipality) });
      return probes;
    },
  },
};

/** The statuses that fulfil an outcome, and why an answer does not. Null when it does. */
export function verdict(probe: Probe, answer: Answer): string | null {
  const { status } = answer;
  if (status >= 500) return `server error ${status}`;
  const e = probe.expect;
  if (e.kind === 'public' || e.kind === 'untouched') return null;
  if (e.kind === 'allow') return status >= 200 && status < 300 ? null : `expected 2xx (allowed by the policy), got ${status}`;
  if (e.why === 'auth') return status === 401 ? null : `expected 401 (not signed in), got ${status}`;
  if (e.why === 'grant') return status === 403 ? null : `expected 403 (the role may not), got ${status}`;
  if (status === 403 || status === 404) return null;
  const problem = answer.json as { issues?: { path: string; message: string }[]; errors?: { code: string }[] } | undefined;
  if (probe.bodyReference && (status === 400 || status === 422) && problem?.issues?.some((i) => i.path === probe.bodyReference && i.message.startsWith('unknown_'))) return null;
  if (probe.rowByRow && status === 422 && problem?.errors?.some((x) => x.code === 'outside_scope')) return null;
  return `expected 403 or 404 (outside the caller's reach), got ${status}`;
}
