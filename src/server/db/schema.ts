/** Every table of every module, for Drizzle and drizzle-kit. Modules add their `*.table.ts` here. */
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/jobs/jobs.table.js';
export * from '../modules/models/models.table.js';
export * from '../modules/recognition/recognition.table.js';
export * from '../modules/system/system.table.js';
export * from '../modules/teams/teams.table.js';
export * from '../modules/units/units.table.js';
