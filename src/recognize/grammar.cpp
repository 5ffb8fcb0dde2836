// grammar.cpp — reading grammars/*.toml into Grammar values (toml++).
#include "recognize/grammar.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/fields.h"

namespace aj::recognize {
namespace {

namespace fs = std::filesystem;

// The record fields a grammar may fill: the registry's fields with a value
// parser (core/fields.h).
bool is_field_name(const std::string& name) { return fields::fillable(name) != nullptr; }

struct LoadError {
  std::string message;
};

class Loader {
 public:
  explicit Loader(std::string file) : file_(std::move(file)) {}

  Pattern compile(const std::string& source, const std::string& where) const {
    RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    auto re = std::make_shared<const RE2>(source, opt);
    if (!re->ok()) throw LoadError{where + ": bad pattern '" + source + "': " + re->error()};
    return re;
  }

  Pattern pattern(const toml::table& t, const std::string& key, const std::string& where, bool required) const {
    auto v = t[key].value<std::string>();
    if (!v) {
      if (required) throw LoadError{where + ": '" + key + "' (a pattern) is missing"};
      return nullptr;
    }
    return compile(*v, where + "." + key);
  }

  std::vector<Pattern> patterns(const toml::table& t, const std::string& key, const std::string& where) const {
    std::vector<Pattern> out;
    if (auto arr = t[key].as_array()) {
      for (size_t i = 0; i < arr->size(); ++i) {
        auto s = (*arr)[i].value<std::string>();
        if (!s) throw LoadError{where + "." + key + "[" + std::to_string(i) + "]: not a string"};
        out.push_back(compile(*s, where + "." + key));
      }
    }
    return out;
  }

  std::string string(const toml::table& t, const std::string& key, const std::string& where, bool required) const {
    auto v = t[key].value<std::string>();
    if (!v && required) throw LoadError{where + ": '" + key + "' is missing"};
    return v.value_or("");
  }

  // A field label: `^ (item number)? (label)`, so "1.3 Vahetu juht" matches "vahetu juht".
  FieldLabel field_label(const toml::table& t, const std::string& number_prefix, const std::string& where) const {
    FieldLabel f;
    f.field = string(t, "field", where, true);
    if (!is_field_name(f.field)) throw LoadError{where + ": unknown field '" + f.field + "'"};
    std::string label = string(t, "label", where, true);
    f.label = compile("^\\s*(?:" + number_prefix + ")?(?:" + label + ")", where + ".label");
    f.required = t["required"].value_or(false);
    f.whole_line = t["whole_line"].value_or(false);
    return f;
  }

