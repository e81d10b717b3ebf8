-- Prescription stamps (docs/adr/0031): a stamp may hold Rp groups (kind PRESCRIPTION, body in the versioned
-- PrescriptionStampCodec text). Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
ALTER TABLE stamp DROP CONSTRAINT stamp_kind;
ALTER TABLE stamp ADD CONSTRAINT stamp_kind CHECK (kind IN ('SUBJECTIVE', 'OBJECTIVE', 'ASSESSMENT', 'PLAN', 'PRESCRIPTION'));
