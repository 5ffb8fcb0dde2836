-- 005_coverage.sql — how much of a document's text its fields took: the
-- characters of the lines some field (or heading) took over the characters of
-- the document's body, so 1.0 means every line went somewhere. NULL for
-- records parsed before this column existed.

ALTER TABLE records ADD COLUMN coverage REAL;  -- characters taken by fields / body characters (0 … 1)
