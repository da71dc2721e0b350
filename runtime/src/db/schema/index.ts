/**
 * The database schema, one file per area so features own their tables. drizzle-kit reads every file in this folder
 * (`npm run db:generate`, see docs/ARCHITECTURE.md).
 */
export * from './core.js';
export * from './events.js';
export * from './files.js';
export * from './calendar.js';
export * from './knowledge.js';
export * from './contacts-leads.js';
export * from './inventory.js';
export * from './notifier.js';
