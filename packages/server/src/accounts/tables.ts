import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { territory } from '../territories/tables';

export const appUser = pgTable(
  'app_user',
  {
    id: serial('id').primaryKey(),
    /** Lower-cased sign-in name (an e-mail address or a login). */
    login: text('login').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** The unit whose subtree the account may see; null only for admins. */
    territoryId: integer('territory_id').references(() => territory.id),
    /** For providers: the provider name whose sites the account may edit. */
    organisation: text('organisation'),
    language: text('language').notNull().default('en'),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('app_user_login').on(t.login)],
);

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie's token: a leaked table does not give working sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_user').on(t.userId)],
);
