import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A unit is an identity that lasts: a commune that came through the 2025 reform unchanged keeps its row (and the
 * records attached to it); what changes over time (name, type, parent, and so the path) lives in unit_versions.
 * `validFrom` is null when the unit existed before the records begin; `validTo` is null while it still exists.
 */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    /** The province code of the unit's latest version: fact tables distribute by it. */
    provinceCode: text('province_code').notNull(),
    source: text('source').notNull().default('official'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('units_code_kind_from_uq').on(
      table.code,
      table.kind,
      sql`coalesce(${table.validFrom}, '0001-01-01')`,
    ),
    index('units_province_idx').on(table.provinceCode),
  ],
);

export const unitVersions = pgTable(
  'unit_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    name: text('name').notNull(),
    /** The type word as written in Vietnamese: "Xã", "Phường", "Tỉnh", "Thôn", "Trường THCS"… */
    typeName: text('type_name').notNull(),
    fullName: text('full_name').notNull(),
    /** English type code of the official lists (ward, commune, municipality…); null for local units. */
    typeCode: text('type_code'),
    nameEn: text('name_en'),
    parentId: integer('parent_id').references(() => units.id),
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    /** Lower-case, no diacritics: "xa nhon loc". Trigram-indexed for `q=` search. */
    searchName: text('search_name').notNull(),
    legalBasis: text('legal_basis'),
  },
  (table) => [
    index('unit_versions_unit_idx').on(table.unitId, table.validFrom),
    index('unit_versions_parent_idx').on(table.parentId),
    index('unit_versions_path_idx').on(sql`${table.path} text_pattern_ops`),
    index('unit_versions_search_trgm_idx').using('gin', sql`${table.searchName} gin_trgm_ops`),
  ],
);

/** Predecessor → successor links: merge, split, rename; whole or partial transfer. */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    successorId: integer('successor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    relation: text('relation').notNull(),
    change: text('change').notNull(),
    note: text('note'),
    legalBasis: text('legal_basis'),
  },
  (table) => [
    uniqueIndex('unit_lineage_pair_uq').on(table.predecessorId, table.successorId, table.effectiveDate),
    index('unit_lineage_successor_idx').on(table.successorId),
  ],
);
