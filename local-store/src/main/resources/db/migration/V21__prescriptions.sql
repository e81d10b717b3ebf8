-- Prescriptions (処方) on the chart envelope (docs/adr/0029), and the clinic usage table (用法).
-- Content tables are insert-only (vendor migration V22 adds the triggers); chart_rx_current is a mutable index of each
-- record's current revision (one row per record that is not tombstoned), moved in the same transaction as the revision
-- insert, so "what is the patient taking" reads a few index rows. Quantities are exact decimal text (never floating point).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE chart_record DROP CONSTRAINT chart_record_kind;
ALTER TABLE chart_record ADD CONSTRAINT chart_record_kind
  CHECK (kind IN ('NOTE', 'PROBLEM', 'ALLERGY', 'INFECTION', 'CONTRAINDICATION', 'LAB', 'VITAL', 'PRESCRIPTION'));

-- 用法: the clinic's usage table. Mutable settings, not a chart record; codes are stable (a prescription keeps code and text).
CREATE TABLE rx_usage (
  code           VARCHAR(8)   NOT NULL PRIMARY KEY,
  display_text   VARCHAR(40)  NOT NULL,
  timing         VARCHAR(10)  NOT NULL,
  doses_per_day  INTEGER      NOT NULL,
  sort_order     INTEGER      NOT NULL,
  CONSTRAINT rx_usage_timing CHECK (timing IN ('DAILY', 'AS_NEEDED', 'NONE')),
  CONSTRAINT rx_usage_doses CHECK ((timing = 'DAILY' AND doses_per_day BETWEEN 1 AND 12) OR (timing <> 'DAILY' AND doses_per_day = 0))
);
INSERT INTO rx_usage (code, display_text, timing, doses_per_day, sort_order) VALUES
  ('1A', '1日1回朝食後', 'DAILY', 1, 10),
  ('1B', '1日1回朝食前', 'DAILY', 1, 20),
  ('1L', '1日1回昼食後', 'DAILY', 1, 30),
  ('1E', '1日1回夕食後', 'DAILY', 1, 40),
  ('1S', '1日1回就寝前', 'DAILY', 1, 50),
  ('2AE', '1日2回朝夕食後', 'DAILY', 2, 60),
  ('2AS', '1日2回朝食後・就寝前', 'DAILY', 2, 70),
  ('3A', '1日3回毎食後', 'DAILY', 3, 80),
  ('3B', '1日3回毎食前', 'DAILY', 3, 90),
  ('3M', '1日3回毎食間', 'DAILY', 3, 100),
  ('4AS', '1日4回毎食後・就寝前', 'DAILY', 4, 110),
  ('PRN', '頓用', 'AS_NEEDED', 0, 200),
  ('PAIN', '疼痛時', 'AS_NEEDED', 0, 210),
  ('FEVER', '発熱時', 'AS_NEEDED', 0, 220),
  ('SLEEP', '不眠時', 'AS_NEEDED', 0, 230),
  ('NAUSEA', '嘔気時', 'AS_NEEDED', 0, 240),
  ('TOP', '1日数回患部に塗布', 'NONE', 0, 300),
  ('TOP1', '1日1回患部に貼付', 'NONE', 0, 310),
  ('TOP2', '1日2回患部に貼付', 'NONE', 0, 320),
  ('EYE4', '1日4回両眼に点眼', 'NONE', 0, 330),
  ('GARGLE', '1日数回うがい', 'NONE', 0, 340),
  ('INJ', '注射', 'NONE', 0, 400);

-- One prescription record per visit: the unique visit_id is the "one per visit" key.
CREATE TABLE chart_rx_visit (
  visit_id   BIGINT  NOT NULL PRIMARY KEY REFERENCES visit (id),
  record_id  BIGINT  NOT NULL REFERENCES chart_record (id),
  CONSTRAINT chart_rx_visit_record UNIQUE (record_id)
);

