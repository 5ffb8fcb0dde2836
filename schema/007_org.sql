-- 007_org.sql — the organisation as data: a record key that survives
-- re-parsing, the base forms of position names, the org chart's edges and
-- what in them disagrees, and the same job description across renderings.
--
-- The views (each documented where it is made; README "The organisation"):
--   v_org_names        every position a record names: its manager, subordinates,
--                      whom it substitutes and who substitutes it
--   v_org_edges        each such name resolved to the record of that title
--   v_org_problems     what the records say about each other that disagrees
--   v_record_versions  a position's job descriptions over time, renderings merged
--
-- records.record_key is the first 12 hex digits of the document's SHA-256,
-- '-', and the record's 1-based index within the document ("3f2a9c01b7de-2"):
-- the same bytes give the same keys however often they are parsed, so a
-- saved key or an outside join keeps working after `import --force`. A
-- trigger sets it on every insert, so no writer can forget it; rows of an
-- older database are filled here.

ALTER TABLE records ADD COLUMN record_key TEXT;  -- substr(sha256, 1, 12) || '-' || source_index; stable across re-parses
UPDATE records SET record_key =
  (SELECT substr(d.sha256, 1, 12) FROM documents d WHERE d.id = records.document_id) || '-' || source_index;
CREATE UNIQUE INDEX records_record_key ON records(record_key);

CREATE TRIGGER records_set_key AFTER INSERT ON records WHEN new.record_key IS NULL BEGIN
  UPDATE records SET record_key =
    (SELECT substr(d.sha256, 1, 12) FROM documents d WHERE d.id = new.document_id) || '-' || new.source_index
  WHERE id = new.id;
END;

-- v_positions gains record_key (last, so the columns before it keep their places).
DROP VIEW v_positions;
CREATE VIEW v_positions AS  -- one row per job description: the position, its unit, status and file
SELECT r.id AS record_id,
       r.title, r.structural_unit, r.department, r.division, r.team, r.direct_manager,
       r.position_group, r.purpose, r.special_conditions, r.status, r.grammar,
       (SELECT min(f.path) FROM files f WHERE f.document_id = r.document_id) AS path,
       (SELECT count(*) FROM files f WHERE f.document_id = r.document_id) AS path_count,
       r.source_file, r.source_index, r.page_first, r.page_last, d.pages AS document_pages,
       a.authority AS approved_by, a.date AS approved_on, a.directive_number, a.appendix,
       r.contract_appendix,
       (SELECT count(*) FROM tasks t WHERE t.record_id = r.id) AS task_count,
       (SELECT count(*) FROM problems p WHERE p.record_id = r.id AND p.severity = 'error') AS error_count,
       (SELECT count(*) FROM problems p WHERE p.record_id = r.id) AS problem_count,
       r.document_id, d.sha256, r.record_key
FROM records r
JOIN documents d ON d.id = r.document_id
LEFT JOIN approvals a ON a.record_id = r.id;

-- Base forms (store/org_columns.h): each name as written and in its base form,
-- nominative singular in lower case ("Peaspetsialisti" -> "peaspetsialist").
-- records.title_key is the title's base form without spaces and hyphens, the
-- key a name is resolved by (so "Talitusejuhataja" finds "Talituse juhataja"
-- only through its genitive -e, which the rule keeps apart; see the README).
-- The writer fills them; rows an older program wrote get them when re-parsed
-- (a new program version re-parses every document).
ALTER TABLE records ADD COLUMN title_base TEXT;           -- the title's base form
ALTER TABLE records ADD COLUMN title_key TEXT;            -- title_base without spaces and hyphens
ALTER TABLE records ADD COLUMN direct_manager_base TEXT;  -- the manager's base form
ALTER TABLE records ADD COLUMN fingerprint TEXT;          -- 16 hex digits over the record's normalised fields
ALTER TABLE position_lists ADD COLUMN base_form TEXT;     -- the position's base form
ALTER TABLE approvals ADD COLUMN authority_base TEXT;     -- the approver's base form ("… peadirektor")
CREATE INDEX records_title_key ON records(title_key);
CREATE INDEX records_fingerprint ON records(fingerprint);

