import { z } from 'zod';
import { GAP_METHODS, NEED_UNITS, NO_ESTIMATE_REASONS, ZCapacityUnit, ZIdText } from '@potreby/domain';
import { ZTerritoryRef } from '../http/schema';

export const ZGapMethod = z.enum(GAP_METHODS);
export const ZNeedUnit = z.enum(NEED_UNITS);
/** Why a method gives no need figure ("no estimate", never 0). */
export const ZNoEstimate = z.enum(NO_ESTIMATE_REASONS);
/** Why a gap, coverage or shortfall is not given: no estimate, or need and capacity do not compare. */
export const ZNotShown = z.enum([...NO_ESTIMATE_REASONS, 'not_comparable']);

export const ZGapQuery = z.object({
  territoryId: ZIdText,
  /** Default: the latest year with service sites in the territory's country. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  method: ZGapMethod.default('normative'),
});

export const ZGapRow = z.object({
  serviceType: z.string(),
  method: ZGapMethod,
  need: z.number().nullable(),
  /** What the need counts: places, persons a year, or (a survey) persons who would use the service. */
  needUnit: ZNeedUnit,
  /** Why need is null. */
  missing: ZNoEstimate.nullable(),
  capacity: z.number(),
  capacityUnit: ZCapacityUnit,
  /** Need and capacity count the same thing; when not, gap, coverage and shortfall are null. */
  comparable: z.boolean(),
  gap: z.number().nullable(),
  /** The 95 % interval of a survey-based need and of its gap; null for the other methods. */
  needLow: z.number().nullable(),
  needHigh: z.number().nullable(),
  gapLow: z.number().nullable(),
  gapHigh: z.number().nullable(),
  coverage: z.number().nullable(),
  shortfall: z.number().nullable(),
  incomplete: z.boolean(),
  staffPositions: z.number(),
  staffVacancies: z.number(),
});
export type TGapRow = z.infer<typeof ZGapRow>;

/** A sum in one unit; value null is "no estimate" (with why), never 0. */
export const ZUnitTotal = z.object({ unit: ZNeedUnit, value: z.number().nullable(), missing: ZNotShown.nullable(), partial: z.boolean() });
export type TUnitTotal = z.infer<typeof ZUnitTotal>;

export const ZUnitCoverage = z.object({
  territory: ZTerritoryRef,
  /** One service type: capacity ÷ need. All: the mean share of need met over the needed service types. */
  coverage: z.number().nullable(),
  missing: ZNotShown.nullable(),
  serviceTypes: z.number().int(),
  /** Need and capacity per unit, never added across units. */
  need: z.array(ZUnitTotal),
  capacity: z.array(ZUnitTotal),
});
export type TUnitCoverage = z.infer<typeof ZUnitCoverage>;

/** Whether a method gives any need figure for the territory and year, and if not, why. */
export const ZMethodEstimate = z.object({ method: ZGapMethod, estimate: z.boolean(), missing: ZNoEstimate.nullable() });
export const ZGapMethods = z.object({ year: z.number().int(), methods: z.array(ZMethodEstimate) });
export type TGapMethods = z.infer<typeof ZGapMethods>;

export const ZGapDashboard = z.object({
  territory: ZTerritoryRef,
  year: z.number().int(),
  method: ZGapMethod,
  /** Years with service-site data in the country, newest first. */
  years: z.array(z.number().int()),
  rows: z.array(ZGapRow),
  diversity: z.object({
    needed: z.array(z.string()),
    available: z.array(z.string()),
    missing: z.array(z.string()),
    ratio: z.number().nullable(),
  }),
  /** Need, capacity and shortfall of all rows, each summed per unit (never across units). */
  totals: z.object({ need: z.array(ZUnitTotal), capacity: z.array(ZUnitTotal), shortfall: z.array(ZUnitTotal) }),
  /** Whether this method estimates any need here; if not, why ("no survey results"). */
  estimate: ZMethodEstimate,
  /** Coverage of all needs together in each municipality, for the map. */
  units: z.array(ZUnitCoverage),
  /** Sites whose settlement is in no municipality known here. */
  unplacedSites: z.number().int(),
  /** The figures rest on synthetic demonstration sites or illustrative norms: the UI says so. */
  demoSites: z.boolean(),
  illustrativeNorms: z.boolean(),
});
export type TGapDashboard = z.infer<typeof ZGapDashboard>;

export const ZGapMethodsQuery = ZGapQuery.omit({ method: true });

export const ZGapMapQuery = ZGapQuery.extend({ serviceType: z.string().optional() });
export const ZGapMap = z.object({ serviceType: z.string().nullable(), units: z.array(ZUnitCoverage) });
export type TGapMap = z.infer<typeof ZGapMap>;

export const ZExplainQuery = ZGapQuery.extend({ serviceType: z.string() });

const ZPopulationSourceView = z.object({
  how: z.enum(['direct', 'sum_of_parts', 'apportioned']),
  year: z.number().int(),
  approximated: z.boolean(),
  parts: z.number().int().optional(),
  mixedYears: z.boolean().optional(),
  from: z.object({ territory: ZTerritoryRef, value: z.number(), year: z.number().int() }).optional(),
  share: z.object({ year: z.number().int(), own: z.number(), enclosing: z.number(), of: z.enum(['peers', 'enclosing']) }).optional(),
});

export const ZExplainUnit = z.object({
  territory: ZTerritoryRef,
  row: ZGapRow,
  normative: z.object({
    value: z.number().nullable(),
    missing: z.enum(['no_norm', 'no_target_population']).nullable(),
    norm: z
      .object({
        id: z.number().int(),
        territory: ZTerritoryRef,
        ratePer1000: z.number(),
        target: z.unknown(),
        source: z.string().nullable(),
        illustrative: z.boolean(),
      })
      .nullable(),
    target: z.object({ value: z.number(), source: ZPopulationSourceView }).nullable(),
  }),
  observed: z.object({ value: z.number(), incomplete: z.boolean() }),
  /** The survey-based estimate of the unit, and the assessment it comes from. */
  survey: z.object({ value: z.number(), low: z.number(), high: z.number(), assessmentId: z.number().int() }).nullable(),
  sites: z.array(
    z.object({
      id: z.number().int(),
      siteKey: z.string(),
      name: z.string(),
      settlement: ZTerritoryRef,
      capacity: z.number(),
      users: z.number().nullable(),
      waitingList: z.number().nullable(),
      share: z.number(),
      shareBasis: z.enum(['sole', 'target_population', 'equal']),
      weight: z.number().nullable(),
      demo: z.boolean(),
    }),
  ),
});
export type TExplainUnit = z.infer<typeof ZExplainUnit>;

export const ZGapExplanation = z.object({
  territory: ZTerritoryRef,
  serviceType: z.string(),
  method: ZGapMethod,
  year: z.number().int(),
  total: ZGapRow.nullable(),
  units: z.array(ZExplainUnit),
});
export type TGapExplanation = z.infer<typeof ZGapExplanation>;
