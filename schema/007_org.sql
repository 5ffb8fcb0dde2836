-- 007_org.sql — the organisation as data: a record key that survives
-- re-parsing, the base forms of position names, the org chart's edges and
-- what in them disagrees, and the same job description across renderings.
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
