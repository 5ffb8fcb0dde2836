-- 004_directives.sql — directives (käskkiri) that approve job descriptions,
-- and which job descriptions are in force on a date.
--
-- A directive PDF yields one record per appendix (records.source_index) and
-- one row here. A record's approval stamp (approvals) names the directive by
-- date and number; a later directive may repeal appendices of an earlier
-- one (directive_repeals) or approve a new job description for the same
-- title in the same unit. v_record_validity turns that into a period per
-- record; v_in_force is that period on today's date.

CREATE TABLE directives (  -- a directive that approves job descriptions as its appendices
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,  -- the PDF it stands in
  issuer TEXT,                           -- the agency, as written at the top
  date TEXT,                             -- ISO date of the directive
  number TEXT,                           -- its number ("nr 1" → '1')
  title TEXT,                            -- e.g. 'Ametijuhendite kinnitamine'
  legal_basis TEXT,                      -- the sentence up to and including "alusel"
  signatory_name TEXT,
  signatory_title TEXT,
  entry_text TEXT,                       -- the point on entry into force, as written
  entry_date TEXT,                       -- ISO, when a calendar date is given
  entry_on_signature INTEGER CHECK (entry_on_signature IN (0, 1)),  -- "jõustub allkirjastamisest"
  retroactive_from TEXT,                 -- "rakendatakse tagasiulatuvalt …": ISO
  page_first INTEGER NOT NULL,           -- pages of the directive's own text
  page_last INTEGER NOT NULL
);
CREATE INDEX directives_act ON directives(date, number);

CREATE TABLE directive_appendices (  -- the job descriptions the directive lists as approved, in order
  directive_id INTEGER NOT NULL REFERENCES directives(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number INTEGER,                        -- the appendix number; NULL for a single unnumbered "(lisa)"
  title TEXT NOT NULL,                   -- as listed (lower case, possibly another grammatical case)
  PRIMARY KEY (directive_id, position)
);

CREATE TABLE directive_repeals (  -- acts (or appendices of acts) the directive repeals; one row per appendix
  directive_id INTEGER NOT NULL REFERENCES directives(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  act_date TEXT,                         -- the repealed act's ISO date
  act_number TEXT,                       -- its number
  appendix INTEGER,                      -- the appendix repealed ("lisad 1 kuni 3" gives 1, 2, 3); NULL: the whole act
  text TEXT NOT NULL,                    -- the point as written
  PRIMARY KEY (directive_id, position)
);
CREATE INDEX directive_repeals_act ON directive_repeals(act_date, act_number);

CREATE TABLE directive_problems (  -- problems met reading the directive itself (e.g. directive_mismatch)
  directive_id INTEGER NOT NULL REFERENCES directives(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL REFERENCES problem_codes(code),
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  page INTEGER,
  message TEXT NOT NULL,
  PRIMARY KEY (directive_id, position)
);

-- When a directive takes effect: retroactively, on its entry date, else on its date.
CREATE VIEW v_directives AS
SELECT d.id AS directive_id, d.issuer, d.date, d.number, d.title, d.legal_basis, d.signatory_name,
       d.signatory_title, d.entry_text, d.entry_date, d.entry_on_signature, d.retroactive_from,
       COALESCE(d.retroactive_from, d.entry_date, d.date) AS effective_from,
       (SELECT count(*) FROM directive_appendices a WHERE a.directive_id = d.id) AS appendices_listed,
       (SELECT count(*) FROM records r WHERE r.document_id = d.document_id) AS appendices_found,
       (SELECT min(f.path) FROM files f WHERE f.document_id = d.document_id) AS path
FROM directives d;

-- A record's approving act and appendix number, and the day it takes effect.
CREATE VIEW v_record_start AS
SELECT r.id AS record_id, r.title, r.structural_unit, a.date AS act_date, a.directive_number AS act_number,
       CASE WHEN trim(substr(a.appendix, 5)) GLOB '[0-9]*' THEN CAST(trim(substr(a.appendix, 5)) AS INTEGER) END
         AS appendix,
       COALESCE((SELECT min(v.effective_from) FROM v_directives v
                 WHERE v.date = a.date AND v.number = a.directive_number), a.date) AS valid_from
FROM records r LEFT JOIN approvals a ON a.record_id = r.id
WHERE r.status <> 'failed';

-- The period each job description is in force: from its act's effect until a
-- later directive repeals its appendix (or its whole act), or a later record
-- approves the same title in the same unit. NULL ends are open.
CREATE VIEW v_record_validity AS
SELECT s.record_id, s.title, s.structural_unit, s.act_date, s.act_number, s.appendix, s.valid_from,
       (SELECT min(t) FROM (
          SELECT v.effective_from AS t FROM directive_repeals p JOIN v_directives v ON v.directive_id = p.directive_id
          WHERE p.act_date = s.act_date AND p.act_number = s.act_number
            AND (p.appendix IS NULL OR p.appendix = s.appendix)
          UNION ALL
          SELECT n.valid_from FROM v_record_start n
          WHERE n.record_id <> s.record_id AND n.title = s.title COLLATE NOCASE
            AND n.structural_unit = s.structural_unit COLLATE NOCASE
            AND n.valid_from > s.valid_from)) AS valid_to
FROM v_record_start s;

-- The job descriptions in force today. For another day D, query
-- v_record_validity: WHERE (valid_from IS NULL OR valid_from <= D) AND (valid_to IS NULL OR valid_to > D).
CREATE VIEW v_in_force AS
SELECT p.*, v.appendix AS appendix_number, v.valid_from, v.valid_to
FROM v_record_validity v JOIN v_positions p ON p.record_id = v.record_id
WHERE (v.valid_from IS NULL OR v.valid_from <= date('now')) AND (v.valid_to IS NULL OR v.valid_to > date('now'));
