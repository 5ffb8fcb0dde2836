// archive.cpp — the import's writes: runs, documents with their records in
// every table of schema/001_tables.sql, and paths. A record's row and its
// generic list tables follow the field registry (core/fields.h,
// store/record_columns.h); the fields with tables of their own are written
// by the dedicated code their Shape names.
#include "store/archive.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <ctime>

#include "core/path_text.h"
#include "store/org_columns.h"
#include "store/record_columns.h"
#include "store/schema.h"

namespace aj::store {
namespace {

std::optional<std::string> non_empty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> iso_utc(const std::optional<std::time_t>& t) {
  if (!t) return std::nullopt;
  std::tm tm{};
  gmtime_r(&*t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf);
}

std::string json_array(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

// "?, ?, ?": n placeholders.
std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// The INSERT of a group's row: `key` (record's document_id or the record_id)
// first, the registry's columns, then `trailing` columns.
std::string row_insert(fields::Group g, std::string_view key, std::vector<std::string_view> trailing = {}) {
  std::string columns = std::string(key) + ", " + row_column_list(g);
  for (auto c : trailing) columns += ", " + std::string(c);
  const size_t n = 1 + std::count(columns.begin(), columns.end(), ',');
  return "INSERT INTO " + std::string(fields::group_table(g)) + "(" + columns + ") VALUES (" + placeholders(n) + ")";
}

void step_to_end(Stmt& q) {
  while (q.step()) {
  }
}

}  // namespace

struct Archive::Statements {
  Stmt document, delete_records, file_document, file, drop_orphan, document_id;
  Stmt delete_directive, directive, directive_appendix, directive_repeal, directive_problem;
  Stmt record, requirement, signature;   // the groups' rows
  std::vector<std::pair<const fields::Field*, Stmt>> text_tables;   // Place::text_table, one per field
  Stmt position;                                                      // Place::position_list
  Stmt org_columns;                                                   // store/org_columns.h
  Stmt approval, language, language_option, competency, competency_item, task, task_result, section, problem;

