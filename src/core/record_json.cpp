// record_json.cpp — the contract's JSON shape for Record, both ways.
#include "core/record.h"

namespace aj {
namespace {

using oj = nlohmann::ordered_json;

oj text(const Text& t) { return t ? oj(*t) : oj(nullptr); }
oj texts(const std::vector<std::string>& v) {
  oj a = oj::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

Text get_text(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}
std::vector<std::string> get_texts(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& s : j[key]) out.push_back(s.get<std::string>());
  return out;
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::partial: return "partial";
    case Status::failed: return "failed";
  }
  return "failed";
}

oj to_json(const Problem& p) {
  oj j;
  j["code"] = std::string(code_name(p.code));
  j["severity"] = std::string(severity_name(p.severity));
  j["page"] = p.page > 0 ? oj(p.page) : oj(nullptr);
  j["message"] = p.message;
  return j;
}

oj to_json(const Record& r) {
  oj j;
  j["source"] = {{"file", r.source.file}, {"index", r.source.index},
                 {"page_first", r.source.page_first}, {"page_last", r.source.page_last}};
  if (r.approval)
    j["approval"] = {{"authority", text(r.approval->authority)}, {"date", text(r.approval->date)},
                     {"directive_number", text(r.approval->directive_number)},
                     {"appendix", text(r.approval->appendix)}};
  else
    j["approval"] = nullptr;
  j["contract_appendix"] = r.contract_appendix;
  j["title"] = text(r.title);
  j["structural_unit"] = text(r.structural_unit);
  j["department"] = text(r.department);
  j["division"] = text(r.division);
  j["team"] = text(r.team);
  j["direct_manager"] = text(r.direct_manager);
  j["subordinates"] = texts(r.subordinates);
  j["substitutes"] = texts(r.substitutes);
  j["substitutes_scope"] = text(r.substitutes_scope);
  j["substituted_by"] = texts(r.substituted_by);
  j["substituted_by_scope"] = text(r.substituted_by_scope);
  j["purpose"] = text(r.purpose);
  j["position_group"] = text(r.position_group);
  j["special_conditions"] = text(r.special_conditions);
  oj tasks = oj::array();
  for (const auto& t : r.tasks)
    tasks.push_back({{"number", text(t.number)}, {"text", t.text}, {"results", texts(t.results)}});
  j["tasks"] = tasks;
  const auto& q = r.requirements;
  oj req;
  req["education"] = q.education ? oj{{"text", q.education->text}, {"level", text(q.education->level)},
                                      {"fields", text(q.education->fields)}}
                                 : oj(nullptr);
  req["experience"] =
      q.experience ? oj{{"text", q.experience->text},
                        {"years_min", q.experience->years_min ? oj(*q.experience->years_min) : oj(nullptr)},
                        {"required", q.experience->required}}
                   : oj(nullptr);
  oj langs = oj::array();
  for (const auto& l : q.languages)
    langs.push_back({{"language", l.language}, {"level", text(l.level)}, {"required", l.required},
                     {"options", texts(l.options)}});
  req["languages"] = langs;
  req["computer_skills"] = text(q.computer_skills);
  req["knowledge_and_skills"] = text(q.knowledge_and_skills);
  req["personal_qualities"] = texts(q.personal_qualities);
  j["requirements"] = req;
  oj comps = oj::array();
  for (const auto& c : r.competencies)
    comps.push_back({{"group", text(c.group)}, {"name", c.name}, {"items", texts(c.items)}});
  j["competencies"] = comps;
  j["rights"] = texts(r.rights);
  j["responsibilities"] = texts(r.responsibilities);
  j["work_tools"] = text(r.work_tools);
  j["review_note"] = text(r.review_note);
  if (r.signatures) {
    oj s;
    s["employer"] = r.signatures->employer
                        ? oj{{"name", text(r.signatures->employer->name)}, {"title", text(r.signatures->employer->title)}}
                        : oj(nullptr);
    s["employee"] = r.signatures->employee ? oj{{"name", text(r.signatures->employee->name)}} : oj(nullptr);
    s["digital"] = r.signatures->digital;
    j["signatures"] = s;
  } else {
    j["signatures"] = nullptr;
  }
  j["status"] = std::string(status_name(r.status));
  oj probs = oj::array();
  for (const auto& p : r.problems) probs.push_back(to_json(p));
  j["problems"] = probs;
  return j;
}

oj to_full_json(const Record& r) {
  oj j = to_json(r);
  j["grammar"] = r.grammar;
  oj secs = oj::array();
  for (const auto& s : r.sections)
    secs.push_back({{"heading", s.heading}, {"text", s.text}, {"page_first", s.page_first}, {"page_last", s.page_last}});
  j["sections"] = secs;
  for (size_t i = 0; i < r.problems.size(); ++i) {
    const auto& p = r.problems[i];
    j["problems"][i]["excerpt"] = p.excerpt;
    j["problems"][i]["box"] = p.box ? oj{p.box->x0, p.box->y0, p.box->x1, p.box->y1} : oj(nullptr);
  }
  return j;
}

Record record_from_json(const nlohmann::json& j) {
  Record r;
  const auto& s = j.at("source");
  r.source = {s.at("file").get<std::string>(), s.at("index").get<int>(), s.at("page_first").get<int>(),
              s.at("page_last").get<int>()};
  if (j.contains("approval") && j["approval"].is_object()) {
    const auto& a = j["approval"];
    r.approval = Approval{get_text(a, "authority"), get_text(a, "date"), get_text(a, "directive_number"),
                          get_text(a, "appendix")};
  }
  r.contract_appendix = j.value("contract_appendix", false);
  r.title = get_text(j, "title");
  r.structural_unit = get_text(j, "structural_unit");
  r.department = get_text(j, "department");
  r.division = get_text(j, "division");
  r.team = get_text(j, "team");
  r.direct_manager = get_text(j, "direct_manager");
  r.subordinates = get_texts(j, "subordinates");
  r.substitutes = get_texts(j, "substitutes");
  r.substitutes_scope = get_text(j, "substitutes_scope");
  r.substituted_by = get_texts(j, "substituted_by");
  r.substituted_by_scope = get_text(j, "substituted_by_scope");
  r.purpose = get_text(j, "purpose");
  r.position_group = get_text(j, "position_group");
  r.special_conditions = get_text(j, "special_conditions");
  for (const auto& t : j.value("tasks", nlohmann::json::array()))
    r.tasks.push_back(Task{get_text(t, "number"), t.at("text").get<std::string>(), get_texts(t, "results")});
  if (j.contains("requirements") && j["requirements"].is_object()) {
    const auto& q = j["requirements"];
    if (q.contains("education") && q["education"].is_object()) {
      const auto& e = q["education"];
      r.requirements.education = Education{e.value("text", ""), get_text(e, "level"), get_text(e, "fields")};
    }
    if (q.contains("experience") && q["experience"].is_object()) {
      const auto& e = q["experience"];
      std::optional<int> years;
      if (e.contains("years_min") && !e["years_min"].is_null()) years = e["years_min"].get<int>();
      r.requirements.experience = Experience{e.value("text", ""), years, e.value("required", true)};
    }
    for (const auto& l : q.value("languages", nlohmann::json::array()))
      r.requirements.languages.push_back(
          Language{l.at("language").get<std::string>(), get_text(l, "level"), l.value("required", true),
                   get_texts(l, "options")});
    r.requirements.computer_skills = get_text(q, "computer_skills");
    r.requirements.knowledge_and_skills = get_text(q, "knowledge_and_skills");
    r.requirements.personal_qualities = get_texts(q, "personal_qualities");
  }
  for (const auto& c : j.value("competencies", nlohmann::json::array()))
    r.competencies.push_back(Competency{get_text(c, "group"), c.at("name").get<std::string>(), get_texts(c, "items")});
  r.rights = get_texts(j, "rights");
  r.responsibilities = get_texts(j, "responsibilities");
  r.work_tools = get_text(j, "work_tools");
  r.review_note = get_text(j, "review_note");
  if (j.contains("signatures") && j["signatures"].is_object()) {
    const auto& s2 = j["signatures"];
    Signatures sig;
    if (s2.contains("employer") && s2["employer"].is_object())
      sig.employer = Signatures::Employer{get_text(s2["employer"], "name"), get_text(s2["employer"], "title")};
    if (s2.contains("employee") && s2["employee"].is_object())
      sig.employee = Signatures::Employee{get_text(s2["employee"], "name")};
    sig.digital = s2.value("digital", false);
    r.signatures = sig;
  }
  const std::string st = j.value("status", "failed");
  r.status = st == "ok" ? Status::ok : st == "partial" ? Status::partial : Status::failed;
  for (const auto& p : j.value("problems", nlohmann::json::array())) {
    auto code = code_from_name(p.value("code", ""));
    if (!code) continue;
    Problem pr = Problem::make(*code, p.contains("page") && p["page"].is_number() ? p["page"].get<int>() : 0,
                               p.value("message", ""), p.value("excerpt", ""));
    if (p.contains("box") && p["box"].is_array() && p["box"].size() == 4)
      pr.box = Box{p["box"][0].get<double>(), p["box"][1].get<double>(), p["box"][2].get<double>(),
                   p["box"][3].get<double>()};
    const std::string sev = p.value("severity", "error");
    pr.severity = sev == "info" ? Severity::info : sev == "warning" ? Severity::warning : Severity::error;
    r.problems.push_back(pr);
  }
  r.grammar = j.value("grammar", "");
  for (const auto& s : j.value("sections", nlohmann::json::array()))
    r.sections.push_back(RawSection{s.value("heading", ""), s.value("text", ""), s.value("page_first", 0),
                                    s.value("page_last", 0)});
  return r;
}

}  // namespace aj
