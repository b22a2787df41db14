import { integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser } from '../../accounts/tables';

/**
 * A person's secret calendar address (one per person): only the SHA-256 of the token is kept,
 * as for sessions, so a leaked table gives no working feed. Rotating replaces the row.
 */
export const calendarToken = pgTable(
  'calendar_token',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_token_hash').on(t.tokenHash)],
);
