-- Drug memos (docs/adr/0032): the clinic's own 効能 and 注意 text per drug for the 薬剤情報提供書. memo_key is a 9-digit
-- 医薬品コード or a 7-character YJ ingredient key (one memo for every brand and strength). A plain table, replaced in place when
-- the clinic edits a memo (it holds no patient data; each save is in the audit log).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Instants are epoch milliseconds (UTC).
CREATE TABLE drug_memo (
  memo_key       VARCHAR(9)     NOT NULL PRIMARY KEY,
  drug_name      VARCHAR(200)   NOT NULL,
  effects        VARCHAR(1000)  NOT NULL,
  cautions       VARCHAR(1000)  NOT NULL,
  updated_at_ms  BIGINT         NOT NULL,
  updated_by     VARCHAR(64)    NOT NULL,
  CONSTRAINT drug_memo_key CHECK (CHAR_LENGTH(memo_key) IN (7, 9)),
  CONSTRAINT drug_memo_text CHECK (effects <> '' OR cautions <> '')
);
