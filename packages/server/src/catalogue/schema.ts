import { z } from 'zod';
import { ZCountry, ZServiceType } from '@potreby/domain';

export const ZServiceTypeQuery = z.object({ country: ZCountry.optional() });
export const ZServiceTypeList = z.object({ items: z.array(ZServiceType) });
export type TServiceTypeList = z.infer<typeof ZServiceTypeList>;

export const ZIndicatorCatalogue = z.object({ items: z.array(z.object({ key: z.string() })) });
