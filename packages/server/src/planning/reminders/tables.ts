import { date, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { appUser } from '../../accounts/tables';

/**
 * The reminder digests sent: one row per person and day. The key makes "one digest a day" hold
 * across several app servers (and a cron run next to them): whoever inserts the row sends it.
 */
export const reminderSent = pgTable(
  'reminder_sent',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
