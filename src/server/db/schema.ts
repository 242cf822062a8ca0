// The one schema index: every module's tables, for Drizzle, drizzle-kit and better-auth's adapter.

export * from '../http/rate-limit.tables.js';
export * from '../modules/audit/audit.tables.js';
export * from '../modules/auth/auth.tables.js';
export * from '../modules/contacts/contacts.tables.js';
export * from '../modules/contacts/privacy.tables.js';
export * from '../modules/contract/contract.tables.js';
export * from '../modules/events/events.tables.js';
export * from '../modules/files/files.tables.js';
export * from '../modules/links/links.tables.js';
export * from '../modules/mail/mail.tables.js';
export * from '../modules/networks/networks.tables.js';
export * from '../modules/publicsite/publicsite.tables.js';
export * from '../modules/steering/steering.tables.js';
export * from '../modules/structure/structure.tables.js';
export * from '../modules/surveys/surveys.tables.js';
export * from '../modules/system/system.tables.js';
export * from '../modules/trace/trace.tables.js';
export * from '../modules/work/work.tables.js';