-- files.present: 1 when the last import walk that covered the path found the
-- file, 0 when it did not (the file was deleted or moved). `ametijuhend prune`
-- removes the paths that are gone, and the documents left with no path.
ALTER TABLE files ADD COLUMN present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1));

-- Every position a record names, with its base form.
CREATE VIEW v_org_names AS
SELECT r.id AS record_id, 'manager' AS relation, 1 AS position,
       r.direct_manager AS name_as_written, r.direct_manager_base AS base_form
FROM records r WHERE r.direct_manager IS NOT NULL AND r.direct_manager <> ''
UNION ALL
SELECT p.record_id, CASE p.list WHEN 'subordinates' THEN 'subordinate' ELSE p.list END, p.position,
       p.title, p.base_form
FROM position_lists p;

-- v_record_start, v_record_validity and v_in_force (004_directives.sql), the
-- same columns and rows, made linear: the act's effect is looked up in
-- directives by its index, and "a later record approves the same title in
-- the same unit" is the next start date of that position (LEAD over its
-- distinct start dates) instead of a scan of every record for each record.
-- lower() folds ASCII only, exactly as COLLATE NOCASE did there.
DROP VIEW v_in_force;
DROP VIEW v_record_validity;
DROP VIEW v_record_start;
CREATE VIEW v_record_start AS
SELECT r.id AS record_id, r.title, r.structural_unit, a.date AS act_date, a.directive_number AS act_number,
       CASE WHEN trim(substr(a.appendix, 5)) GLOB '[0-9]*' THEN CAST(trim(substr(a.appendix, 5)) AS INTEGER) END
         AS appendix,
       COALESCE((SELECT min(COALESCE(d.retroactive_from, d.entry_date, d.date)) FROM directives d
                 WHERE d.date = a.date AND d.number = a.directive_number), a.date) AS valid_from
FROM records r LEFT JOIN approvals a ON a.record_id = r.id
WHERE r.status <> 'failed';
CREATE VIEW v_record_validity AS
WITH s AS (
  SELECT v.*, lower(v.title) AS t, lower(v.structural_unit) AS u FROM v_record_start v
),
starts AS (
  SELECT t, u, valid_from, lead(valid_from) OVER (PARTITION BY t, u ORDER BY valid_from) AS next_from
  FROM (SELECT DISTINCT t, u, valid_from FROM s WHERE t IS NOT NULL AND u IS NOT NULL AND valid_from IS NOT NULL)
)
SELECT s.record_id, s.title, s.structural_unit, s.act_date, s.act_number, s.appendix, s.valid_from,
       (SELECT min(x) FROM (
          SELECT COALESCE(d.retroactive_from, d.entry_date, d.date) AS x
          FROM directive_repeals p JOIN directives d ON d.id = p.directive_id
          WHERE p.act_date = s.act_date AND p.act_number = s.act_number
            AND (p.appendix IS NULL OR p.appendix = s.appendix)
          UNION ALL
          SELECT st.next_from FROM starts st WHERE st.t = s.t AND st.u = s.u AND st.valid_from = s.valid_from)) AS valid_to
FROM s;
CREATE VIEW v_in_force AS
SELECT p.*, v.appendix AS appendix_number, v.valid_from, v.valid_to
FROM v_record_validity v JOIN v_positions p ON p.record_id = v.record_id
WHERE (v.valid_from IS NULL OR v.valid_from <= date('now')) AND (v.valid_to IS NULL OR v.valid_to > date('now'));

-- v_record_versions: a position's job descriptions over time. A position is
-- a title (by key) in a structural unit; a version is one fingerprint of it,
-- with the period v_record_validity gives (004_directives.sql: from its act's
-- effect until a repeal or a later job description of the same position).
-- One row per record, so the renderings of a version are its `copies`;
-- in_force is v_in_force's rule on today's date.
CREATE VIEW v_record_versions AS
WITH v AS (
  SELECT r.record_key, r.fingerprint, r.title, r.title_key, r.structural_unit, val.valid_from, val.valid_to,
         (val.valid_from IS NULL OR val.valid_from <= date('now'))
           AND (val.valid_to IS NULL OR val.valid_to > date('now')) AS in_force
  FROM records r JOIN v_record_validity val ON val.record_id = r.id
  WHERE r.title_key IS NOT NULL
)
SELECT v.record_key, v.fingerprint, v.title, v.title_key, v.structural_unit,
       dense_rank() OVER (PARTITION BY v.title_key, v.structural_unit
                          ORDER BY v.valid_from IS NULL, v.valid_from, v.fingerprint) AS version,
       v.valid_from, v.valid_to, v.in_force,
       count(*) OVER (PARTITION BY v.fingerprint) AS copies
