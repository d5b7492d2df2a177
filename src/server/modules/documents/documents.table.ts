import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { units } from '../units/units.table.js';

/**
 * Directive documents. `unit_id` is the unit that issued or owns the document when it is a local one (a commune's
 * plan); central documents (a Party directive, a law) have none and every reader with documents.read sees them.
 * `seed_key` marks the documents installed at start-up.
 */
export const documents = pgTable(
  'documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuedYear: smallint('issued_year').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    title: text('title').notNull(),
    /** Number, issuer and title, lower case without diacritics: "09 ct tw ban bi thu …". */
    searchText: text('search_text').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    provinceCode: text('province_code'),
    seedKey: text('seed_key'),
    notes: text('notes'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('documents_seed_key_uq').on(table.seedKey),
    index('documents_unit_idx').on(table.unitId),
    index('documents_kind_idx').on(table.kind, table.issuedYear),
    index('documents_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
  ],
);

/** "this document implements / replaces / amends that one". */
export const documentLinks = pgTable(
  'document_links',
  {
    fromId: integer('from_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    toId: integer('to_id')
      .notNull()
      .references(() => documents.id),
    relation: text('relation').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.fromId, table.toId, table.relation] }),
    index('document_links_to_idx').on(table.toId, table.relation),
  ],
);
