-- Problems (傷病名), allergies, drug contraindications and infections on the chart envelope (docs/adr/0025,
-- amendment): a chart_record of their kind and its chart_revision rows; each non-tombstone revision has one typed
-- content row (a problem also its 修飾語 rows). Insert-only: the vendor migration V17 adds the append-only triggers.

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

-- アレルギー: drug by ingredient (YJ 7-character prefix) or product (YJ 12 / レセ電 9), food, other.
CREATE TABLE chart_allergy_content (
  revision_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  allergy_kind   VARCHAR(16)   NOT NULL,
  code           VARCHAR(12)   NOT NULL,
  name           VARCHAR(100)  NOT NULL,
  reaction       VARCHAR(200)  NOT NULL,
  severity       VARCHAR(10)   NOT NULL,
  CONSTRAINT chart_allergy_kind CHECK (allergy_kind IN ('DRUG_INGREDIENT', 'DRUG_PRODUCT', 'FOOD', 'OTHER')),
  CONSTRAINT chart_allergy_severity CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE', 'UNKNOWN')),
  CONSTRAINT chart_allergy_code CHECK (code = '' OR allergy_kind IN ('DRUG_INGREDIENT', 'DRUG_PRODUCT'))
);

-- 薬剤禁忌 by ingredient (YJ 7-character prefix).
CREATE TABLE chart_contraindication_content (
  revision_id      BIGINT        NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  ingredient_code  VARCHAR(7)    NOT NULL,
  name             VARCHAR(100)  NOT NULL,
  reason           VARCHAR(200)  NOT NULL
);

-- 感染症: agent (HBV, HCV, HIV, syphilis, other named), result, test date when known.
CREATE TABLE chart_infection_content (
  revision_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES chart_revision (id),
  agent        VARCHAR(10)   NOT NULL,
  agent_text   VARCHAR(100)  NOT NULL,
  result       VARCHAR(10)   NOT NULL,
  test_date    DATE,
  CONSTRAINT chart_infection_agent CHECK (agent IN ('HBV', 'HCV', 'HIV', 'SYPHILIS', 'OTHER')),
  CONSTRAINT chart_infection_result CHECK (result IN ('POSITIVE', 'NEGATIVE', 'UNKNOWN')),
  CONSTRAINT chart_infection_agent_text CHECK ((agent = 'OTHER') = (agent_text <> ''))
);
