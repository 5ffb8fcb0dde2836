-- 001_tables.sql — the archive of parsed job descriptions, one table per
-- part of the record contract (docs/record.md), plus where each
-- record came from (files, documents) and how it was imported (import_runs).
--
-- Conventions: every list of the contract is a child table whose `position`
-- (1-based) keeps the list's order; a contract field that is null is NULL; a
-- boolean is 0 or 1. Rows are never updated: re-parsing a document deletes
-- its records (ON DELETE CASCADE clears every child table) and inserts new
-- ones. The comments inside each CREATE statement stay in the database, so
-- `.schema records` in the sqlite3 shell shows them.

CREATE TABLE import_runs (  -- one row per `ametijuhend import` invocation
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),  -- UTC, ISO 8601
  finished_at TEXT,                      -- UTC; NULL while running or when the run was interrupted
  program_version TEXT NOT NULL,         -- ametijuhend's version
  grammar_dir TEXT NOT NULL,             -- the grammars folder the run used
  grammar_fingerprint TEXT NOT NULL,     -- hash of that folder's grammar files
  arguments TEXT NOT NULL,               -- the PATH arguments, as a JSON array
  jobs INTEGER NOT NULL,                 -- worker processes
  forced INTEGER NOT NULL CHECK (forced IN (0, 1)),  -- --force: every document re-parsed
  files_seen INTEGER,                    -- files taken (PDF signature, or a .pdf name)
  files_new INTEGER,                     -- files whose content was parsed for the first time
  files_reparsed INTEGER,                -- files whose stored document was parsed again
  files_same_content INTEGER,            -- new paths of content already stored
  files_unchanged INTEGER,               -- files with nothing to do
  files_unreadable INTEGER,              -- files that could not be read
  records_ok INTEGER,                    -- records parsed in this run, by status
  records_partial INTEGER,
  records_failed INTEGER,
  pages INTEGER,                         -- pages parsed in this run
  seconds REAL                           -- wall time
);

CREATE TABLE documents (  -- one row per distinct content (SHA-256); a document may sit at several paths
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,           -- hex SHA-256 of the file's bytes
  size INTEGER NOT NULL,                 -- bytes
  pages INTEGER NOT NULL,                -- page count (0 when the PDF could not be opened)
  pdf_encrypted INTEGER NOT NULL CHECK (pdf_encrypted IN (0, 1)),  -- encrypted, even if it opened without a password
  pdf_producer TEXT,                     -- the PDF's Info dictionary: Producer
  pdf_creator TEXT,                      -- Creator
  pdf_title TEXT,                        -- Title
  pdf_created TEXT,                      -- CreationDate, UTC, ISO 8601
  parser_version TEXT NOT NULL,          -- ametijuhend's version that parsed it
  parsed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),  -- UTC
  parse_seconds REAL NOT NULL,           -- wall time of the worker that parsed it
  import_run_id INTEGER REFERENCES import_runs(id)  -- the run that parsed it
);

CREATE TABLE files (  -- one row per path a document was found at
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,             -- absolute path
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  size INTEGER NOT NULL,                 -- bytes, when last imported
  mtime_ns INTEGER NOT NULL,             -- modification time, nanoseconds since 1970 (UTC), when last imported
  import_run_id INTEGER REFERENCES import_runs(id)  -- the run that last looked at its bytes
);
CREATE INDEX files_document ON files(document_id);

CREATE TABLE problem_codes (  -- every problem code the program knows (filled by the program)
  code TEXT PRIMARY KEY,                 -- snake_case, stable
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),  -- default severity
  meaning TEXT NOT NULL                  -- one line of explanation
);

CREATE TABLE records (  -- one job description (ametijuhend); a PDF yields one, or one per appendix of a directive
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_file TEXT NOT NULL,             -- source.file: the PDF's file name as parsed
  source_index INTEGER NOT NULL,         -- source.index: 1-based position of the record in its PDF
  page_first INTEGER NOT NULL,           -- source.page_first
  page_last INTEGER NOT NULL,            -- source.page_last
  contract_appendix INTEGER NOT NULL CHECK (contract_appendix IN (0, 1)),  -- an appendix of an employment contract
  title TEXT,                            -- the position's title
  structural_unit TEXT,                  -- the unit, as written
  department TEXT,                       -- osakond, nominative
  division TEXT,                         -- talitus, büroo, …, nominative
  team TEXT,                             -- a team named in parentheses after the unit
  direct_manager TEXT,
  substitutes_scope TEXT,                -- scope limit of the substitutes list (position_lists)
  substituted_by_scope TEXT,             -- scope limit of the substituted_by list
  purpose TEXT,
  position_group TEXT,                   -- Ametikoha grupp
  special_conditions TEXT,               -- Eritingimused
  work_tools TEXT,                       -- Töövahendid
  review_note TEXT,                      -- the sentence on reviewing the document
  status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),  -- how complete the recognition was
  grammar TEXT NOT NULL,                 -- name of the grammar that built it ('' when none)
  grammar_fingerprint TEXT NOT NULL,     -- hash of the grammar files it was parsed with
  UNIQUE (document_id, source_index)
);
CREATE INDEX records_title ON records(title);
CREATE INDEX records_status ON records(status);

