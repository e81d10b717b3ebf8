-- Problems (傷病名) on the chart envelope (docs/adr/0025, amendment): a PROBLEM chart_record and its
-- chart_revision rows; each non-tombstone revision has one typed content row and its 修飾語 rows.
-- Insert-only: the vendor migration V17 adds the append-only triggers. Portable SQL (H2 2.x, PostgreSQL).

CREATE TABLE chart_problem_content (
  revision_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  -- 傷病名マスター code (7 digits); 0000999 = 未コード化傷病名, display_name then is the typed name
  disease_code   VARCHAR(7)    NOT NULL,
  display_name   VARCHAR(400)  NOT NULL,
  main_disease   BOOLEAN       NOT NULL,
  suspected      BOOLEAN       NOT NULL,
  course         VARCHAR(8)    NOT NULL,
  start_date     DATE          NOT NULL,
  outcome        VARCHAR(12)   NOT NULL,
  outcome_date   DATE,
  CONSTRAINT chart_problem_course CHECK (course IN ('NONE', 'ACUTE', 'CHRONIC')),
  CONSTRAINT chart_problem_outcome CHECK (outcome IN ('NONE', 'CURED', 'DIED', 'DISCONTINUED', 'TRANSFERRED')),
  CONSTRAINT chart_problem_outcome_date CHECK ((outcome = 'NONE' AND outcome_date IS NULL)
    OR (outcome <> 'NONE' AND outcome_date IS NOT NULL AND outcome_date >= start_date))
);

-- 修飾語 of a problem revision, in written order (prefixes, then suffixes), as the claim's SY record lists them.
CREATE TABLE chart_problem_modifier (
  revision_id    BIGINT       NOT NULL REFERENCES chart_problem_content (revision_id),
  ordinal        INTEGER      NOT NULL,
  modifier_code  VARCHAR(4)   NOT NULL,
  CONSTRAINT chart_problem_modifier_pk PRIMARY KEY (revision_id, ordinal),
  CONSTRAINT chart_problem_modifier_ordinal CHECK (ordinal >= 1 AND ordinal <= 20)
);
