-- Lab results (検査結果) and vitals (バイタル) on the chart envelope (docs/adr/0026), and the clinic-local lab
-- catalogue (検査項目). Content tables are insert-only (vendor migration V19 adds the triggers); the *_current
-- tables are a mutable index of each record's current revision (one row per record that is not tombstoned),
-- moved in the same transaction as the revision insert, so the chart's queries need not scan old revisions.
-- Decimal values are stored as their exact decimal text (never binary floating point).

-- 検査項目: the clinic's lab catalogue. Mutable settings, not a chart record.
CREATE TABLE lab_item (
  local_code   VARCHAR(20)  NOT NULL PRIMARY KEY,
  name         VARCHAR(60)  NOT NULL,
  -- JLAC10 (17 characters) when mapped, '' otherwise
  jlac10       VARCHAR(17)  NOT NULL,
  unit         VARCHAR(20)  NOT NULL,
  qualitative  BOOLEAN      NOT NULL,
  range_low    VARCHAR(20),
  range_high   VARCHAR(20),
  range_text   VARCHAR(20)  NOT NULL,
  -- a separate default range for women; all three NULL when the common range applies
  female_low   VARCHAR(20),
  female_high  VARCHAR(20),
  female_text  VARCHAR(20),
  sort_order   INTEGER      NOT NULL
);

-- A lab result revision's content. flag is the effective 異常フラグ; given_flag is the one entered (NULL: computed).
CREATE TABLE chart_lab_content (
  revision_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  local_code     VARCHAR(20)  NOT NULL,
  test_name      VARCHAR(60)  NOT NULL,
  jlac10         VARCHAR(17)  NOT NULL,
  value_kind     VARCHAR(12)  NOT NULL,
  value_text     VARCHAR(40)  NOT NULL,
  unit           VARCHAR(20)  NOT NULL,
  range_low      VARCHAR(20),
  range_high     VARCHAR(20),
  range_text     VARCHAR(20)  NOT NULL,
  given_flag     VARCHAR(1),
  flag           VARCHAR(1)   NOT NULL,
  specimen_date  DATE         NOT NULL,
  visit_id       BIGINT       REFERENCES visit (id),
  CONSTRAINT chart_lab_value_kind CHECK (value_kind IN ('NUMERIC', 'QUALITATIVE')),
  CONSTRAINT chart_lab_flag CHECK (flag IN ('H', 'L', 'N', 'A')),
  CONSTRAINT chart_lab_given_flag CHECK (given_flag IS NULL OR given_flag IN ('H', 'L', 'N', 'A'))
);

-- Index of current lab revisions: latest per test, one test's series, newest N.
CREATE TABLE chart_lab_current (
  record_id      BIGINT       NOT NULL PRIMARY KEY REFERENCES chart_record (id),
  patient_id     BIGINT       NOT NULL REFERENCES patient (id),
  local_code     VARCHAR(20)  NOT NULL,
  specimen_date  DATE         NOT NULL,
  revision_id    BIGINT       NOT NULL REFERENCES chart_lab_content (revision_id)
);
CREATE INDEX chart_lab_current_test ON chart_lab_current (patient_id, local_code, specimen_date, record_id, revision_id);
CREATE INDEX chart_lab_current_date ON chart_lab_current (patient_id, specimen_date, record_id);

-- A vitals revision's content: any subset of the measurements; bmi derived from height and weight.
CREATE TABLE chart_vital_content (
  revision_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  measured_at_ms  BIGINT        NOT NULL,
  systolic        INTEGER,
  diastolic       INTEGER,
  pulse           INTEGER,
  temperature     DECIMAL(4, 1),
  spo2            INTEGER,
  height_cm       DECIMAL(5, 1),
  weight_kg       DECIMAL(5, 1),
  bmi             DECIMAL(7, 1),
  visit_id        BIGINT        REFERENCES visit (id),
  CONSTRAINT chart_vital_some CHECK (systolic IS NOT NULL OR diastolic IS NOT NULL OR pulse IS NOT NULL
    OR temperature IS NOT NULL OR spo2 IS NOT NULL OR height_cm IS NOT NULL OR weight_kg IS NOT NULL)
);

