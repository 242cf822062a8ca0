import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Installation-wide settings shared by every app instance, e.g. the generated session secret when
 * none is configured: kept in the database so that two instances behind a proxy sign alike.
 */
export const installationSetting = pgTable('installation_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
