-- 003_views.sql — the common questions, answerable without joins.
--
-- Every view has record_id (join back to records and its child tables) and,
-- where it helps, `path`: the file the record came from (the first of its
-- paths when the same content sits at several). Lists are joined into one
-- text column in their order: results with a line break, other lists with
-- '; ' (positions, qualities) or ', ' (language codes).

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
       r.document_id, d.sha256
FROM records r
JOIN documents d ON d.id = r.document_id
LEFT JOIN approvals a ON a.record_id = r.id;

CREATE VIEW v_tasks AS  -- one row per task, its expected results joined by line breaks
SELECT t.record_id, r.title, t.position, t.number, t.text,
       (SELECT group_concat(x.text, char(10))
          FROM (SELECT tr.text FROM task_results tr WHERE tr.task_id = t.id ORDER BY tr.position) x) AS results,
       (SELECT count(*) FROM task_results tr WHERE tr.task_id = t.id) AS result_count,
       t.id AS task_id
FROM tasks t
JOIN records r ON r.id = t.record_id;

CREATE VIEW v_task_results AS  -- one row per expected result, beside its task
SELECT t.record_id, r.title, t.position AS task_position, t.number AS task_number, t.text AS task,
       tr.position, tr.text AS result
FROM task_results tr
JOIN tasks t ON t.id = tr.task_id
JOIN records r ON r.id = t.record_id;

CREATE VIEW v_language_requirements AS  -- one row per required language of a position
SELECT l.record_id, r.title, r.structural_unit, l.position, l.language, l.level, l.required,
       (SELECT group_concat(x.code, ', ')
          FROM (SELECT o.code FROM language_options o WHERE o.language_id = l.id ORDER BY o.position) x) AS options,
       (SELECT min(f.path) FROM files f WHERE f.document_id = r.document_id) AS path
FROM languages l
JOIN records r ON r.id = l.record_id;

CREATE VIEW v_requirements AS  -- one row per position: education, experience, languages, skills
SELECT r.id AS record_id, r.title,
       q.education_level, q.education_fields, q.education_text,
       q.experience_years_min, q.experience_required, q.experience_text,
       (SELECT group_concat(x.lang, ', ')
          FROM (SELECT l.language || coalesce(' ' || l.level, '') AS lang
                  FROM languages l WHERE l.record_id = r.id ORDER BY l.position) x) AS languages,
       q.computer_skills, q.knowledge_and_skills,
       (SELECT group_concat(x.text, '; ')
          FROM (SELECT p.text FROM personal_qualities p WHERE p.record_id = r.id ORDER BY p.position) x)
         AS personal_qualities
FROM records r
JOIN requirements q ON q.record_id = r.id;

CREATE VIEW v_substitutions AS  -- who substitutes whom, from either side's job description
SELECT r.id AS record_id, r.title AS substitute, pl.title AS substituted, r.substitutes_scope AS scope,
       pl.list AS stated_as, pl.position
FROM position_lists pl JOIN records r ON r.id = pl.record_id
WHERE pl.list = 'substitutes'
UNION ALL
SELECT r.id, pl.title, r.title, r.substituted_by_scope, pl.list, pl.position
FROM position_lists pl JOIN records r ON r.id = pl.record_id
WHERE pl.list = 'substituted_by';

CREATE VIEW v_subordinates AS  -- who reports to whom: the position's manager and its subordinates
SELECT r.id AS record_id, r.direct_manager AS manager, r.title AS subordinate, 'direct_manager' AS stated_as
FROM records r WHERE r.direct_manager IS NOT NULL
UNION ALL
SELECT r.id, r.title, pl.title, pl.list
FROM position_lists pl JOIN records r ON r.id = pl.record_id
WHERE pl.list = 'subordinates';

CREATE VIEW v_competencies AS  -- one row per competency, its items joined by '; '
SELECT c.record_id, r.title, c.position, c.group_name, c.name,
       (SELECT group_concat(x.text, '; ')
          FROM (SELECT i.text FROM competency_items i WHERE i.competency_id = c.id ORDER BY i.position) x) AS items
FROM competencies c
JOIN records r ON r.id = c.record_id;

CREATE VIEW v_problems AS  -- one row per problem, with the file, the record's title and the code's meaning
SELECT p.record_id, (SELECT min(f.path) FROM files f WHERE f.document_id = r.document_id) AS path,
       r.source_file, r.title, r.status, p.position, p.severity, p.code, p.page, p.message, p.excerpt,
       pc.meaning
FROM problems p
JOIN records r ON r.id = p.record_id
JOIN problem_codes pc ON pc.code = p.code;

CREATE VIEW v_sections AS  -- the document's raw sections, beside the record's title
SELECT s.record_id, r.title, s.position, s.heading, s.text, s.page_first, s.page_last
FROM sections s
JOIN records r ON r.id = s.record_id;

CREATE VIEW v_files AS  -- one row per path: the file, its content and what it yielded
SELECT f.path, f.size, strftime('%Y-%m-%dT%H:%M:%SZ', f.mtime_ns / 1000000000, 'unixepoch') AS modified,
       d.sha256, d.pages, d.pdf_producer, d.pdf_creator, d.pdf_title, d.pdf_created, d.pdf_encrypted,
       (SELECT count(*) FROM records r WHERE r.document_id = d.id) AS record_count,
       (SELECT group_concat(x.status, ', ')
          FROM (SELECT r.status FROM records r WHERE r.document_id = d.id ORDER BY r.source_index) x) AS statuses,
       d.parsed_at, d.parse_seconds, f.document_id
FROM files f
JOIN documents d ON d.id = f.document_id;

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
