-- A counter advanced at every open and close of an embedded store and copied into the data folder's
-- marker: a database file older than its marker (truncated, or an old copy put back) is refused.
CREATE TABLE store_epoch (
  id  INTEGER NOT NULL PRIMARY KEY,
  n   BIGINT  NOT NULL,
  CONSTRAINT store_epoch_single_row CHECK (id = 1)
);
INSERT INTO store_epoch (id, n) VALUES (1, 0);
