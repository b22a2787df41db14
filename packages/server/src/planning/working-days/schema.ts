import { z } from 'zod';
import { ZCountry, ZId, ZIdText, ZYearText } from '@potreby/domain';
import { ZIsoDate } from '@potreby/domain/planning/deadlines/iso-date';

export const ZWorkingDaysQuery = z.object({ country: ZCountry, year: ZYearText });
export const ZAmendment = z.object({ id: ZId, date: z.string(), working: z.boolean(), note: z.string() });
export const ZWorkingCalendar = z.object({
  country: ZCountry,
  year: z.number().int(),
  /** Whether public holidays are days off in the country (not in Ukraine under martial law). */
  holidaysOff: z.boolean(),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), substitute: z.boolean() })),
  amendments: z.array(ZAmendment),
});
export const ZAmendmentInput = z.object({ country: ZCountry, date: ZIsoDate, working: z.boolean(), note: z.string().trim().max(500).default('') });
export const ZAmendmentParam = z.object({ id: ZIdText });
