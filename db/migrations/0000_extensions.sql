-- Trigram indexes make diacritic-insensitive "contains" search fast (pg_trgm is a trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
