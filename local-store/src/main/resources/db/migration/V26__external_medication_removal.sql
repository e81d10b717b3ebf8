-- External medication records are never deleted (docs/adr/0033): removing one ("not taken any more", "entered in error")
-- marks it with who, when and why; the safety check ignores removed records and the history keeps them.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Instants are epoch milliseconds (UTC).
ALTER TABLE external_medication ADD COLUMN removed_at_ms BIGINT;
ALTER TABLE external_medication ADD COLUMN removed_by VARCHAR(64);
ALTER TABLE external_medication ADD COLUMN removed_reason VARCHAR(200);
