-- External medication records are never deleted (docs/adr/0033): removing one ("not taken any more", "entered in error")
-- marks it with who, when and why; the safety check ignores removed records and the history keeps them.
-- Also the prescribing clinic's name as entered (optional).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Instants are epoch milliseconds (UTC).
ALTER TABLE external_medication ADD COLUMN removed_at_ms BIGINT;
ALTER TABLE external_medication ADD COLUMN removed_by VARCHAR(64);
ALTER TABLE external_medication ADD COLUMN removed_reason VARCHAR(200);
ALTER TABLE external_medication ADD COLUMN clinic_name VARCHAR(100) DEFAULT '' NOT NULL;
