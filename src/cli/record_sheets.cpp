// record_sheets.cpp — one row per record, task, result, … (record_sheets.h).
#include "cli/record_sheets.h"

namespace aj::cli {
namespace {

enum SheetIndex { positions, tasks, results, requirements, languages, competencies, rights, responsibilities, problems };

Cell text(const Text& t) { return t ? Cell(*t) : Cell(); }
Cell number(const std::optional<int>& n) { return n ? Cell(int64_t{*n}) : Cell(); }

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

}  // namespace

RecordSheets::RecordSheets() {
  sheets_ = {
      {"positions",
       {"record", "file", "index", "status", "title", "structural_unit", "department", "division", "team",
        "direct_manager", "position_group", "purpose", "special_conditions", "subordinates", "substitutes",
        "substitutes_scope", "substituted_by", "substituted_by_scope", "approved_by", "approved_on",
        "directive_number", "appendix", "contract_appendix", "work_tools", "page_first", "page_last", "grammar"},
       {}},
      {"tasks", {"record", "title", "position", "number", "task", "results"}, {}},
      {"results", {"record", "title", "task_number", "task", "position", "result"}, {}},
      {"requirements",
       {"record", "title", "education_level", "education_fields", "education", "experience_years_min",
        "experience_required", "experience", "languages", "computer_skills", "knowledge_and_skills",
        "personal_qualities"},
       {}},
      {"languages", {"record", "title", "language", "level", "required", "options"}, {}},
      {"competencies", {"record", "title", "group", "competency", "items"}, {}},
      {"rights", {"record", "title", "position", "right"}, {}},
      {"responsibilities", {"record", "title", "position", "responsibility"}, {}},
      {"problems", {"record", "file", "severity", "code", "page", "message", "excerpt"}, {}},
  };
}

void RecordSheets::add(int64_t key, const Record& r) {
  const Cell id = key, title = text(r.title);
  const Approval approval = r.approval.value_or(Approval{});
  sheets_[positions].rows.push_back(
      {id, r.source.file, int64_t{r.source.index}, std::string(status_name(r.status)), title, text(r.structural_unit),
       text(r.department), text(r.division), text(r.team), text(r.direct_manager), text(r.position_group),
       text(r.purpose), text(r.special_conditions), joined(r.subordinates, "; "), joined(r.substitutes, "; "),
       text(r.substitutes_scope), joined(r.substituted_by, "; "), text(r.substituted_by_scope),
       text(approval.authority), text(approval.date), text(approval.directive_number), text(approval.appendix),
       int64_t{r.contract_appendix}, text(r.work_tools), int64_t{r.source.page_first}, int64_t{r.source.page_last},
       r.grammar});

  for (size_t t = 0; t < r.tasks.size(); ++t) {
    const Task& task = r.tasks[t];
    const int64_t position = static_cast<int64_t>(t + 1);
    sheets_[tasks].rows.push_back({id, title, position, text(task.number), task.text, joined(task.results, "\n")});
    for (size_t k = 0; k < task.results.size(); ++k)
      sheets_[results].rows.push_back(
          {id, title, text(task.number), task.text, static_cast<int64_t>(k + 1), task.results[k]});
  }

  const Requirements& q = r.requirements;
  std::vector<std::string> language_list;
  for (const auto& l : q.languages) {
    language_list.push_back(l.language + (l.level ? " " + *l.level : ""));
    sheets_[languages].rows.push_back(
        {id, title, l.language, text(l.level), int64_t{l.required}, joined(l.options, ", ")});
  }
  sheets_[requirements].rows.push_back(
      {id, title, q.education ? text(q.education->level) : Cell(), q.education ? text(q.education->fields) : Cell(),
       q.education ? Cell(q.education->text) : Cell(), q.experience ? number(q.experience->years_min) : Cell(),
       q.experience ? Cell(int64_t{q.experience->required}) : Cell(),
       q.experience ? Cell(q.experience->text) : Cell(), joined(language_list, ", "), text(q.computer_skills),
       text(q.knowledge_and_skills), joined(q.personal_qualities, "; ")});

  for (const auto& c : r.competencies)
    sheets_[competencies].rows.push_back({id, title, text(c.group), c.name, joined(c.items, "\n")});
  for (size_t i = 0; i < r.rights.size(); ++i)
    sheets_[rights].rows.push_back({id, title, static_cast<int64_t>(i + 1), r.rights[i]});
  for (size_t i = 0; i < r.responsibilities.size(); ++i)
    sheets_[responsibilities].rows.push_back({id, title, static_cast<int64_t>(i + 1), r.responsibilities[i]});
  for (const auto& p : r.problems)
    sheets_[problems].rows.push_back({id, r.source.file, std::string(severity_name(p.severity)),
                                      std::string(code_name(p.code)), p.page ? Cell(int64_t{p.page}) : Cell(),
                                      p.message, p.excerpt});
}

}  // namespace aj::cli
