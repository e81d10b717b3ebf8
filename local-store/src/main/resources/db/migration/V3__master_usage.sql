-- How often this clinic chose each master item: ranks the usual ones first in search.
CREATE TABLE master_usage (
  kind   VARCHAR(1)  NOT NULL,
  code   VARCHAR(12) NOT NULL,
  uses   INTEGER     NOT NULL,
  CONSTRAINT master_usage_pk PRIMARY KEY (kind, code)
);
