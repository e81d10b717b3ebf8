-- The clinic's patient number format (docs/adr/0022 amendment). Portable SQL (H2 2.x and PostgreSQL).
-- A prefix of 0 to 3 ASCII letters and the zero-padded width; both NULL until set in the clinic settings
-- (then the default applies: no prefix, 6 digits). The numbering sequence itself is not touched.

ALTER TABLE clinic ADD COLUMN patient_number_prefix VARCHAR(3);
ALTER TABLE clinic ADD COLUMN patient_number_width INTEGER;
