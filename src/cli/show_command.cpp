// show_command.cpp — `ametijuhend show ID|PATH [--db FILE]`: one record (or
// every record of one PDF) from the database, laid out for reading: the
// position, its unit and lists, tasks with results, requirements,
// competencies, rights, responsibilities, signatures, and problems.
#include <charconv>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "store/database.h"
#include "store/reader.h"

namespace aj::cli {
namespace {

constexpr int kLabelWidth = 22;

void field(const char* label, const std::string& value) {
  std::string l = label;
  std::cout << "  " << l << std::string(kLabelWidth > int(l.size()) ? kLabelWidth - l.size() : 1, ' ') << value
            << "\n";
}
void field(const char* label, const Text& value) {
  if (value) field(label, *value);
}

std::string joined(const std::vector<std::string>& items, const char* separator = "; ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

void list_field(const char* label, const std::vector<std::string>& items, const Text& scope = std::nullopt) {
  if (items.empty() && !scope) return;
  field(label, joined(items) + (scope ? "  (scope: " + *scope + ")" : ""));
}

void bullets(const char* heading, const std::vector<std::string>& items) {
  if (items.empty()) return;
  std::cout << heading << "\n";
  for (const auto& s : items) std::cout << "  – " << s << "\n";
}

void print_record(int64_t id, const Record& r, const std::vector<std::string>& paths) {
  std::cout << "Record " << id << ": " << r.title.value_or("(no title)") << "  [" << status_name(r.status) << "]\n";
  for (size_t i = 0; i < paths.size(); ++i) field(i == 0 ? "file" : "also at", paths[i]);
  field("source", r.source.file + ", record " + std::to_string(r.source.index) + ", pages " +
                      std::to_string(r.source.page_first) + "–" + std::to_string(r.source.page_last) +
                      (r.grammar.empty() ? "" : ", grammar " + r.grammar));
  if (r.approval) {
    const auto& a = *r.approval;
    field("approved", joined({a.authority.value_or("?"), a.date.value_or("?"),
                              "nr " + a.directive_number.value_or("?"), a.appendix.value_or("")}, ", "));
  }
  if (r.contract_appendix) field("contract appendix", std::string("yes"));
  field("structural unit", r.structural_unit);
  field("department", r.department);
  field("division", r.division);
  field("team", r.team);
  field("direct manager", r.direct_manager);
  list_field("subordinates", r.subordinates);
  list_field("substitutes", r.substitutes, r.substitutes_scope);
  list_field("substituted by", r.substituted_by, r.substituted_by_scope);
  field("position group", r.position_group);
  field("purpose", r.purpose);
  field("special conditions", r.special_conditions);

  if (!r.tasks.empty()) std::cout << "Tasks\n";
  for (const auto& t : r.tasks) {
    std::cout << "  " << (t.number ? *t.number + "  " : "") << t.text << "\n";
    for (const auto& result : t.results) std::cout << "      → " << result << "\n";
  }
  const Requirements& q = r.requirements;
  if (q.education || q.experience || !q.languages.empty() || q.computer_skills || q.knowledge_and_skills ||
      !q.personal_qualities.empty())
    std::cout << "Requirements\n";
  if (q.education)
    field("education", q.education->text + (q.education->level ? "  [" + *q.education->level + "]" : "") +
                           (q.education->fields ? "  (fields: " + *q.education->fields + ")" : ""));
  if (q.experience)
    field("experience", q.experience->text + "  [" +
                            (q.experience->years_min ? "at least " + std::to_string(*q.experience->years_min) +
                                                           " years, "
                                                     : "") +
                            (q.experience->required ? "required" : "recommended") + "]");
  std::vector<std::string> languages;
  for (const auto& l : q.languages)
    languages.push_back(l.language + (l.level ? " " + *l.level : "") + (l.required ? "" : " (recommended)") +
                        (l.options.empty() ? "" : " (options: " + joined(l.options, ", ") + ")"));
  list_field("languages", languages);
  field("computer skills", q.computer_skills);
  field("knowledge and skills", q.knowledge_and_skills);
  list_field("personal qualities", q.personal_qualities);
  if (!r.competencies.empty()) std::cout << "Competencies\n";
  for (const auto& c : r.competencies) {
    std::cout << "  " << (c.group ? *c.group + " / " : "") << c.name << "\n";
    for (const auto& item : c.items) std::cout << "      – " << item << "\n";
  }
  bullets("Rights", r.rights);
  bullets("Responsibilities", r.responsibilities);
  if (r.work_tools || r.review_note || r.signatures) std::cout << "Other\n";
  field("work tools", r.work_tools);
  field("review note", r.review_note);
  if (r.signatures) {
    const auto& s = *r.signatures;
    std::vector<std::string> parts;
    if (s.employer) parts.push_back("employer " + joined({s.employer->name.value_or("?"), s.employer->title.value_or("?")}, ", "));
    if (s.employee) parts.push_back("employee " + s.employee->name.value_or("?"));
    if (s.digital) parts.push_back("signed digitally");
    field("signatures", joined(parts));
  }
  if (!r.problems.empty()) std::cout << "Problems\n";
  for (const auto& p : r.problems)
    std::cout << "  " << severity_name(p.severity) << " " << code_name(p.code)
              << (p.page ? " (page " + std::to_string(p.page) + ")" : "") << ": " << p.message
              << (p.excerpt.empty() ? "" : " «" + p.excerpt + "»") << "\n";
}

// Record ids for an id, a stored path, or a PDF's file name.
std::vector<int64_t> find_records(store::Db& db, const std::string& what) {
  std::vector<int64_t> ids;
  if (!what.empty() && what.find_first_not_of("0123456789") == std::string::npos) {
    int64_t id = 0;
    std::from_chars(what.data(), what.data() + what.size(), id);
    store::Stmt q = db.prepare("SELECT id FROM records WHERE id = ?");
    q.bind(1, id);
    while (q.step()) ids.push_back(q.int64(0));
    return ids;
  }
  std::error_code ec;
  const std::string path = std::filesystem::absolute(what, ec).lexically_normal().string();
  store::Stmt q = db.prepare(
      "SELECT r.id FROM records r WHERE r.document_id IN (SELECT document_id FROM files WHERE path = ?1) "
      "   OR (r.source_file = ?2 AND NOT EXISTS (SELECT 1 FROM files WHERE path = ?1)) "
      "ORDER BY r.source_file, r.source_index, r.id");
  q.bind(1, path);
  q.bind(2, std::filesystem::path(what).filename().string());
  while (q.step()) ids.push_back(q.int64(0));
  return ids;
}

}  // namespace

void add_show_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("show", "Print one record from the database, readably");
  auto what = std::make_shared<std::string>();
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  cmd->add_option("record", *what, "a record id (records.id, v_positions.record_id), a PDF's path, or its file name")
      ->required();
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  cmd->callback([what, db_path] {
    std::string error;
    auto db = store::open_readonly(*db_path, &error);
    if (!db) {
      std::cerr << "ametijuhend show: " << error << "\n";
      set_exit_code(1);
      return;
    }
    const auto ids = find_records(*db, *what);
    if (ids.empty()) {
      std::cerr << "ametijuhend show: no record with id, path or file name " << *what << " in " << *db_path
                << (db->ok() ? "" : ": " + db->error()) << "\n";
      set_exit_code(1);
      return;
    }
    store::RecordReader reader(*db);
    for (size_t i = 0; i < ids.size(); ++i) {
      auto record = reader.read(ids[i]);
      if (!record) {
        std::cerr << "ametijuhend show: cannot read record " << ids[i] << ": " << db->error() << "\n";
        set_exit_code(1);
        return;
      }
      if (i) std::cout << "\n";
      print_record(ids[i], *record, reader.paths(ids[i]));
    }
  });
}

}  // namespace aj::cli
