/** Every table of every module, for Drizzle and drizzle-kit. Modules add their `*.table.ts` here. */
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/activities/activities.table.js';
export * from '../modules/attachments/attachments.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/awards/awards.table.js';
export * from '../modules/committees/committees.table.js';
export * from '../modules/documents/documents.table.js';
export * from '../modules/feedback/feedback.table.js';
export * from '../modules/jobs/jobs.table.js';
export * from '../modules/models/models.table.js';
export * from '../modules/programmes/programmes.table.js';
export * from '../modules/reintegration/reintegration.table.js';
export * from '../modules/system/system.table.js';
export * from '../modules/teams/teams.table.js';
export * from '../modules/units/units.table.js';
