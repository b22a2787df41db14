import { ZIdText } from '@potreby/domain';
import { z } from 'zod';
import { ZTerritoryParams } from '../consultation/schema';
import { PUBLIC_SECTIONS } from './publications';

export const ZPublicationParams = z.object({ id: ZIdText });
export const ZSectionParams = ZPublicationParams.extend({ section: z.enum(PUBLIC_SECTIONS) });
export const ZPublicationInput = z.object({ published: z.boolean() });
export type TPublicationInput = z.infer<typeof ZPublicationInput>;

export const ZPublications = z.object({
  territory: z.object({ id: z.number().int(), code: z.string(), country: z.string(), name: z.string(), level: z.string() }),
  /** The territory's public page (plain HTML, no sign-in). */
  publicPath: z.string(),
  /** Whether the actor may publish and withdraw here. */
  mayPublish: z.boolean(),
  sections: z.array(z.object({ section: z.enum(PUBLIC_SECTIONS), published: z.boolean(), publishedAt: z.string().nullable(), publishedBy: z.string().nullable() })),
});
export type TPublications = z.infer<typeof ZPublications>;

export const ZOpenDataParams = ZTerritoryParams.extend({ table: z.enum(PUBLIC_SECTIONS) });