-- A prescription revision's content. start_date is the visit date; last_date the last day any group covers.
CREATE TABLE chart_rx_content (
  revision_id  BIGINT           NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  kind         VARCHAR(8)       NOT NULL,
  refills      INTEGER          NOT NULL,
  remark       VARCHAR(200000)  NOT NULL,
  start_date   DATE             NOT NULL,
  last_date    DATE             NOT NULL,
  CONSTRAINT chart_rx_kind CHECK (kind IN ('OUTSIDE', 'INSIDE')),
  CONSTRAINT chart_rx_refills CHECK (refills IN (0, 2, 3) AND (refills = 0 OR kind = 'OUTSIDE'))
);

-- 剤 (Rp), numbered from 1 in prescription order. covered_days: the days the group counts as taken (docs/adr/0029).
CREATE TABLE chart_rx_group (
  revision_id   BIGINT           NOT NULL REFERENCES chart_rx_content (revision_id),
  group_no      INTEGER          NOT NULL,
  route         VARCHAR(10)      NOT NULL,
  usage_code    VARCHAR(8)       NOT NULL,
  usage_text    VARCHAR(40)      NOT NULL,
  usage_note    VARCHAR(200000)  NOT NULL,
  days          INTEGER,
  times         INTEGER,
  covered_days  INTEGER          NOT NULL,
  remark        VARCHAR(200000)  NOT NULL,
  PRIMARY KEY (revision_id, group_no),
  CONSTRAINT chart_rx_group_route CHECK (route IN ('ORAL', 'TOPICAL', 'AS_NEEDED', 'INJECTION')),
  CONSTRAINT chart_rx_group_days CHECK (days IS NULL OR days BETWEEN 1 AND 365),
  CONSTRAINT chart_rx_group_times CHECK (times IS NULL OR times BETWEEN 1 AND 365)
);

-- A drug of a group, numbered from 1. Quantities are exact decimal text in the master's unit.
CREATE TABLE chart_rx_item (
  revision_id      BIGINT           NOT NULL,
  group_no         INTEGER          NOT NULL,
  item_no          INTEGER          NOT NULL,
  drug_code        VARCHAR(9)       NOT NULL,
  drug_name        VARCHAR(200)     NOT NULL,
  yj_code          VARCHAR(12)      NOT NULL,
  by_generic       BOOLEAN          NOT NULL,
  generic_code     VARCHAR(12)      NOT NULL,
  generic_name     VARCHAR(200)     NOT NULL,
  dose             VARCHAR(20),
  per_day          VARCHAR(20),
  unit             VARCHAR(20)      NOT NULL,
  no_substitution  BOOLEAN          NOT NULL,
  patient_request  BOOLEAN          NOT NULL,
  selected_care    BOOLEAN          NOT NULL,
  remark           VARCHAR(200000)  NOT NULL,
  PRIMARY KEY (revision_id, group_no, item_no),
  CONSTRAINT chart_rx_item_group FOREIGN KEY (revision_id, group_no) REFERENCES chart_rx_group (revision_id, group_no)
);

-- Safety findings overridden when the revision was signed (the 禁忌 override reasons), stored with the revision.
CREATE TABLE chart_rx_override (
  revision_id    BIGINT        NOT NULL REFERENCES chart_rx_content (revision_id),
  seq            INTEGER       NOT NULL,
  finding_code   VARCHAR(40)   NOT NULL,
  finding_level  VARCHAR(20)   NOT NULL,
  drug_code      VARCHAR(9)    NOT NULL,
  reason         VARCHAR(500)  NOT NULL,
  PRIMARY KEY (revision_id, seq)
);

-- Index of current prescription revisions: what a patient is taking on a date (patient, last day covered).
CREATE TABLE chart_rx_current (
  record_id    BIGINT  NOT NULL PRIMARY KEY REFERENCES chart_record (id),
  patient_id   BIGINT  NOT NULL REFERENCES patient (id),
  visit_id     BIGINT  NOT NULL REFERENCES visit (id),
  start_date   DATE    NOT NULL,
  last_date    DATE    NOT NULL,
  revision_id  BIGINT  NOT NULL REFERENCES chart_rx_content (revision_id)
);
CREATE INDEX chart_rx_current_taken ON chart_rx_current (patient_id, last_date, start_date, revision_id);
CREATE INDEX chart_rx_current_visit ON chart_rx_current (patient_id, start_date, visit_id);
