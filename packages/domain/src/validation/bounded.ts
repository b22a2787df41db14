import { z } from 'zod';

/**
 * Numbers as the database stores them. Ids and counts are PostgreSQL `integer` columns; a value
 * beyond 2^31 − 1 reaches the database as an out-of-range error (a 500) unless the schema stops it
 * first. Every API schema builds its ids and whole numbers from these, so a request is refused at
 * the edge with a field error, never half-way through a statement.
 */
export const INT4_MAX = 2_147_483_647;

/** A row id in a JSON body. */
export const ZId = z.number().int().positive().max(INT4_MAX);

/** A row id in a path or query string (arrives as text). */
export const ZIdText = z.coerce.number().int().positive().max(INT4_MAX);

/** A whole number that fits an `integer` column (counts, capacities, years). */
export const ZInt = z.number().int().min(-INT4_MAX).max(INT4_MAX);

/** A whole number that is at least zero and fits an `integer` column. */
export const ZCount = z.number().int().min(0).max(INT4_MAX);

/** A year of data or of a plan: generous, but a year and not a typo. */
export const ZYear = z.number().int().min(1900).max(2200);
export const ZYearText = z.coerce.number().int().min(1900).max(2200);
