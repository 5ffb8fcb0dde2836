// directive_json.cpp — Directive to JSON and back (the shape of the corpus's
// *.directive.json truth files).
#include "core/directive.h"

namespace aj {
namespace {
using oj = nlohmann::ordered_json;
oj text(const Text& t) { return t ? oj(*t) : oj(nullptr); }
Text get(const nlohmann::json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  return j[k].get<std::string>();
}
}  // namespace

oj to_json(const Directive& d) {
  oj j;
  j["file"] = d.file;
  j["issuer"] = text(d.issuer);
  j["date"] = text(d.date);
  j["number"] = text(d.number);
  j["title"] = text(d.title);
  j["signatory"] = {{"name", text(d.signatory_name)}, {"title", text(d.signatory_title)}};
  j["legal_basis"] = text(d.legal_basis);
  j["appendices"] = oj::array();
  for (const auto& a : d.appendices)
    j["appendices"].push_back({{"number", a.number ? oj(*a.number) : oj(nullptr)}, {"title", a.title}});
  j["repeals"] = oj::array();
  for (const auto& r : d.repeals)
    j["repeals"].push_back({{"date", text(r.date)}, {"number", text(r.number)}, {"appendices", r.appendices}});
  if (d.entry_into_force)
    j["entry_into_force"] = {{"text", d.entry_into_force->text},
                             {"date", text(d.entry_into_force->date)},
                             {"on_signature", d.entry_into_force->on_signature},
                             {"retroactive_from", text(d.entry_into_force->retroactive_from)}};
  else
    j["entry_into_force"] = nullptr;
  j["pages"] = {d.page_first, d.page_last};
  j["problems"] = oj::array();
  for (const auto& p : d.problems) j["problems"].push_back(to_json(p));
  return j;
}

Directive directive_from_json(const nlohmann::json& j) {
  Directive d;
  d.file = j.value("file", "");
  d.issuer = get(j, "issuer");
  d.date = get(j, "date");
  d.number = get(j, "number");
  d.title = get(j, "title");
  d.legal_basis = get(j, "legal_basis");
  if (j.contains("signatory") && j["signatory"].is_object()) {
    d.signatory_name = get(j["signatory"], "name");
    d.signatory_title = get(j["signatory"], "title");
  }
  for (const auto& a : j.value("appendices", nlohmann::json::array()))
    d.appendices.push_back(
        {a["number"].is_null() ? std::nullopt : std::optional<int>(a["number"].get<int>()), a.value("title", "")});
  for (const auto& r : j.value("repeals", nlohmann::json::array()))
    d.repeals.push_back({get(r, "date"), get(r, "number"), r.value("appendices", std::vector<int>{}), ""});
  if (j.contains("entry_into_force") && j["entry_into_force"].is_object()) {
    const auto& e = j["entry_into_force"];
    d.entry_into_force = EntryIntoForce{e.value("text", ""), get(e, "date"), e.value("on_signature", false),
                                        get(e, "retroactive_from")};
  }
  if (j.contains("pages") && j["pages"].is_array() && j["pages"].size() == 2) {
    d.page_first = j["pages"][0].get<int>();
    d.page_last = j["pages"][1].get<int>();
  }
  for (const auto& p : j.value("problems", nlohmann::json::array()))
    if (auto code = code_from_name(p.value("code", "")))
      d.problems.push_back(Problem::make(*code, p["page"].is_number() ? p["page"].get<int>() : 0, p.value("message", "")));
  return d;
}

}  // namespace aj