  Stmt& text_table(const fields::Field& f) {
    return std::find_if(text_tables.begin(), text_tables.end(), [&](const auto& t) { return t.first == &f; })->second;
  }
};

Archive::Archive(std::unique_ptr<Db> db) : db_(std::move(db)), st_(std::make_unique<Statements>()) {}
Archive::~Archive() = default;

std::unique_ptr<Archive> Archive::open(const std::string& path, std::string* error) {
  auto db = Db::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (!db) return nullptr;
  if (sqlite3_db_readonly(db->handle(), "main") == 1) {
    *error = "database " + path + " is not writable";
    return nullptr;
  }
  if (!is_ours(*db, error)) return nullptr;   // before any write: another application's file stays as it was
  db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  if (!db->ok()) {
    *error = "cannot set up database " + path + ": " + db->error();
    return nullptr;
  }
  std::string why;
  if (!migrate(*db, &why)) {
    *error = path + ": " + why;
    return nullptr;
  }
  Stmt code = db->prepare(
      "INSERT INTO problem_codes(code, severity, meaning) VALUES (?, ?, ?) "
      "ON CONFLICT(code) DO UPDATE SET severity = excluded.severity, meaning = excluded.meaning");
  db->exec("BEGIN IMMEDIATE");
  for (Code c : all_codes()) code.run(code_name(c), severity_name(default_severity(c)), code_meaning(c));
  db->exec("COMMIT");
  if (!db->ok()) {
    *error = "cannot write to database " + path + ": " + db->error();
    return nullptr;
  }

  std::unique_ptr<Archive> a(new Archive(std::move(db)));
  Db& d = *a->db_;
  Statements& s = *a->st_;
  s.document = d.prepare(
      "INSERT INTO documents(sha256, size, pages, pdf_encrypted, pdf_producer, pdf_creator, pdf_title, pdf_created, "
      "parser_version, parse_seconds, import_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(sha256) DO UPDATE SET pages = excluded.pages, pdf_encrypted = excluded.pdf_encrypted, "
      "pdf_producer = excluded.pdf_producer, pdf_creator = excluded.pdf_creator, pdf_title = excluded.pdf_title, "
      "pdf_created = excluded.pdf_created, parser_version = excluded.parser_version, parsed_at = excluded.parsed_at, "
      "parse_seconds = excluded.parse_seconds, import_run_id = excluded.import_run_id "
      "RETURNING id");
  s.delete_records = d.prepare("DELETE FROM records WHERE document_id = ?");
  s.delete_directive = d.prepare("DELETE FROM directives WHERE document_id = ?");
  s.directive = d.prepare(
      "INSERT INTO directives(document_id, issuer, date, number, title, legal_basis, signatory_name, signatory_title, "
      "entry_text, entry_date, entry_on_signature, retroactive_from, page_first, page_last) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.directive_appendix = d.prepare(
      "INSERT INTO directive_appendices(directive_id, position, number, title) VALUES (?, ?, ?, ?)");
  s.directive_repeal = d.prepare(
      "INSERT INTO directive_repeals(directive_id, position, act_date, act_number, appendix, text) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.directive_problem = d.prepare(
      "INSERT INTO directive_problems(directive_id, position, code, severity, page, message) VALUES (?, ?, ?, ?, ?, ?)");
  s.document_id = d.prepare("SELECT id FROM documents WHERE sha256 = ?");
  s.file_document = d.prepare("SELECT document_id FROM files WHERE path = ?");
  s.file = d.prepare(
      "INSERT INTO files(path, document_id, size, mtime_ns, import_run_id) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, size = excluded.size, "
      "mtime_ns = excluded.mtime_ns, import_run_id = excluded.import_run_id");
  s.drop_orphan = d.prepare(
      "DELETE FROM documents WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM files WHERE document_id = ?1)");
  s.record = d.prepare(row_insert(fields::Group::record, "document_id", {"grammar_fingerprint"}));
  s.requirement = d.prepare(row_insert(fields::Group::requirements, "record_id"));
  s.signature = d.prepare(row_insert(fields::Group::signatures, "record_id"));
  for (const fields::Field& f : fields::all())
    if (f.place == fields::Place::text_table)
      s.text_tables.emplace_back(
          &f, d.prepare("INSERT INTO " + std::string(f.sql) + "(record_id, position, text) VALUES (?, ?, ?)"));
  s.position =
      d.prepare("INSERT INTO position_lists(record_id, list, position, title, base_form) VALUES (?, ?, ?, ?, ?)");
  s.org_columns = d.prepare(
      "UPDATE records SET title_base = ?, title_key = ?, direct_manager_base = ?, fingerprint = ? WHERE id = ?");
  s.approval = d.prepare(
      "INSERT INTO approvals(record_id, authority, date, directive_number, appendix, authority_base) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.language = d.prepare("INSERT INTO languages(record_id, position, language, level, required) VALUES (?, ?, ?, ?, ?)");
  s.language_option = d.prepare("INSERT INTO language_options(language_id, position, code) VALUES (?, ?, ?)");
  s.competency = d.prepare("INSERT INTO competencies(record_id, position, group_name, name) VALUES (?, ?, ?, ?)");
  s.competency_item = d.prepare("INSERT INTO competency_items(competency_id, position, text) VALUES (?, ?, ?)");
  s.task = d.prepare("INSERT INTO tasks(record_id, position, number, text) VALUES (?, ?, ?, ?)");
  s.task_result = d.prepare("INSERT INTO task_results(task_id, position, text) VALUES (?, ?, ?)");
  s.section = d.prepare(
      "INSERT INTO sections(record_id, position, heading, text, page_first, page_last) VALUES (?, ?, ?, ?, ?, ?)");
  s.problem = d.prepare(
      "INSERT INTO problems(record_id, position, code, severity, page, message, excerpt, box_x0, box_y0, box_x1, "
      "box_y1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!d.ok()) {
    *error = path + ": " + d.error();
    return nullptr;
  }
  return a;
}

std::unordered_map<std::string, StoredFile> Archive::stored_files() {
  std::unordered_map<std::string, StoredFile> out;
  Stmt q = db_->prepare("SELECT f.path, f.size, f.mtime_ns, d.sha256 FROM files f JOIN documents d ON d.id = f.document_id");
  while (q.step()) out[q.text(0)] = StoredFile{q.int64(1), q.int64(2), q.text(3)};
  return out;
}

std::unordered_map<std::string, StoredDocument> Archive::stored_documents(const std::string& grammar_fingerprint) {
  std::unordered_map<std::string, StoredDocument> out;
  Stmt q = db_->prepare(
      "SELECT d.sha256, "
      "  d.parser_version = ?2 "
      "  AND NOT EXISTS (SELECT 1 FROM records r WHERE r.document_id = d.id AND r.grammar_fingerprint <> ?1) "
      "  AND NOT EXISTS (SELECT 1 FROM records r JOIN problems p ON p.record_id = r.id "
      "                  WHERE r.document_id = d.id AND p.code = 'timed_out'), "
      "  EXISTS (SELECT 1 FROM records r WHERE r.document_id = d.id AND r.status = 'failed') "
      "FROM documents d");
  q.bind(1, grammar_fingerprint);
  q.bind(2, AJ_VERSION);
  while (q.step()) out[q.text(0)] = StoredDocument{q.int64(1) != 0, q.int64(2) != 0};
  return out;
}

bool Archive::begin_run(const RunStart& run, std::string* error) {
  Stmt q = db_->prepare(
      "INSERT INTO import_runs(program_version, grammar_dir, grammar_fingerprint, arguments, jobs, forced) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  q.run(AJ_VERSION, run.grammar_dir, run.grammar_fingerprint, json_array(run.arguments), run.jobs, run.forced);
  run_id_ = db_->last_insert_rowid();
  if (db_->ok()) return true;
  *error = "cannot record the import run: " + db_->error();
  db_->clear_error();
  return false;
}

bool Archive::mark_presence(const std::vector<std::string>& folders, const std::vector<std::string>& seen,
                            std::string* error) {
  db_->exec("BEGIN");
  db_->exec("CREATE TEMP TABLE IF NOT EXISTS seen_paths(path TEXT PRIMARY KEY) WITHOUT ROWID");
  db_->exec("DELETE FROM seen_paths");
  Stmt add = db_->prepare("INSERT OR IGNORE INTO seen_paths(path) VALUES (?)");
  for (const std::string& p : seen) add.run(p);
  // The folder itself or a path below it: a prefix test, not LIKE ('_' and
  // '%' are ordinary in file names).
  Stmt gone = db_->prepare(
      "UPDATE files SET present = (path IN (SELECT path FROM seen_paths)) "
      "WHERE substr(path, 1, length(?1) + 1) = ?1 || '/'");
  for (const std::string& f : folders) gone.run(f == "/" ? std::string() : f);
  db_->exec("UPDATE files SET present = 1 WHERE path IN (SELECT path FROM seen_paths)");
  return commit_or_rollback("cannot record which files are present", error);
}

std::optional<Pruned> Archive::prune(bool dry_run, std::string* error) {
  db_->exec("BEGIN IMMEDIATE");
  Pruned out;
  std::vector<int64_t> ids;
  {
    Stmt q = db_->prepare("SELECT id, path FROM files WHERE present = 0 ORDER BY path");
    while (q.step()) {
      std::error_code ec;
      if (std::filesystem::exists(path_bytes(q.text(1)), ec) || ec) continue;   // back, or cannot tell: kept
      ids.push_back(q.int64(0));
      out.paths.push_back(q.text(1));
    }
  }
  db_->exec("CREATE TEMP TABLE IF NOT EXISTS pruned(id INTEGER PRIMARY KEY)");
  db_->exec("DELETE FROM pruned");
  Stmt add = db_->prepare("INSERT INTO pruned(id) VALUES (?)");
  for (int64_t id : ids) add.run(id);
  const char* orphans =
      "SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id) "
      "AND NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.id NOT IN (SELECT id FROM pruned))";
  out.documents = db_->query_int(std::string("SELECT count(*) FROM (") + orphans + ")");
  out.records = db_->query_int(std::string("SELECT count(*) FROM records WHERE document_id IN (") + orphans + ")");
  if (dry_run) {
    db_->exec("ROLLBACK");
  } else {
    db_->exec(std::string("DELETE FROM documents WHERE id IN (") + orphans + ")");
    db_->exec("DELETE FROM files WHERE id IN (SELECT id FROM pruned)");
    if (!commit_or_rollback("cannot prune", error)) return std::nullopt;
  }
  if (!db_->ok()) {
    *error = "cannot prune: " + db_->error();
    db_->clear_error();
    return std::nullopt;
  }
  return out;
}

bool Archive::finish_run(const RunCounts& c, std::string* error) {
  Stmt q = db_->prepare(
      "UPDATE import_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), files_seen = ?, files_new = ?, "
      "files_reparsed = ?, files_same_content = ?, files_unchanged = ?, files_unreadable = ?, records_ok = ?, "
      "records_partial = ?, records_failed = ?, pages = ?, seconds = ? WHERE id = ?");
  q.run(c.files_seen, c.files_new, c.files_reparsed, c.files_same_content, c.files_unchanged, c.files_unreadable,
        c.records_ok, c.records_partial, c.records_failed, c.pages, c.seconds, run_id_);
  if (db_->ok()) return true;
  *error = "cannot record the import run's counts: " + db_->error();
  db_->clear_error();
  return false;
}

bool Archive::commit_or_rollback(const std::string& what, std::string* error) {
  db_->exec("COMMIT");
  if (db_->ok()) return true;
  *error = what + ": " + db_->error();
  db_->clear_error();
  db_->exec("ROLLBACK");
  db_->clear_error();
  return false;
}

void Archive::link(const FileStat& file, int64_t document_id) {
  Stmt& before = st_->file_document;
  before.reset();
  before.bind(1, file.path);
  const int64_t previous = before.step() ? before.int64(0) : 0;
  before.reset();
  st_->file.run(file.path, document_id, file.size, file.mtime_ns, run_id_);
  if (previous != 0 && previous != document_id) st_->drop_orphan.run(previous);
}

bool Archive::link_path(const FileStat& file, const std::string& sha256, std::string* error) {
  db_->exec("BEGIN IMMEDIATE");
  Stmt& q = st_->document_id;
  q.reset();
  q.bind(1, sha256);
  const int64_t id = q.step() ? q.int64(0) : 0;
  q.reset();
  if (id == 0) db_->fail("no stored document has SHA-256 " + sha256);
  link(file, id);
  return commit_or_rollback("cannot store path " + file.path, error);
}

bool Archive::write_document(const ParsedDocument& doc, const std::string& grammar_fingerprint, std::string* error) {
  db_->exec("BEGIN IMMEDIATE");
  Stmt& d = st_->document;
  d.reset();
  d.bind(1, doc.sha256);
  d.bind(2, doc.size);
  d.bind(3, doc.info.pages);
  d.bind(4, doc.info.encrypted);
  d.bind(5, non_empty(doc.info.producer));
  d.bind(6, non_empty(doc.info.creator));
  d.bind(7, non_empty(doc.info.title));
  d.bind(8, iso_utc(doc.info.created));
  d.bind(9, AJ_VERSION);
  d.bind(10, doc.seconds);
  d.bind(11, run_id_);
  const int64_t id = d.step() ? d.int64(0) : 0;
  d.reset();
  st_->delete_records.run(id);
  st_->delete_directive.run(id);
  for (const Record& r : doc.records) insert_record(r, id, grammar_fingerprint);
  if (doc.directive) insert_directive(*doc.directive, id);
  for (const FileStat& f : doc.paths) link(f, id);
  return commit_or_rollback("cannot store " + (doc.paths.empty() ? doc.sha256 : doc.paths.front().path), error);
}

void Archive::insert_directive(const Directive& d, int64_t document_id) {
  Statements& s = *st_;
  const EntryIntoForce entry = d.entry_into_force.value_or(EntryIntoForce{});
  const bool has_entry = d.entry_into_force.has_value();
  s.directive.run(document_id, d.issuer, d.date, d.number, d.title, d.legal_basis, d.signatory_name,
                  d.signatory_title, has_entry ? Text(entry.text) : std::nullopt, entry.date,
                  has_entry ? std::optional<bool>(entry.on_signature) : std::nullopt, entry.retroactive_from,
                  d.page_first, d.page_last);
  const int64_t id = db_->last_insert_rowid();
  int64_t position = 0;
  for (const auto& a : d.appendices) s.directive_appendix.run(id, ++position, a.number, a.title);
  position = 0;
  for (const auto& r : d.repeals) {
    if (r.appendices.empty()) s.directive_repeal.run(id, ++position, r.date, r.number, std::optional<int>(), r.text);
    for (int n : r.appendices) s.directive_repeal.run(id, ++position, r.date, r.number, std::optional<int>(n), r.text);
  }
  position = 0;
  for (const auto& p : d.problems)
    s.directive_problem.run(id, ++position, std::string(code_name(p.code)), std::string(severity_name(p.severity)),
                            p.page > 0 ? std::optional<int>(p.page) : std::nullopt, p.message);
}

void Archive::insert_record(const Record& r, int64_t document_id, const std::string& grammar_fingerprint) {
  using fields::Group;
  Statements& s = *st_;
  // The groups' rows: records, requirements (always), signatures (when there).
  auto insert_row = [&](Stmt& q, Group g, int64_t key, const std::string* trailing) {
    q.reset();
    int i = 0;
    q.bind(++i, key);
    for (const fields::Field* f : row_fields(g)) bind_row_field(q, i, *f, r);
    if (trailing) q.bind(++i, *trailing);
    step_to_end(q);
  };
  insert_row(s.record, Group::record, document_id, &grammar_fingerprint);
  const int64_t id = db_->last_insert_rowid();
  const OrgColumns org = org_columns(r, base_forms_);
  s.org_columns.run(org.title_base, org.title_key, org.manager_base, org.fingerprint, id);
  insert_row(s.requirement, Group::requirements, id, nullptr);
  if (fields::group_present(Group::signatures, r)) insert_row(s.signature, Group::signatures, id, nullptr);

  for (const fields::Field& f : fields::all()) {
    switch (f.place) {
      case fields::Place::column: break;
      case fields::Place::text_table: {
        const auto& items = fields::texts(f, r);
        for (size_t i = 0; i < items.size(); ++i) s.text_table(f).run(id, int(i + 1), items[i]);
        break;
      }
      case fields::Place::position_list: {
        const auto& items = fields::texts(f, r);
        for (size_t i = 0; i < items.size(); ++i)
          s.position.run(id, f.name, int(i + 1), items[i], base_form(items[i], base_forms_));
        break;
      }
      case fields::Place::dedicated: insert_tables(f.shape, r, id); break;
    }
  }
}

// The child tables of the fields with a shape of their own; the shapes kept
// in a group's row (record_columns.cpp) have none.
void Archive::insert_tables(fields::Shape shape, const Record& r, int64_t id) {
  Statements& s = *st_;
  switch (shape) {
    case fields::Shape::approval:
      if (r.approval)
        s.approval.run(id, r.approval->authority, r.approval->date, r.approval->directive_number,
                       r.approval->appendix,
                       r.approval->authority ? std::optional(base_form(*r.approval->authority, base_forms_))
                                             : std::nullopt);
      break;
    case fields::Shape::tasks:
      for (size_t i = 0; i < r.tasks.size(); ++i) {
        const Task& t = r.tasks[i];
        s.task.run(id, int(i + 1), t.number, t.text);
        const int64_t task_id = db_->last_insert_rowid();
        for (size_t k = 0; k < t.results.size(); ++k) s.task_result.run(task_id, int(k + 1), t.results[k]);
      }
      break;
    case fields::Shape::languages:
      for (size_t i = 0; i < r.requirements.languages.size(); ++i) {
        const Language& l = r.requirements.languages[i];
        s.language.run(id, int(i + 1), l.language, l.level, l.required);
        const int64_t language_id = db_->last_insert_rowid();
        for (size_t k = 0; k < l.options.size(); ++k) s.language_option.run(language_id, int(k + 1), l.options[k]);
      }
      break;
    case fields::Shape::competencies:
      for (size_t i = 0; i < r.competencies.size(); ++i) {
        const Competency& c = r.competencies[i];
        s.competency.run(id, int(i + 1), c.group, c.name);
        const int64_t competency_id = db_->last_insert_rowid();
        for (size_t k = 0; k < c.items.size(); ++k) s.competency_item.run(competency_id, int(k + 1), c.items[k]);
      }
      break;
    case fields::Shape::sections:
      for (size_t i = 0; i < r.sections.size(); ++i) {
        const RawSection& sec = r.sections[i];
        s.section.run(id, int(i + 1), sec.heading, sec.text, sec.page_first, sec.page_last);
      }
      break;
    case fields::Shape::problems:
      for (size_t i = 0; i < r.problems.size(); ++i) {
        const Problem& p = r.problems[i];
        const auto corner = [&](double Box::*c) { return p.box ? std::optional<double>((*p.box).*c) : std::nullopt; };
        s.problem.run(id, int(i + 1), code_name(p.code), severity_name(p.severity),
                      p.page > 0 ? std::optional<int>(p.page) : std::nullopt, p.message, p.excerpt,
                      corner(&Box::x0), corner(&Box::y0), corner(&Box::x1), corner(&Box::y1));
      }
      break;
    case fields::Shape::none:
    case fields::Shape::source:
    case fields::Shape::education:
    case fields::Shape::experience:
    case fields::Shape::employer:
    case fields::Shape::employee: break;
  }
}

}  // namespace aj::store
