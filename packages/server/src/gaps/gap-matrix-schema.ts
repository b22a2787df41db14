import { z } from 'zod';
import { ZCapacityUnit } from '@potreby/domain';
import { ZTerritoryRef } from '../http/schema';
import { ZGapMethod, ZGapRow, ZUnitTotal } from './schema';

/** The municipality × service-type matrix of a territory (`GET /api/v1/gaps/matrix`). */
export const ZGapMatrix = z.object({
  territory: ZTerritoryRef,
  year: z.number().int(),
  method: ZGapMethod,
  /** Every service type of the country, in the catalogue's order, with its capacity unit. */
  serviceTypes: z.array(z.object({ key: z.string(), unit: ZCapacityUnit })),
  /** Every municipality of the territory; `cells` in the order of `serviceTypes`. */
  units: z.array(z.object({ territory: ZTerritoryRef, cells: z.array(ZGapRow) })),
  /** The territory's row for each service type, in the order of `serviceTypes`. */
  totals: z.array(ZGapRow),
  /** Need, capacity and shortfall over all service types, per unit (never across units). */
  unitTotals: z.object({ need: z.array(ZUnitTotal), capacity: z.array(ZUnitTotal), shortfall: z.array(ZUnitTotal) }),
});
export type TGapMatrix = z.infer<typeof ZGapMatrix>;
