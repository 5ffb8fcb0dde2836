// score.cpp — the project's field-F1 (see score.h), unit for unit as
// shared/tools/score.py counts it, so that `grammar test` and the scorer agree.
#include "recognize/score.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <set>

namespace aj::recognize {
namespace {

using json = nlohmann::json;

// NFC, runs of white space as one space, trimmed (Python's \s and strip()).
std::string normalize_text(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (U_SUCCESS(status)) u = nfc->normalize(u, status);
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_isUWhiteSpace(c) || (c >= 0x1c && c <= 0x1f)) {
      space = true;
      continue;
    }
    if (space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
    space = false;
    out.append(c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

// The scorer's norm(): text normalised, other values as they are.
json norm(const json& v) { return v.is_string() ? json(normalize_text(v.get<std::string>())) : v; }

// Python's truth value of a JSON value.
bool truthy(const json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v != 0;
  if (v.is_string() || v.is_array() || v.is_object()) return !v.empty();
  return true;
}

// d[k1][k2]…, null where a step is missing or not an object.
json at(const json& d, std::initializer_list<const char*> path) {
  const json* cur = &d;
  for (const char* k : path) {
    if (!cur->is_object() || !cur->contains(k)) return nullptr;
    cur = &(*cur)[k];
  }
  return *cur;
}

std::vector<json> list_of(const json& v) {
  std::vector<json> out;
  if (v.is_array())
    for (const auto& x : v) out.push_back(x);
  return out;
}

std::string where_of(const json& record) {
  std::string file = at(record, {"source", "file"}).is_string() ? at(record, {"source", "file"}).get<std::string>() : "";
  const json index = at(record, {"source", "index"});
  return std::filesystem::path(file).filename().string() + "#" + (index.is_null() ? "None" : index.dump());
}

}  // namespace

double Score::Counts::f1() const {
  const double prec = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  const double rec = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0;
  return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;
}

double Score::f1() const {
  Counts all;
  for (const auto& [_, c] : fields_) {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
  }
  return all.f1();
}

double Score::macro_f1() const {
  if (fields_.empty()) return 1.0;
  double sum = 0;
  for (const auto& [_, c] : fields_) sum += c.f1();
  return sum / static_cast<double>(fields_.size());
}

void Score::scalar(const std::string& field, const json& truth, const json& predicted, const std::string& where) {
  json t = norm(truth), p = norm(predicted);
  // A flag counts only when set: false is the absence of the fact, like null.
  if (t.is_boolean() && !t.get<bool>()) t = nullptr;
  if (p.is_boolean() && !p.get<bool>()) p = nullptr;
  if (t.is_null() && p.is_null()) return;
  if (t == p) {
    ++fields_[field].tp;
    return;
  }
  if (!t.is_null()) ++fields_[field].fn;
  if (!p.is_null()) ++fields_[field].fp;
  misses_.push_back(Miss{where, field, truth, predicted});
}

void Score::items(const std::string& field, const std::vector<json>& truth, const std::vector<json>& predicted,
                  const std::string& where) {
  std::vector<json> rest = predicted;
  for (const auto& x : truth) {
    if (auto it = std::find(rest.begin(), rest.end(), x); it != rest.end()) {
      rest.erase(it);
      ++fields_[field].tp;
    } else {
      ++fields_[field].fn;
      misses_.push_back(Miss{where, field, x, nullptr});
    }
  }
  for (const auto& x : rest) {
    ++fields_[field].fp;
    misses_.push_back(Miss{where, field, nullptr, x});
  }
}

// The fields a truth record's `_scored` names (all when it has none).
struct ScoreOnly {
  Score& score;
  std::optional<std::set<std::string>> scored;

  bool keep(const std::string& field) const {
    if (!scored) return true;
    const std::string top = field.substr(0, field.find('.'));
    static const std::set<std::string> requirements{"education", "experience", "languages", "computer_skills",
                                                    "knowledge_and_skills", "personal_qualities"};
    return scored->count(top) || (requirements.count(top) && scored->count("requirements")) || scored->count(field);
  }
  void scalar(const std::string& field, const json& t, const json& p, const std::string& where) {
    if (keep(field)) score.scalar(field, t, p, where);
  }
  void items(const std::string& field, const std::vector<json>& t, const std::vector<json>& p,
             const std::string& where) {
    if (keep(field)) score.items(field, t, p, where);
  }
  // A list's items, each normalised.
  void texts(const std::string& field, const json& t, const json& p, const std::string& where) {
    auto normed = [](const json& v) {
      std::vector<json> out;
      for (const auto& x : list_of(v)) out.push_back(norm(x));
      return out;
    };
    items(field, normed(t), normed(p), where);
  }
  void extra(const std::string& field, const json& text, const std::string& where) {
    if (!keep(field)) return;
    ++score.fields_[field].fp;
    score.misses_.push_back(Score::Miss{where, field, nullptr, text});
  }
};

void Score::record(const json& t, const json& predicted, const std::string& where) {
  const json p = predicted.is_object() ? predicted : json::object();
  std::optional<std::set<std::string>> scored;
  if (t.contains("_scored") && t["_scored"].is_array()) {
    scored.emplace();
    for (const auto& f : t["_scored"])
      if (f.is_string()) scored->insert(f.get<std::string>());
  }
  ScoreOnly tally{*this, scored};
  static const char* const kScalars[] = {"title", "structural_unit", "department", "division", "team",
                                         "direct_manager", "substitutes_scope", "substituted_by_scope", "purpose",
                                         "position_group", "special_conditions", "work_tools", "review_note",
                                         "contract_appendix"};
  static const char* const kLists[] = {"subordinates", "substitutes", "substituted_by", "rights", "responsibilities"};
  for (const char* f : kScalars) tally.scalar(f, at(t, {f}), at(p, {f}), where);
  for (const char* f : kLists) tally.texts(f, at(t, {f}), at(p, {f}), where);
  for (const char* f : {"authority", "date", "directive_number", "appendix"})
    tally.scalar(std::string("approval.") + f, at(t, {"approval", f}), at(p, {"approval", f}), where);

  // Tasks: paired by number where the truth has one, else by position.
  const std::vector<json> tt = list_of(at(t, {"tasks"})), pt = list_of(at(p, {"tasks"}));
  std::map<std::string, std::deque<size_t>> by_number;
  for (size_t i = 0; i < pt.size(); ++i)
    if (truthy(at(pt[i], {"number"}))) by_number[norm(at(pt[i], {"number"})).dump()].push_back(i);
  std::set<size_t> used;
  for (size_t i = 0; i < tt.size(); ++i) {
    const json number = norm(at(tt[i], {"number"}));
    std::optional<size_t> other;
    if (truthy(number)) {
      if (auto it = by_number.find(number.dump()); it != by_number.end() && !it->second.empty()) {
        other = it->second.front();
        it->second.pop_front();
      }
    } else if (i < pt.size()) {
      other = i;
    }
    if (other) used.insert(*other);
    const json o = other ? pt[*other] : json::object();
    const std::string w =
        where + " task " + (truthy(number) ? (number.is_string() ? number.get<std::string>() : number.dump())
                                           : std::to_string(i + 1));
    tally.scalar("tasks.number", at(tt[i], {"number"}), at(o, {"number"}), w);
    tally.scalar("tasks.text", at(tt[i], {"text"}), at(o, {"text"}), w);
    tally.texts("tasks.results", at(tt[i], {"results"}), at(o, {"results"}), w);
  }
  for (size_t i = 0; i < pt.size(); ++i)
    if (!used.count(i)) tally.extra("tasks.text", at(pt[i], {"text"}), where);

  // Requirements.
  const json tr = at(t, {"requirements"}).is_object() ? at(t, {"requirements"}) : json::object();
  const json pr = at(p, {"requirements"}).is_object() ? at(p, {"requirements"}) : json::object();
  for (const char* f : {"text", "level", "fields"})
    tally.scalar(std::string("education.") + f, at(tr, {"education", f}), at(pr, {"education", f}), where);
  for (const char* f : {"text", "years_min", "required"})
    tally.scalar(std::string("experience.") + f, at(tr, {"experience", f}), at(pr, {"experience", f}), where);
  auto languages = [](const json& xs) {
    std::vector<json> out;
    for (const auto& x : list_of(xs)) {
      std::vector<std::string> options;
      for (const auto& o : list_of(at(x, {"options"})))
        if (o.is_string()) options.push_back(o.get<std::string>());
      std::sort(options.begin(), options.end());
      out.push_back(json::array({at(x, {"language"}), at(x, {"level"}), truthy(at(x, {"required"})), options}));
    }
    return out;
  };
  tally.items("languages", languages(at(tr, {"languages"})), languages(at(pr, {"languages"})), where);
  for (const char* f : {"computer_skills", "knowledge_and_skills"}) tally.scalar(f, at(tr, {f}), at(pr, {f}), where);
  tally.texts("personal_qualities", at(tr, {"personal_qualities"}), at(pr, {"personal_qualities"}), where);
  auto competencies = [](const json& xs) {
    std::vector<json> out;
    for (const auto& x : list_of(xs)) {
      json items = json::array();
      for (const auto& i : list_of(at(x, {"items"}))) items.push_back(norm(i));
      out.push_back(json::array({norm(at(x, {"group"})), norm(at(x, {"name"})), items}));
    }
    return out;
  };
  tally.items("competencies", competencies(at(t, {"competencies"})), competencies(at(p, {"competencies"})), where);
  tally.scalar("signatures.employer.name", at(t, {"signatures", "employer", "name"}),
               at(p, {"signatures", "employer", "name"}), where);
  tally.scalar("signatures.employer.title", at(t, {"signatures", "employer", "title"}),
               at(p, {"signatures", "employer", "title"}), where);
  tally.scalar("signatures.employee.name", at(t, {"signatures", "employee", "name"}),
               at(p, {"signatures", "employee", "name"}), where);
  tally.scalar("signatures.digital", at(t, {"signatures", "digital"}), at(p, {"signatures", "digital"}), where);
}

void Score::add(const std::vector<json>& truth, const std::vector<json>& predicted) {
  auto key = [](const json& r) {
    const json file = at(r, {"source", "file"});
    return std::filesystem::path(file.is_string() ? file.get<std::string>() : "").filename().string() + "\n" +
           at(r, {"source", "index"}).dump();
  };
  std::map<std::string, const json*> by_key;
  for (const auto& p : predicted) by_key[key(p)] = &p;
  for (const auto& t : truth) {
    auto it = by_key.find(key(t));
    if (it == by_key.end()) ++unpaired_;
    record(t, it == by_key.end() ? json(nullptr) : *it->second, where_of(t));
  }
}

}  // namespace aj::recognize
