// field_codecs.cpp — the JSON of the fields with a shape of their own, both
// ways (see field_codecs.h). Each writer sets exactly one key, in the
// contract's member order; each reader takes a value that is present and not
// null and tolerates missing members as the contract's nulls and empties.
#include "core/field_codecs.h"

namespace aj::fields::codec {
namespace {

using oj = ordered_json;

oj text(const Text& t) { return t ? oj(*t) : oj(nullptr); }
oj texts(const std::vector<std::string>& v) {
  oj a = oj::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}
oj key_of(std::string_view key) { return std::string(key); }

Text get_text(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}
std::vector<std::string> get_texts(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& s : j[key]) out.push_back(s.get<std::string>());
  return out;
}
// Iterates an array value (anything else: no elements).
const json& elements(const json& v) {
  static const json none = json::array();
  return v.is_array() ? v : none;
}

Severity severity_from_name(const std::string& name) {
  return name == "info" ? Severity::info : name == "warning" ? Severity::warning : Severity::error;
}

}  // namespace

void write_source(const Record& r, oj& into, std::string_view key, bool) {
  into[key_of(key)] = {{"file", r.source.file}, {"index", r.source.index}, {"page_first", r.source.page_first},
                       {"page_last", r.source.page_last}};
}
void read_source(const json& s, Record& r) {
  r.source = {s.at("file").get<std::string>(), s.at("index").get<int>(), s.at("page_first").get<int>(),
              s.at("page_last").get<int>()};
}

void write_approval(const Record& r, oj& into, std::string_view key, bool) {
  into[key_of(key)] = r.approval ? oj{{"authority", text(r.approval->authority)}, {"date", text(r.approval->date)},
                                      {"directive_number", text(r.approval->directive_number)},
                                      {"appendix", text(r.approval->appendix)}}
                                 : oj(nullptr);
}
void read_approval(const json& a, Record& r) {
  if (a.is_object())
    r.approval = Approval{get_text(a, "authority"), get_text(a, "date"), get_text(a, "directive_number"),
                          get_text(a, "appendix")};
}

void write_tasks(const Record& r, oj& into, std::string_view key, bool) {
  oj tasks = oj::array();
  for (const auto& t : r.tasks)
    tasks.push_back({{"number", text(t.number)}, {"text", t.text}, {"results", texts(t.results)}});
  into[key_of(key)] = tasks;
}
void read_tasks(const json& v, Record& r) {
  for (const auto& t : elements(v))
    r.tasks.push_back(Task{get_text(t, "number"), t.at("text").get<std::string>(), get_texts(t, "results")});
}

void write_education(const Record& r, oj& into, std::string_view key, bool) {
  const auto& e = r.requirements.education;
  into[key_of(key)] = e ? oj{{"text", e->text}, {"level", text(e->level)}, {"fields", text(e->fields)}} : oj(nullptr);
}
void read_education(const json& e, Record& r) {
  if (e.is_object()) r.requirements.education = Education{e.value("text", ""), get_text(e, "level"), get_text(e, "fields")};
}

void write_experience(const Record& r, oj& into, std::string_view key, bool) {
  const auto& e = r.requirements.experience;
  into[key_of(key)] = e ? oj{{"text", e->text},
                             {"years_min", e->years_min ? oj(*e->years_min) : oj(nullptr)},
                             {"required", e->required}}
                        : oj(nullptr);
}
void read_experience(const json& e, Record& r) {
  if (!e.is_object()) return;
  std::optional<int> years;
  if (e.contains("years_min") && !e["years_min"].is_null()) years = e["years_min"].get<int>();
  r.requirements.experience = Experience{e.value("text", ""), years, e.value("required", true)};
}

void write_languages(const Record& r, oj& into, std::string_view key, bool) {
  oj langs = oj::array();
  for (const auto& l : r.requirements.languages)
    langs.push_back({{"language", l.language}, {"level", text(l.level)}, {"required", l.required},
                     {"options", texts(l.options)}});
  into[key_of(key)] = langs;
}
void read_languages(const json& v, Record& r) {
  for (const auto& l : elements(v))
    r.requirements.languages.push_back(Language{l.at("language").get<std::string>(), get_text(l, "level"),
                                                l.value("required", true), get_texts(l, "options")});
}

void write_competencies(const Record& r, oj& into, std::string_view key, bool) {
  oj comps = oj::array();
  for (const auto& c : r.competencies)
    comps.push_back({{"group", text(c.group)}, {"name", c.name}, {"items", texts(c.items)}});
  into[key_of(key)] = comps;
}
void read_competencies(const json& v, Record& r) {
  for (const auto& c : elements(v))
    r.competencies.push_back(Competency{get_text(c, "group"), c.at("name").get<std::string>(), get_texts(c, "items")});
}

// The signatures group exists when these are called (fields::Group::signatures).
void write_employer(const Record& r, oj& into, std::string_view key, bool) {
  const auto& e = r.signatures->employer;
  into[key_of(key)] = e ? oj{{"name", text(e->name)}, {"title", text(e->title)}} : oj(nullptr);
}
void read_employer(const json& e, Record& r) {
  if (e.is_object()) r.signatures->employer = Signatures::Employer{get_text(e, "name"), get_text(e, "title")};
}

void write_employee(const Record& r, oj& into, std::string_view key, bool) {
  const auto& e = r.signatures->employee;
  into[key_of(key)] = e ? oj{{"name", text(e->name)}} : oj(nullptr);
}
void read_employee(const json& e, Record& r) {
  if (e.is_object()) r.signatures->employee = Signatures::Employee{get_text(e, "name")};
}

void write_problems(const Record& r, oj& into, std::string_view key, bool full) {
  oj probs = oj::array();
  for (const auto& p : r.problems) {
    oj j = to_json(p);
    if (full) {
      j["excerpt"] = p.excerpt;
      j["box"] = p.box ? oj{p.box->x0, p.box->y0, p.box->x1, p.box->y1} : oj(nullptr);
    }
    probs.push_back(std::move(j));
  }
  into[key_of(key)] = probs;
}
void read_problems(const json& v, Record& r) {
  for (const auto& p : elements(v)) {
    auto code = code_from_name(p.value("code", ""));
    if (!code) continue;  // a code of a newer program
    Problem pr = Problem::make(*code, p.contains("page") && p["page"].is_number() ? p["page"].get<int>() : 0,
                               p.value("message", ""), p.value("excerpt", ""));
    if (p.contains("box") && p["box"].is_array() && p["box"].size() == 4)
      pr.box = Box{p["box"][0].get<double>(), p["box"][1].get<double>(), p["box"][2].get<double>(),
                   p["box"][3].get<double>()};
    pr.severity = severity_from_name(p.value("severity", "error"));
    r.problems.push_back(pr);
  }
}

void write_sections(const Record& r, oj& into, std::string_view key, bool) {
  oj secs = oj::array();
  for (const auto& s : r.sections)
    secs.push_back({{"heading", s.heading}, {"text", s.text}, {"page_first", s.page_first}, {"page_last", s.page_last}});
  into[key_of(key)] = secs;
}
void read_sections(const json& v, Record& r) {
  for (const auto& s : elements(v))
    r.sections.push_back(RawSection{s.value("heading", ""), s.value("text", ""), s.value("page_first", 0),
                                    s.value("page_last", 0)});
}

}  // namespace aj::fields::codec