CREATE TABLE chart_vital_current (
  record_id       BIGINT  NOT NULL PRIMARY KEY REFERENCES chart_record (id),
  patient_id      BIGINT  NOT NULL REFERENCES patient (id),
  measured_at_ms  BIGINT  NOT NULL,
  revision_id     BIGINT  NOT NULL REFERENCES chart_vital_content (revision_id)
);
CREATE INDEX chart_vital_current_time ON chart_vital_current (patient_id, measured_at_ms, record_id);

-- Default catalogue: common clinic tests with the JCCLS 共用基準範囲 (adult). JLAC10 only where a JP-CLINS example
-- file shows the code (ALB, K, eGFR, 尿蛋白 定性); the others are left for the clinic to map (docs/adr/0026).
INSERT INTO lab_item (local_code, name, jlac10, unit, qualitative, range_low, range_high, range_text, female_low, female_high,
  female_text, sort_order) VALUES
  ('TP', '総蛋白', '', 'g/dL', FALSE, '6.6', '8.1', '', NULL, NULL, NULL, 10),
  ('ALB', 'アルブミン', '3A015000001827101', 'g/dL', FALSE, '4.1', '5.1', '', NULL, NULL, NULL, 20),
  ('AST', 'AST', '', 'U/L', FALSE, '13', '30', '', NULL, NULL, NULL, 30),
  ('ALT', 'ALT', '', 'U/L', FALSE, '10', '42', '', '7', '23', '', 40),
  ('GGT', 'γ-GTP', '', 'U/L', FALSE, '13', '64', '', '9', '32', '', 50),
  ('TBIL', '総ビリルビン', '', 'mg/dL', FALSE, '0.4', '1.5', '', NULL, NULL, NULL, 60),
  ('BUN', '尿素窒素', '', 'mg/dL', FALSE, '8', '20', '', NULL, NULL, NULL, 70),
  ('CRE', 'クレアチニン', '', 'mg/dL', FALSE, '0.65', '1.07', '', '0.46', '0.79', '', 80),
  ('EGFR', 'eGFR', '8A065000002391901', 'mL/min/1.73m2', FALSE, '60', NULL, '', NULL, NULL, NULL, 90),
  ('UA', '尿酸', '', 'mg/dL', FALSE, '3.7', '7.8', '', '2.6', '5.5', '', 100),
  ('NA', 'ナトリウム', '', 'mmol/L', FALSE, '138', '145', '', NULL, NULL, NULL, 110),
  ('K', 'カリウム', '3H015000002326101', 'mmol/L', FALSE, '3.6', '4.8', '', NULL, NULL, NULL, 120),
  ('CL', 'クロール', '', 'mmol/L', FALSE, '101', '108', '', NULL, NULL, NULL, 130),
  ('TC', '総コレステロール', '', 'mg/dL', FALSE, '142', '248', '', NULL, NULL, NULL, 140),
  ('HDLC', 'HDLコレステロール', '', 'mg/dL', FALSE, '38', '90', '', '48', '103', '', 150),
  ('LDLC', 'LDLコレステロール', '', 'mg/dL', FALSE, '65', '163', '', NULL, NULL, NULL, 160),
  ('TG', '中性脂肪', '', 'mg/dL', FALSE, '40', '234', '', '30', '117', '', 170),
  ('GLU', '血糖', '', 'mg/dL', FALSE, '73', '109', '', NULL, NULL, NULL, 180),
  ('HBA1C', 'HbA1c(NGSP)', '', '%', FALSE, '4.9', '6.0', '', NULL, NULL, NULL, 190),
  ('CRP', 'CRP', '', 'mg/dL', FALSE, '0.00', '0.14', '', NULL, NULL, NULL, 200),
  ('WBC', '白血球数', '', '10^3/μL', FALSE, '3.3', '8.6', '', NULL, NULL, NULL, 210),
  ('RBC', '赤血球数', '', '10^6/μL', FALSE, '4.35', '5.55', '', '3.86', '4.92', '', 220),
  ('HB', 'ヘモグロビン', '', 'g/dL', FALSE, '13.7', '16.8', '', '11.6', '14.8', '', 230),
  ('HT', 'ヘマトクリット', '', '%', FALSE, '40.7', '50.1', '', '35.1', '44.4', '', 240),
  ('PLT', '血小板数', '', '10^3/μL', FALSE, '158', '348', '', NULL, NULL, NULL, 250),
  ('UPRO', '尿蛋白(定性)', '1A990000000190153', '', TRUE, NULL, NULL, '(-)', NULL, NULL, NULL, 260);
