import { z } from 'zod';
import { ZCountry, ZServiceType } from '@potreby/domain';

export const ZServiceTypeQuery = z.object({ country: ZCountry.optional() });
export const ZServiceTypeList = z.object({ items: z.array(ZServiceType) });
export type TServiceTypeList = z.infer<typeof ZServiceTypeList>;

/** `/api/v1/service-types/:key`: a type's key (`bg.day_care_elderly`). */
export const ZServiceTypeKeyParam = z.object({ key: z.string().max(100) });

export { ZServiceTypeChange, ZServiceTypeInput } from '@potreby/domain';

export const ZIndicatorCatalogue = z.object({ items: z.array(z.object({ key: z.string() })) });
