import { z } from 'zod';
import { ZId } from '../validation/bounded';

export const PROVIDER_KINDS = ['public', 'ngo', 'private'] as const;
export const ZProviderKind = z.enum(PROVIDER_KINDS);
export type TProviderKind = z.infer<typeof ZProviderKind>;

export const FUNDING_SOURCES = ['state', 'municipal', 'project', 'other'] as const;
export const ZFunding = z.enum(FUNDING_SOURCES);
export type TFunding = z.infer<typeof ZFunding>;

const count = z.number().int().min(0);
const positions = z.number().min(0).max(100_000);

/**
 * The editable facts of a service site in one year. The same shape is the create/edit form, the
 * API body and (with codes instead of ids) a row of the services import file.
 */
export const ZServiceSiteInput = z
  .object({
    siteKey: z.string().trim().min(1).max(100),
    year: z.number().int().min(1990).max(2100),
    name: z.string().trim().min(1).max(300),
    serviceType: z.string().min(1),
    provider: z.string().trim().min(1).max(300),
    providerKind: ZProviderKind,
    settlementId: ZId,
    address: z.string().trim().max(500).nullable().default(null),
    /** Territories the site serves; empty means its own municipality. */
    servesIds: z.array(ZId).max(1000).default([]),
    capacity: count.max(1_000_000),
    users: count.max(1_000_000).nullable().default(null),
    waitingList: count.max(1_000_000).nullable().default(null),
    staffPositions: positions.nullable().default(null),
    staffVacancies: positions.nullable().default(null),
    funding: ZFunding.nullable().default(null),
    mobile: z.boolean().default(false),
    accessible: z.boolean().nullable().default(null),
    opened: z.iso.date().nullable().default(null),
  })
  .refine((s) => s.staffVacancies === null || s.staffPositions === null || s.staffVacancies <= s.staffPositions, {
    path: ['staffVacancies'],
    message: 'vacancies_exceed_positions',
  });
export type TServiceSiteInput = z.infer<typeof ZServiceSiteInput>;

export const ZServiceSite = z.object({
  id: z.number().int(),
  country: z.string(),
  siteKey: z.string(),
  year: z.number().int(),
  name: z.string(),
  serviceType: z.string(),
  provider: z.string(),
  providerKind: ZProviderKind,
  settlementId: z.number().int(),
  address: z.string().nullable(),
  servesIds: z.array(z.number().int()),
  capacity: z.number().int(),
  users: z.number().int().nullable(),
  waitingList: z.number().int().nullable(),
  staffPositions: z.number().nullable(),
  staffVacancies: z.number().nullable(),
  funding: ZFunding.nullable(),
  mobile: z.boolean(),
  accessible: z.boolean().nullable(),
  opened: z.string().nullable(),
  /** Synthetic demonstration data, not a real register entry. */
  demo: z.boolean(),
});
export type TServiceSite = z.infer<typeof ZServiceSite>;

/** What the gap computation needs to know about a site. */
export type TGapSite = Pick<
  TServiceSite,
  'id' | 'serviceType' | 'settlementId' | 'servesIds' | 'capacity' | 'users' | 'waitingList' | 'staffPositions' | 'staffVacancies'
>;
