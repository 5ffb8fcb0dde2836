// reader.cpp — one prepared statement per table, reused for every record.
// The groups' rows and the generic list tables follow the field registry
// (core/fields.h, store/record_columns.h); the fields with tables of their
// own are read by the dedicated code their Shape names.
#include "store/reader.h"

#include <algorithm>

#include "store/record_columns.h"

namespace aj::store {

using fields::Field;
using fields::Group;

struct RecordReader::Statements {
  Stmt record, requirement, signature;   // the groups' rows
  std::vector<std::pair<const Field*, Stmt>> lists;   // Place::text_table and position_list, one per field
  Stmt approval, languages, language_options, competencies, competency_items, tasks, task_results, sections,
      problems, paths, record_key;

  Stmt& list(const Field& f) {
    return std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.first == &f; })->second;
  }
};

RecordReader::RecordReader(Db& db) : db_(db), st_(std::make_unique<Statements>()) {
  Statements& s = *st_;
  s.record = db.prepare("SELECT " + row_column_list(Group::record) + " FROM records WHERE id = ?");
  s.requirement = db.prepare("SELECT " + row_column_list(Group::requirements) + " FROM requirements WHERE record_id = ?");
  s.signature = db.prepare("SELECT " + row_column_list(Group::signatures) + " FROM signatures WHERE record_id = ?");
  for (const Field& f : fields::all()) {
    if (f.place == fields::Place::text_table)
      s.lists.emplace_back(&f, db.prepare("SELECT text FROM " + std::string(f.sql) +
                                          " WHERE record_id = ? ORDER BY position"));
    if (f.place == fields::Place::position_list)
      s.lists.emplace_back(&f, db.prepare("SELECT title FROM position_lists WHERE record_id = ? AND list = '" +
                                          std::string(f.name) + "' ORDER BY position"));
  }
  s.approval = db.prepare("SELECT authority, date, directive_number, appendix FROM approvals WHERE record_id = ?");
  s.languages = db.prepare("SELECT id, language, level, required FROM languages WHERE record_id = ? ORDER BY position");
  s.language_options = db.prepare("SELECT code FROM language_options WHERE language_id = ? ORDER BY position");
  s.competencies = db.prepare("SELECT id, group_name, name FROM competencies WHERE record_id = ? ORDER BY position");
  s.competency_items = db.prepare("SELECT text FROM competency_items WHERE competency_id = ? ORDER BY position");
  s.tasks = db.prepare("SELECT id, number, text FROM tasks WHERE record_id = ? ORDER BY position");
  s.task_results = db.prepare("SELECT text FROM task_results WHERE task_id = ? ORDER BY position");
  s.sections = db.prepare(
      "SELECT heading, text, page_first, page_last FROM sections WHERE record_id = ? ORDER BY position");
  s.problems = db.prepare(
      "SELECT code, severity, page, message, excerpt, box_x0, box_y0, box_x1, box_y1 "
      "FROM problems WHERE record_id = ? ORDER BY position");
  s.record_key = db.prepare("SELECT record_key FROM records WHERE id = ?");
  s.paths = db.prepare(
      "SELECT f.path FROM files f JOIN records r ON r.document_id = f.document_id WHERE r.id = ? ORDER BY f.path");
}

RecordReader::~RecordReader() = default;

namespace {

// Steps `q` (bound to `id`) and calls `row` for each row.
template <class Row>
void each(Stmt& q, int64_t id, Row row) {
  q.reset();
  q.bind(1, id);
  while (q.step()) row(q);
}

std::vector<std::string> texts(Stmt& q, int64_t id) {
  std::vector<std::string> out;
  each(q, id, [&](Stmt& r) { out.push_back(r.text(0)); });
  return out;
}

Severity severity_from_name(const std::string& name) {
  return name == "info" ? Severity::info : name == "warning" ? Severity::warning : Severity::error;
}

// Reads the group's row into `r`; false when it has none.
bool read_row(Stmt& q, int64_t id, Group g, Record& r) {
  bool found = false;
  each(q, id, [&](Stmt& row) {
    found = true;
    fields::group_emplace(g, r);
    int column = 0;
    for (const Field* f : row_fields(g)) read_row_field(row, column, *f, r);
  });
  return found;
}

}  // namespace

