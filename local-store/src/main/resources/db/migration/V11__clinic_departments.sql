-- The clinic's departments (診療科) offered at check-in (docs/adr/0022). Portable SQL (H2 2.x and PostgreSQL).
-- One name per line; NULL until set in the clinic settings (then reception offers the default, 内科).

ALTER TABLE clinic ADD COLUMN departments VARCHAR(1300);
