// reader.cpp — one prepared statement per table, reused for every record.
#include "store/reader.h"

namespace aj::store {

struct RecordReader::Statements {
  Stmt record, approval, signature, requirement, languages, language_options, qualities, competencies,
      competency_items, rights, responsibilities, positions, tasks, task_results, sections, problems, paths;
};

RecordReader::RecordReader(Db& db) : db_(db), st_(std::make_unique<Statements>()) {
  Statements& s = *st_;
  s.record = db.prepare(
      "SELECT source_file, source_index, page_first, page_last, contract_appendix, title, structural_unit, "
      "department, division, team, direct_manager, substitutes_scope, substituted_by_scope, purpose, position_group, "
      "special_conditions, work_tools, review_note, status, grammar FROM records WHERE id = ?");
  s.approval = db.prepare("SELECT authority, date, directive_number, appendix FROM approvals WHERE record_id = ?");
  s.signature = db.prepare(
      "SELECT has_employer, employer_name, employer_title, has_employee, employee_name, digital "
      "FROM signatures WHERE record_id = ?");
  s.requirement = db.prepare(
      "SELECT education_text, education_level, education_fields, experience_text, experience_years_min, "
      "experience_required, computer_skills, knowledge_and_skills FROM requirements WHERE record_id = ?");
  s.languages = db.prepare("SELECT id, language, level, required FROM languages WHERE record_id = ? ORDER BY position");
  s.language_options = db.prepare("SELECT code FROM language_options WHERE language_id = ? ORDER BY position");
  s.qualities = db.prepare("SELECT text FROM personal_qualities WHERE record_id = ? ORDER BY position");
  s.competencies = db.prepare("SELECT id, group_name, name FROM competencies WHERE record_id = ? ORDER BY position");
  s.competency_items = db.prepare("SELECT text FROM competency_items WHERE competency_id = ? ORDER BY position");
  s.rights = db.prepare("SELECT text FROM rights WHERE record_id = ? ORDER BY position");
  s.responsibilities = db.prepare("SELECT text FROM responsibilities WHERE record_id = ? ORDER BY position");
  s.positions = db.prepare("SELECT list, title FROM position_lists WHERE record_id = ? ORDER BY list, position");
  s.tasks = db.prepare("SELECT id, number, text FROM tasks WHERE record_id = ? ORDER BY position");
  s.task_results = db.prepare("SELECT text FROM task_results WHERE task_id = ? ORDER BY position");
  s.sections = db.prepare(
      "SELECT heading, text, page_first, page_last FROM sections WHERE record_id = ? ORDER BY position");
  s.problems = db.prepare(
      "SELECT code, severity, page, message, excerpt, box_x0, box_y0, box_x1, box_y1 "
      "FROM problems WHERE record_id = ? ORDER BY position");
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

}  // namespace

std::optional<Record> RecordReader::read(int64_t id) {
  Statements& s = *st_;
  Record r;
  bool found = false;
  each(s.record, id, [&](Stmt& q) {
    found = true;
    r.source = Source{q.text(0), int(q.int64(1)), int(q.int64(2)), int(q.int64(3))};
    r.contract_appendix = q.int64(4) != 0;
    r.title = q.opt_text(5);
    r.structural_unit = q.opt_text(6);
    r.department = q.opt_text(7);
    r.division = q.opt_text(8);
    r.team = q.opt_text(9);
    r.direct_manager = q.opt_text(10);
    r.substitutes_scope = q.opt_text(11);
    r.substituted_by_scope = q.opt_text(12);
    r.purpose = q.opt_text(13);
    r.position_group = q.opt_text(14);
    r.special_conditions = q.opt_text(15);
    r.work_tools = q.opt_text(16);
    r.review_note = q.opt_text(17);
    const std::string status = q.text(18);
    r.status = status == "ok" ? Status::ok : status == "partial" ? Status::partial : Status::failed;
    r.grammar = q.text(19);
  });
  if (!found) return std::nullopt;
  each(s.approval, id, [&](Stmt& q) { r.approval = Approval{q.opt_text(0), q.opt_text(1), q.opt_text(2), q.opt_text(3)}; });
  each(s.signature, id, [&](Stmt& q) {
    Signatures sig;
    if (q.int64(0)) sig.employer = Signatures::Employer{q.opt_text(1), q.opt_text(2)};
    if (q.int64(3)) sig.employee = Signatures::Employee{q.opt_text(4)};
    sig.digital = q.int64(5) != 0;
    r.signatures = sig;
  });
  Requirements& req = r.requirements;
  each(s.requirement, id, [&](Stmt& q) {
    if (!q.is_null(0)) req.education = Education{q.text(0), q.opt_text(1), q.opt_text(2)};
    if (!q.is_null(3)) req.experience = Experience{q.text(3), q.opt_int(4), q.int64(5) != 0};
    req.computer_skills = q.opt_text(6);
    req.knowledge_and_skills = q.opt_text(7);
  });
  std::vector<int64_t> language_ids;
  each(s.languages, id, [&](Stmt& q) {
    language_ids.push_back(q.int64(0));
    req.languages.push_back(Language{q.text(1), q.opt_text(2), q.int64(3) != 0, {}});
  });
  for (size_t i = 0; i < language_ids.size(); ++i) req.languages[i].options = texts(s.language_options, language_ids[i]);
  req.personal_qualities = texts(s.qualities, id);
  std::vector<int64_t> competency_ids;
  each(s.competencies, id, [&](Stmt& q) {
    competency_ids.push_back(q.int64(0));
    r.competencies.push_back(Competency{q.opt_text(1), q.text(2), {}});
  });
  for (size_t i = 0; i < competency_ids.size(); ++i) r.competencies[i].items = texts(s.competency_items, competency_ids[i]);
  r.rights = texts(s.rights, id);
  r.responsibilities = texts(s.responsibilities, id);
  each(s.positions, id, [&](Stmt& q) {
    const std::string list = q.text(0);
    auto& target = list == "subordinates" ? r.subordinates : list == "substitutes" ? r.substitutes : r.substituted_by;
    target.push_back(q.text(1));
  });
  std::vector<int64_t> task_ids;
  each(s.tasks, id, [&](Stmt& q) {
    task_ids.push_back(q.int64(0));
    r.tasks.push_back(Task{q.opt_text(1), q.text(2), {}});
  });
  for (size_t i = 0; i < task_ids.size(); ++i) r.tasks[i].results = texts(s.task_results, task_ids[i]);
  each(s.sections, id, [&](Stmt& q) {
    r.sections.push_back(RawSection{q.text(0), q.text(1), int(q.int64(2)), int(q.int64(3))});
  });
  each(s.problems, id, [&](Stmt& q) {
    auto code = code_from_name(q.text(0));
    if (!code) return;  // a code of a newer program; record_from_json() skips these too
    Problem p{*code, severity_from_name(q.text(1)), q.is_null(2) ? 0 : int(q.int64(2)), q.text(3), std::nullopt,
              q.text(4)};
    if (!q.is_null(5)) p.box = Box{q.real(5), q.real(6), q.real(7), q.real(8)};
    r.problems.push_back(std::move(p));
  });
  if (!db_.ok()) return std::nullopt;
  return r;
}

std::vector<std::string> RecordReader::paths(int64_t record_id) { return texts(st_->paths, record_id); }

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
