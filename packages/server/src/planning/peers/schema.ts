import { z } from 'zod';
import { ZCapacityUnit, ZCountry, ZIdText } from '@potreby/domain';
import { ZRoundMethod } from '../schema';

export const ZPeersQuery = z.object({ municipalityId: ZIdText, lang: z.enum(['bg', 'uk', 'pl', 'en']).optional() });

const ZPeerMunicipality = z.object({
  municipalityId: z.number().int(),
  code: z.string(),
  /** In the reader's language. */
  name: z.string(),
  region: z.string().nullable(),
  population: z.number().nullable(),
  shareAged65: z.number().nullable(),
  /** Null: not known (no territory data says which settlements are towns). */
  urbanShare: z.number().nullable(),
  /** Distance of the z-scored features to the municipality (domain planning/peers.ts); null for itself. */
  distance: z.number().nullable(),
});

export const ZPeers = z.object({
  round: z.number().int(),
  country: ZCountry,
  method: ZRoundMethod,
  year: z.number().int(),
  /** The features the distance is taken over, and those left out for want of data. */
  features: z.array(z.string()),
  unknownFeatures: z.array(z.string()),
  municipality: ZPeerMunicipality,
  peers: z.array(ZPeerMunicipality),
  /** Per service type: coverage (capacity ÷ need, a share) — null where there is no estimate. */
  rows: z.array(
    z.object({
      serviceType: z.string(),
      unit: ZCapacityUnit,
      own: z.number().nullable(),
      median: z.number().nullable(),
      peers: z.array(z.object({ municipalityId: z.number().int(), coverage: z.number().nullable() })),
    }),
  ),
});
export type TPeers = z.infer<typeof ZPeers>;
