-- 002_search.sql — full-text search over titles, purposes, tasks, results,
-- rights and responsibilities: what a position is for and what it does.
--
-- search_text holds one row per searchable text; triggers fill it from
-- records, tasks, task_results, rights and responsibilities, and the
-- cascades of 001 empty it, so the writer never touches it. Two
-- external-content FTS5 indexes read it:
--   search_words    unicode61, diacritics kept: whole words, õ ä ö ü š ž distinct
--                   ('süsteemi' finds 'süsteemi', not 'susteemi');
--   search_trigram  trigram: any substring of three or more characters,
--                   case-insensitive, so 'süsteem' finds 'Infosüsteemide'
--                   (Estonian compounds). SQLite 3.40 has no trigram
--                   remove_diacritics.
-- New rows wait in search_pending until the importer indexes them in bulk
-- (every few hundred documents, on a thread of its own beside the parse,
-- and at the end of each run): one FTS segment per batch instead of one
-- per document, several times cheaper.
-- A search during an import may therefore miss the newest documents.
-- Query the indexes through the views of 003 (v_search_words, v_search_trigram):
--   SELECT title, kind, text FROM v_search_trigram WHERE text MATCH 'süsteem';

CREATE TABLE search_text (  -- every searchable text of a record (filled by triggers)
  id INTEGER PRIMARY KEY,                -- the FTS indexes' rowid
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('title', 'purpose', 'task', 'result', 'right', 'responsibility')),
  task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,  -- the task, for kinds task and result
  text TEXT NOT NULL
);
CREATE INDEX search_text_record ON search_text(record_id);
CREATE INDEX search_text_task ON search_text(task_id);

CREATE VIRTUAL TABLE search_words USING fts5(
  text, content = 'search_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE search_trigram USING fts5(
  text, content = 'search_text', content_rowid = 'id', tokenize = 'trigram');

CREATE TABLE search_pending (  -- search_text rows not yet in the FTS indexes
  id INTEGER PRIMARY KEY                 -- search_text.id
);

CREATE TRIGGER search_text_pending AFTER INSERT ON search_text BEGIN
  INSERT INTO search_pending(id) VALUES (new.id);
END;

-- An indexed row leaves the indexes with it; a pending one only leaves the queue.
CREATE TRIGGER search_text_unindexed AFTER DELETE ON search_text BEGIN
  INSERT INTO search_words(search_words, rowid, text)
    SELECT 'delete', old.id, old.text WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  INSERT INTO search_trigram(search_trigram, rowid, text)
    SELECT 'delete', old.id, old.text WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  DELETE FROM search_pending WHERE id = old.id;
END;

CREATE TRIGGER records_searchable AFTER INSERT ON records BEGIN
  INSERT INTO search_text(record_id, kind, text) SELECT new.id, 'title', new.title WHERE new.title IS NOT NULL;
  INSERT INTO search_text(record_id, kind, text) SELECT new.id, 'purpose', new.purpose WHERE new.purpose IS NOT NULL;
END;

CREATE TRIGGER tasks_searchable AFTER INSERT ON tasks BEGIN
  INSERT INTO search_text(record_id, kind, task_id, text) VALUES (new.record_id, 'task', new.id, new.text);
END;

CREATE TRIGGER task_results_searchable AFTER INSERT ON task_results BEGIN
  INSERT INTO search_text(record_id, kind, task_id, text)
    SELECT record_id, 'result', id, new.text FROM tasks WHERE id = new.task_id;
END;

CREATE TRIGGER rights_searchable AFTER INSERT ON rights BEGIN
  INSERT INTO search_text(record_id, kind, text) VALUES (new.record_id, 'right', new.text);
END;

CREATE TRIGGER responsibilities_searchable AFTER INSERT ON responsibilities BEGIN
  INSERT INTO search_text(record_id, kind, text) VALUES (new.record_id, 'responsibility', new.text);
END;