FROM v;

-- v_org_edges: each name resolved to the record of that title, nearest first:
--   how = 'unit'        a record of the same structural unit
--         'department'  of the same department
--         'agency'      of the same agency: the same directive (document) or
--                       the same approval authority, where one of the two has
--                       no department (an "Osakonna juhataja" of another
--                       department is another position, not this one's)
--         'approval_authority'  (managers only) no record, but the name is the
--                       approver of the record itself ("Peadirektor" where a
--                       "… peadirektori käskkirjaga" approved it): the top of
--                       the chart; to_record_key is null
--         null          nothing matched
-- A record never resolves to its own position (the same title in the same
-- unit: another rendering or version of itself); a name of its own title
-- means that title elsewhere. Among the records at the winning rule the edge
-- goes to the one in force (v_record_versions), latest first, then the
-- smallest record_key; `candidates` counts the distinct job descriptions
-- (fingerprints) in force there, so more than 1 means the name is ambiguous.
CREATE VIEW v_org_edges AS
WITH names AS (
  SELECT n.*, replace(replace(n.base_form, ' ', ''), '-', '') AS name_key
  FROM v_org_names n
),
matches AS (
  SELECT n.record_id, n.relation, n.position, t.record_key AS to_record_key, t.fingerprint AS to_fingerprint,
         CASE WHEN t.structural_unit = a.structural_unit THEN 1
              WHEN t.department = a.department THEN 2
              ELSE 3 END AS rank,
         coalesce(tv.in_force, 0) AS in_force, tv.valid_from
  FROM names n
  JOIN records a ON a.id = n.record_id
  JOIN records t ON t.title_key = n.name_key
  LEFT JOIN v_record_versions tv ON tv.record_key = t.record_key
  LEFT JOIN approvals aa ON aa.record_id = a.id
  LEFT JOIN approvals ta ON ta.record_id = t.id
  WHERE NOT (t.title_key = a.title_key AND t.structural_unit IS a.structural_unit)
    AND (t.structural_unit = a.structural_unit OR t.department = a.department
         OR ((t.department IS NULL OR a.department IS NULL)
             AND (t.document_id = a.document_id OR aa.authority_base = ta.authority_base)))
),
ranked AS (
  SELECT m.*, row_number() OVER (PARTITION BY record_id, relation, position
                                 ORDER BY rank, in_force DESC, valid_from DESC, to_record_key) AS pick,
         min(rank) OVER (PARTITION BY record_id, relation, position) AS best
  FROM matches m
),
counted AS (
  SELECT record_id, relation, position, count(DISTINCT CASE WHEN in_force THEN to_fingerprint END) AS candidates
  FROM ranked WHERE rank = best GROUP BY record_id, relation, position
),
chosen AS (
  SELECT r.record_id, r.relation, r.position, r.to_record_key, r.rank, c.candidates
  FROM ranked r JOIN counted c ON c.record_id = r.record_id AND c.relation = r.relation AND c.position = r.position
  WHERE r.pick = 1
)
SELECT a.record_key AS from_record_key, n.relation, n.name_as_written, n.base_form, c.to_record_key,
       CASE c.rank WHEN 1 THEN 'unit' WHEN 2 THEN 'department' WHEN 3 THEN 'agency'
         ELSE CASE WHEN n.relation = 'manager' AND ap.authority_base IS NOT NULL
                        AND (ap.authority_base = n.base_form OR ap.authority_base LIKE '% ' || n.base_form)
                   THEN 'approval_authority' END
       END AS how,
       n.position, coalesce(c.candidates, 0) AS candidates
FROM names n
JOIN records a ON a.id = n.record_id
LEFT JOIN chosen c ON c.record_id = n.record_id AND c.relation = n.relation AND c.position = n.position
LEFT JOIN approvals ap ON ap.record_id = a.id;

-- v_org_problems: what the records say about each other that disagrees, one
-- row per job description (renderings merged: the row names the smallest
-- record_key of its fingerprint).
--   substitution_not_mutual  A says B substitutes it (or it substitutes B), and
--                            B's job description (the one the name resolved
--                            to) does not name A's position in its other list
--   manager_unknown          the manager named resolves to no record and is
--                            not the approver
--   duplicate_in_force       two different job descriptions in force for the
--                            same title in the same unit
--   manager_cycle            following the managers leads back to the record
CREATE VIEW v_org_problems AS
WITH all_edges AS MATERIALIZED (SELECT * FROM v_org_edges),
versions AS MATERIALIZED (SELECT * FROM v_record_versions),
canonical AS (
  SELECT min(record_key) AS record_key FROM records WHERE status <> 'failed'
  GROUP BY coalesce(fingerprint, record_key)
),
edges AS (
  SELECT e.* FROM all_edges e WHERE e.from_record_key IN (SELECT record_key FROM canonical)
),
fp AS (SELECT record_key, fingerprint FROM records),
manager AS (
  SELECT e.from_record_key, e.to_record_key FROM all_edges e
  WHERE e.relation = 'manager' AND e.to_record_key IS NOT NULL
),
walk(start, at, depth) AS (
  SELECT from_record_key, to_record_key, 1 FROM manager WHERE from_record_key IN (SELECT record_key FROM canonical)
  UNION
  SELECT w.start, m.to_record_key, w.depth + 1 FROM walk w JOIN manager m ON m.from_record_key = w.at
  WHERE w.depth < 64 AND w.at <> w.start
)
SELECT 'substitution_not_mutual' AS kind, e.from_record_key AS record_key, e.to_record_key AS other_record_key,
       e.name_as_written AS name,
       CASE e.relation WHEN 'substitutes' THEN 'says it substitutes ' || e.name_as_written ||
                                              ', whose job description does not list it as a substitute'
            ELSE 'says ' || e.name_as_written ||
                 ' substitutes it, whose job description does not list it among those it substitutes' END AS detail