 private:
  std::string file_;
};

std::string strip_anchor(std::string p) {
  if (!p.empty() && p.front() == '^') p.erase(0, 1);
  return p;
}

const toml::table& table_of(const toml::table& t, const char* key) {
  auto sub = t[key].as_table();
  if (!sub) throw LoadError{std::string("[") + key + "] is missing"};
  return *sub;
}

Common load_common(const toml::table& t, const Loader& L) {
  Common c;
  for (auto& p : L.patterns(t, "furniture", "furniture")) c.furniture.push_back(p->pattern());
  c.label_number = L.pattern(t, "label_number", "label_number", true);
  const auto& edu = table_of(t, "education");
  if (auto levels = edu["levels"].as_array())
    for (auto& row : *levels) {
      auto pair = row.as_array();
      if (!pair || pair->size() != 2) throw LoadError{"education.levels: each entry is [level, pattern]"};
      c.education_levels.emplace_back(*(*pair)[0].value<std::string>(),
                                      L.compile(*(*pair)[1].value<std::string>(), "education.levels"));
    }
  c.education_fields = L.pattern(edu, "fields", "education", true);
  c.education_fields_aside = L.pattern(edu, "fields_aside", "education", false);
  const auto& exp = table_of(t, "experience");
  c.optional_marker = L.pattern(exp, "optional", "experience", true);
  c.years_digits = L.pattern(exp, "years_digits", "experience", true);
  c.years_words = L.pattern(exp, "years_words", "experience", true);
  if (auto words = exp["number_words"].as_table())
    for (auto& [k, v] : *words) c.number_words[std::string(k.str())] = static_cast<int>(v.value_or(0));
  const auto& lang = table_of(t, "languages");
  if (auto names = lang["names"].as_array())
    for (auto& row : *names) {
      auto pair = row.as_array();
      if (!pair || pair->size() != 2) throw LoadError{"languages.names: each entry is [code, name]"};
      // "inglise keele", "inglise keelt", "inglise või vene keel": the name as a word.
      c.languages.emplace_back(*(*pair)[0].value<std::string>(),
                               L.compile("(^|[^\\pL])(" + *(*pair)[1].value<std::string>() + ")([^\\pL]|$)",
                                         "languages.names"));
    }
  c.foreign_language = L.pattern(lang, "foreign", "languages", true);
  c.cefr = L.pattern(lang, "cefr", "languages", true);
  const auto& pos = table_of(t, "positions");
  c.none_marker = L.pattern(pos, "none", "positions", true);
  c.list_joiner = L.pattern(pos, "joiner", "positions", true);
  c.position_head = L.pattern(pos, "head", "positions", true);
  c.scope = L.pattern(pos, "scope", "positions", true);
  const auto& units = table_of(t, "units");
  c.department = L.pattern(units, "department", "units", true);
  c.division = L.pattern(units, "division", "units", true);
  c.team = L.pattern(units, "team", "units", true);
  c.department_genitive = L.pattern(units, "department_genitive", "units", true);
  c.division_genitive = L.pattern(units, "division_genitive", "units", true);
  c.department_nominative_suffix = L.string(units, "department_nominative_suffix", "units", true);
  c.division_nominative_suffix = L.string(units, "division_nominative_suffix", "units", true);
  c.digital_signature = L.pattern(table_of(t, "signatures"), "digital", "signatures", true);
  return c;
}

DirectiveGrammar load_directive(const toml::table& t, const Loader& L) {
  DirectiveGrammar d;
  d.name = L.string(t, "name", "directive", true);
  const std::string w = "directive '" + d.name + "'";
  d.detect = L.pattern(t, "detect", w, true);
  d.appendix_start = L.pattern(t, "appendix_start", w, true);
  d.date_number = L.pattern(t, "date_number", w, true);
  d.legal_basis = L.pattern(t, "legal_basis", w, true);
  d.point = L.pattern(t, "point", w, true);
  d.approves = L.pattern(t, "approves", w, true);
  d.appendix_item = L.pattern(t, "appendix_item", w, true);
  d.repeal = L.pattern(t, "repeal", w, true);
  d.range = L.pattern(t, "range", w, true);
  d.entry = L.pattern(t, "entry", w, true);
  d.on_signature = L.pattern(t, "on_signature", w, true);
  d.entry_date = L.pattern(t, "entry_date", w, true);
  d.retroactive = L.pattern(t, "retroactive", w, true);
  d.signed_note = L.pattern(t, "signed", w, true);
  return d;
}

Dates load_dates(const toml::table& t, const Loader& L) {
  Dates d;
  auto dates = t["dates"].as_table();
  if (!dates) throw LoadError{"[dates] is missing"};
  if (auto months = (*dates)["months"].as_table())
    for (auto& [k, v] : *months) d.months[std::string(k.str())] = static_cast<int>(v.value_or(0));
  d.written = L.pattern(*dates, "written", "dates", true);
  d.numeric = L.pattern(*dates, "numeric", "dates", true);
  return d;
}

Reader reader_of(const std::string& name, const std::string& where) {
  if (name == "fields" || name.empty()) return Reader::fields;
  if (name == "tasks") return Reader::tasks;
  if (name == "list") return Reader::list;
  if (name == "text") return Reader::text;
  throw LoadError{where + ": unknown reader '" + name + "' (fields, tasks, list or text)"};
}

Grammar load_grammar(const toml::table& t, const Loader& L, const std::string& number_prefix) {
  Grammar g;
  g.name = L.string(t, "name", "grammar", true);
  g.description = L.string(t, "description", "grammar", false);
  g.detect = L.patterns(t, "detect", "detect");
  if (auto pre = t["preamble"].as_table()) {
    g.preamble_skip = L.patterns(*pre, "skip", "preamble");
    g.approval = L.pattern(*pre, "approval", "preamble", false);
    g.contract_appendix = L.pattern(*pre, "contract_appendix", "preamble", false);
  }
  if (auto any = t["anywhere"].as_array())
    for (auto& f : *any) g.anywhere.push_back(L.field_label(*f.as_table(), number_prefix, "anywhere"));
  auto sections = t["section"].as_array();
  if (!sections || sections->empty()) throw LoadError{"no [[section]] tables"};
  for (auto& node : *sections) {
    const auto& s = *node.as_table();
    Section sec;
    sec.name = L.string(s, "name", "section", true);
    const std::string where = "section '" + sec.name + "'";
    sec.heading = L.pattern(s, "heading", where, true);
    sec.reader = reader_of(L.string(s, "reader", where, false), where);
    sec.required = s["required"].value_or(false);
    sec.field = L.string(s, "field", where, sec.reader == Reader::list || sec.reader == Reader::text);
    if (!sec.field.empty() && !is_field_name(sec.field))
      throw LoadError{where + ": unknown field '" + sec.field + "'"};
    if (auto fields = s["fields"].as_array())
      for (auto& f : *fields) sec.fields.push_back(L.field_label(*f.as_table(), number_prefix, where));
    if (sec.reader == Reader::fields && sec.fields.empty()) throw LoadError{where + ": a fields reader needs fields"};
    sec.skip = L.patterns(s, "skip", where);
    sec.task_start = L.pattern(s, "task_start", where, sec.reader == Reader::tasks);
    sec.result_label = L.pattern(s, "result_label", where, false);
    sec.expect_results = s["expect_results"].value_or(true);
    sec.item_number = L.pattern(s, "item_number", where, false);
    g.sections.push_back(std::move(sec));
  }
  return g;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// FNV-1a, 64 bit: stable across runs and builds, enough to notice a change.
std::string fingerprint(const std::string& bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::optional<GrammarSet> load_grammars(const std::string& dir, std::string* error) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".toml") files.push_back(e.path());
  if (ec) {
    *error = dir + ": cannot read the grammars folder: " + ec.message();
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  auto common_it = std::find_if(files.begin(), files.end(), [](auto& p) { return p.filename() == "_common.toml"; });
  if (common_it == files.end()) {
    *error = dir + ": _common.toml is missing";
    return std::nullopt;
  }
  GrammarSet set;
  std::string all_bytes;
  std::string current;
  try {
    current = common_it->string();
    std::string bytes = read_file(*common_it);
    all_bytes += bytes;
    Loader L(current);
    auto common_table = toml::parse(bytes, current);
    set.common = load_common(common_table, L);
    set.dates = load_dates(common_table, L);
    std::string number_prefix = strip_anchor(set.common.label_number->pattern());
    for (const auto& f : files) {
      if (f == *common_it) continue;
      current = f.string();
      bytes = read_file(f);
      all_bytes += bytes;
      auto table = toml::parse(bytes, current);
      if (table["kind"].value_or(std::string("job_description")) == "directive") {
        DirectiveGrammar d = load_directive(table, Loader(current));
        d.file = current;
        set.directives.push_back(std::move(d));
        continue;
      }
      Grammar g = load_grammar(table, Loader(current), number_prefix);
      g.file = current;
      set.grammars.push_back(std::move(g));
    }
  } catch (const toml::parse_error& e) {
    std::ostringstream m;
    m << current << ":" << e.source().begin.line << ": " << e.description();
    *error = m.str();
    return std::nullopt;
  } catch (const LoadError& e) {
    *error = current + ": " + e.message;
    return std::nullopt;
  }
  if (set.grammars.empty()) {
    *error = dir + ": no grammar files besides _common.toml";
    return std::nullopt;
  }
  set.fingerprint = fingerprint(all_bytes);
  return set;
}

std::string default_grammar_dir() {
  if (const char* env = std::getenv("AJ_GRAMMARS"); env && *env) return env;
  return std::string(AJ_SOURCE_DIR) + "/grammars";
}

}  // namespace aj::recognize
