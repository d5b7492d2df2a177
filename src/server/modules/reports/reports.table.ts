import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TemplateSection } from '../../../contracts/reports.js';
import { units } from '../units/units.table.js';

/**
 * Report templates: a titled list of sections of indicator rows (validated against src/contracts/reports.ts and
 * the indicator catalogue). Built-in templates are seeded at start-up and read-only; users copy them into templates
 * owned by their unit (null owner: a national user's template).
 */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    periodKind: text('period_kind').notNull(),
    comparison: text('comparison').notNull(),
    sections: jsonb('sections').$type<TemplateSection[]>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    copiedFromId: integer('copied_from_id'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('report_templates_code_uq').on(table.code),
    index('report_templates_owner_idx').on(table.ownerUnitId),
  ],
);