std::optional<Record> RecordReader::read(int64_t id) {
  Statements& s = *st_;
  Record r;
  if (!read_row(s.record, id, Group::record, r)) return std::nullopt;
  read_row(s.requirement, id, Group::requirements, r);
  read_row(s.signature, id, Group::signatures, r);
  for (const Field& f : fields::all()) {
    switch (f.place) {
      case fields::Place::column: break;
      case fields::Place::text_table:
      case fields::Place::position_list: f.access.texts(r) = texts(s.list(f), id); break;
      case fields::Place::dedicated: read_tables(f.shape, id, r); break;
    }
  }
  if (!db_.ok()) return std::nullopt;
  return r;
}

// The child tables of the fields with a shape of their own; the shapes kept
// in a group's row (record_columns.cpp) have none.
void RecordReader::read_tables(fields::Shape shape, int64_t id, Record& r) {
  Statements& s = *st_;
  switch (shape) {
    case fields::Shape::approval:
      each(s.approval, id,
           [&](Stmt& q) { r.approval = Approval{q.opt_text(0), q.opt_text(1), q.opt_text(2), q.opt_text(3)}; });
      break;
    case fields::Shape::tasks: {
      std::vector<int64_t> task_ids;
      each(s.tasks, id, [&](Stmt& q) {
        task_ids.push_back(q.int64(0));
        r.tasks.push_back(Task{q.opt_text(1), q.text(2), {}});
      });
      for (size_t i = 0; i < task_ids.size(); ++i) r.tasks[i].results = texts(s.task_results, task_ids[i]);
      break;
    }
    case fields::Shape::languages: {
      auto& languages = r.requirements.languages;
      std::vector<int64_t> language_ids;
      each(s.languages, id, [&](Stmt& q) {
        language_ids.push_back(q.int64(0));
        languages.push_back(Language{q.text(1), q.opt_text(2), q.int64(3) != 0, {}});
      });
      for (size_t i = 0; i < language_ids.size(); ++i)
        languages[i].options = texts(s.language_options, language_ids[i]);
      break;
    }
    case fields::Shape::competencies: {
      std::vector<int64_t> competency_ids;
      each(s.competencies, id, [&](Stmt& q) {
        competency_ids.push_back(q.int64(0));
        r.competencies.push_back(Competency{q.opt_text(1), q.text(2), {}});
      });
      for (size_t i = 0; i < competency_ids.size(); ++i)
        r.competencies[i].items = texts(s.competency_items, competency_ids[i]);
      break;
    }
    case fields::Shape::sections:
      each(s.sections, id, [&](Stmt& q) {
        r.sections.push_back(RawSection{q.text(0), q.text(1), int(q.int64(2)), int(q.int64(3))});
      });
      break;
    case fields::Shape::problems:
      each(s.problems, id, [&](Stmt& q) {
        auto code = code_from_name(q.text(0));
        if (!code) return;  // a code of a newer program; record_from_json() skips these too
        Problem p{*code, severity_from_name(q.text(1)), q.is_null(2) ? 0 : int(q.int64(2)), q.text(3), std::nullopt,
                  q.text(4)};
        if (!q.is_null(5)) p.box = Box{q.real(5), q.real(6), q.real(7), q.real(8)};
        r.problems.push_back(std::move(p));
      });
      break;
    case fields::Shape::none:
    case fields::Shape::source:
    case fields::Shape::education:
    case fields::Shape::experience:
    case fields::Shape::employer:
    case fields::Shape::employee: break;
  }
}

std::vector<std::string> RecordReader::paths(int64_t record_id) { return texts(st_->paths, record_id); }

std::string RecordReader::record_key(int64_t record_id) {
  const auto keys = texts(st_->record_key, record_id);
  return keys.empty() ? "" : keys.front();
}

std::optional<std::vector<int64_t>> select_records(Db& db, const std::string& where, std::string* error) {
  Stmt q = db.prepare("SELECT record_id FROM v_positions" + (where.empty() ? std::string() : " WHERE (" + where + ")") +
                      " ORDER BY path, source_index, record_id");
  std::vector<int64_t> ids;
  while (q.step()) ids.push_back(q.int64(0));
  if (!db.ok()) {
    *error = db.error();
    db.clear_error();
    return std::nullopt;
  }
  return ids;
}

}  // namespace aj::store
