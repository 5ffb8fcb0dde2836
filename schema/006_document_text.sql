-- 006_document_text.sql — the text of documents no grammar read, searchable.
--
-- A record no grammar recognised (status failed, no_grammar_matched) keeps
-- its whole text as one section without a heading (recognize: read_one);
-- document_text holds that text, one row per section of a failed record,
-- and joins the full-text indexes of 002 as kind 'document', so
-- `ametijuhend search` finds a document even when nothing in it was read.
-- search_text's kinds are a CHECK constraint, so the table is rebuilt with
-- the new kind (rowids kept: the FTS indexes stay valid), with the views
-- and triggers that name it.

CREATE TABLE document_text (  -- the text of a failed record's sections (filled by a trigger on sections)
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,             -- sections.position
  text TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TRIGGER sections_document_text AFTER INSERT ON sections
WHEN (SELECT status FROM records WHERE id = new.record_id) = 'failed' AND new.text <> '' BEGIN
  INSERT INTO document_text(record_id, position, text) VALUES (new.record_id, new.position, new.text);
END;

DROP VIEW v_search_words;
DROP VIEW v_search_trigram;
DROP TRIGGER search_text_pending;
DROP TRIGGER search_text_unindexed;

CREATE TABLE search_text_006 (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('title', 'purpose', 'task', 'result', 'right', 'responsibility', 'document')),
  task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
INSERT INTO search_text_006(id, record_id, kind, task_id, text) SELECT id, record_id, kind, task_id, text FROM search_text;
DROP TABLE search_text;
-- Legacy rename: the triggers of 002 name search_text and keep naming it.
PRAGMA legacy_alter_table = ON;
ALTER TABLE search_text_006 RENAME TO search_text;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX search_text_record ON search_text(record_id);
CREATE INDEX search_text_task ON search_text(task_id);

CREATE TRIGGER search_text_pending AFTER INSERT ON search_text BEGIN
  INSERT INTO search_pending(id) VALUES (new.id);
END;

CREATE TRIGGER search_text_unindexed AFTER DELETE ON search_text BEGIN
  INSERT INTO search_words(search_words, rowid, text)
    SELECT 'delete', old.id, old.text WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  INSERT INTO search_trigram(search_trigram, rowid, text)
    SELECT 'delete', old.id, old.text WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  DELETE FROM search_pending WHERE id = old.id;
END;

CREATE TRIGGER document_text_searchable AFTER INSERT ON document_text BEGIN
  INSERT INTO search_text(record_id, kind, text) VALUES (new.record_id, 'document', new.text);
END;

CREATE VIEW v_search_words AS  -- full-text search, whole words: WHERE text MATCH 'teenistus*'
SELECT s.record_id, r.title, s.kind, t.number AS task_number, search_words.text AS text, search_words.rank
FROM search_words
JOIN search_text s ON s.id = search_words.rowid
JOIN records r ON r.id = s.record_id
LEFT JOIN tasks t ON t.id = s.task_id;

CREATE VIEW v_search_trigram AS  -- full-text search, substrings: WHERE text MATCH 'süsteem'
SELECT s.record_id, r.title, s.kind, t.number AS task_number, search_trigram.text AS text, search_trigram.rank
FROM search_trigram
JOIN search_text s ON s.id = search_trigram.rowid
JOIN records r ON r.id = s.record_id
LEFT JOIN tasks t ON t.id = s.task_id;