FROM edges e
WHERE e.relation IN ('substitutes', 'substituted_by') AND e.to_record_key IS NOT NULL
  AND NOT EXISTS (   -- B's job description names A's position (any version of it) in the other list
    SELECT 1 FROM all_edges back
    JOIN records t ON t.record_key = back.to_record_key
    JOIN records f ON f.record_key = e.from_record_key
    WHERE back.from_record_key = e.to_record_key
      AND back.relation = CASE e.relation WHEN 'substitutes' THEN 'substituted_by' ELSE 'substitutes' END
      AND t.title_key = f.title_key AND t.structural_unit IS f.structural_unit)
UNION ALL
SELECT 'manager_unknown', e.from_record_key, NULL, e.name_as_written,
       'names ' || e.name_as_written || ' as its manager; no job description has that title'
FROM edges e WHERE e.relation = 'manager' AND e.how IS NULL
UNION ALL
SELECT 'duplicate_in_force', v.record_key, o.record_key, v.title,
       'in force beside another job description of ' || v.title || ' in ' || coalesce(v.structural_unit, 'no unit')
FROM versions v
JOIN versions o ON o.in_force AND o.title_key = v.title_key AND o.structural_unit IS v.structural_unit
                         AND o.fingerprint IS NOT v.fingerprint
WHERE v.in_force AND v.record_key IN (SELECT record_key FROM canonical)
  AND o.record_key = (SELECT min(o2.record_key) FROM versions o2
                      WHERE o2.in_force AND o2.fingerprint IS o.fingerprint
                        AND o2.title_key = o.title_key AND o2.structural_unit IS o.structural_unit)
UNION ALL
SELECT DISTINCT 'manager_cycle', w.start, NULL, NULL, 'following its managers leads back to it'
FROM walk w JOIN fp a ON a.record_key = w.at JOIN fp s ON s.record_key = w.start
WHERE a.fingerprint IS s.fingerprint;