CREATE TABLE approvals (  -- the approval stamp (KINNITATUD …); no row when the record has none
  record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  authority TEXT,                        -- who approved, as written
  date TEXT,                             -- ISO date
  directive_number TEXT,                 -- the directive's number
  appendix TEXT                          -- as written: 'Lisa', 'Lisa 1'
);

CREATE TABLE signatures (  -- the signature block; no row when the record has none
  record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  has_employer INTEGER NOT NULL CHECK (has_employer IN (0, 1)),  -- 0: the employer part is null
  employer_name TEXT,
  employer_title TEXT,
  has_employee INTEGER NOT NULL CHECK (has_employee IN (0, 1)),  -- 0: the employee part is null
  employee_name TEXT,
  digital INTEGER NOT NULL CHECK (digital IN (0, 1))  -- signed digitally
);

CREATE TABLE requirements (  -- the scalar requirements; one row per record
  record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  education_text TEXT,                   -- NULL when the record states no education requirement
  education_level TEXT CHECK (education_level IN
    ('higher', 'professional_higher', 'bachelor', 'master', 'doctorate', 'secondary', 'vocational')),
  education_fields TEXT,                 -- preferred or required fields of study, as written
  experience_text TEXT,                  -- NULL when the record states no experience requirement
  experience_years_min INTEGER,          -- from '3-aastane', 'viieaastane'
  experience_required INTEGER CHECK (experience_required IN (0, 1)),  -- 0 for 'soovitatavalt', 'eelistatavalt'
  computer_skills TEXT,
  knowledge_and_skills TEXT,
  CHECK (education_text IS NOT NULL OR (education_level IS NULL AND education_fields IS NULL)),
  CHECK ((experience_text IS NULL) = (experience_required IS NULL))
);

CREATE TABLE languages (  -- requirements.languages, in order
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  language TEXT NOT NULL,                -- ISO 639-1 code, or 'foreign' (see language_options)
  level TEXT CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),  -- CEFR
  required INTEGER NOT NULL CHECK (required IN (0, 1)),
  UNIQUE (record_id, position)
);

CREATE TABLE language_options (  -- the languages a 'foreign' requirement suggests, in order
  language_id INTEGER NOT NULL REFERENCES languages(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,                    -- ISO 639-1
  PRIMARY KEY (language_id, position)
);

CREATE TABLE personal_qualities (  -- requirements.personal_qualities, in order
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE competencies (  -- competencies, in order
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  group_name TEXT,                       -- the heading they stand under (contract: group)
  name TEXT NOT NULL,
  UNIQUE (record_id, position)
);

CREATE TABLE competency_items (  -- a competency's items, in order
  competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (competency_id, position)
);

CREATE TABLE rights (  -- rights, in order, without item numbers
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE responsibilities (  -- responsibilities, in order, without item numbers
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE position_lists (  -- the lists of positions; their scopes are records.substitutes_scope, substituted_by_scope
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  list TEXT NOT NULL CHECK (list IN ('subordinates', 'substitutes', 'substituted_by')),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,                   -- the position as written, case and grammatical case included
  PRIMARY KEY (record_id, list, position)
);
CREATE INDEX position_lists_title ON position_lists(title);

CREATE TABLE tasks (  -- the duties, in order
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT,                           -- as printed, without a trailing dot
  text TEXT NOT NULL,
  UNIQUE (record_id, position)
);

CREATE TABLE task_results (  -- a task's expected results, in order
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (task_id, position)
);

CREATE TABLE sections (  -- the document's sections as they stood, so text no field took is still queryable
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  heading TEXT NOT NULL,                 -- the heading line, '' for the text before the first heading
  text TEXT NOT NULL,
  page_first INTEGER NOT NULL,
  page_last INTEGER NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE problems (  -- what went wrong or was uncertain while building a record, in order
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL REFERENCES problem_codes(code),
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  page INTEGER,                          -- 1-based; NULL when not tied to a page
  message TEXT NOT NULL,                 -- what was expected, what was found
  excerpt TEXT NOT NULL,                 -- the text concerned, '' when none
  box_x0 REAL, box_y0 REAL, box_x1 REAL, box_y1 REAL,  -- where on the page, PDF points, origin top-left; NULL when unknown
  PRIMARY KEY (record_id, position)
);
CREATE INDEX problems_code ON problems(code);
