// grammar.cpp — reading grammars/*.toml into Grammar values (toml++).
//
// Each file is parsed, then checked against its schema (grammar_schema.h),
// which reports every mistake with its line and key; only a file that
// passed is built, so the builders below may rely on each value's type and
// shape. What the schema cannot say (which keys a reader needs, a define
// that shadows _common.toml's, two grammars of one name) is checked here and
// reported the same way.
#include "recognize/grammar.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>


namespace aj::recognize {
namespace {

namespace fs = std::filesystem;

// A mistake found while building (the file's schema check had passed).
struct LoadError {
  int line;
  std::string key, message;
};

class Loader {
 public:
  Loader(const schema::Patterns& patterns) : patterns_(patterns) {}

  Pattern compile(const std::string& source, const toml::node& at, const std::string& key) const {
    std::string why;
    auto re = patterns_.compile(source, &why);
    if (!re) throw LoadError{schema::line_of(at), key, why};
    return re;
  }

  // A pattern the schema checked, or nullptr when absent.
  Pattern pattern(const toml::table& t, const std::string& key, const std::string& path) const {
    const toml::node* n = t.get(key);
    if (!n || !n->is_string()) return nullptr;
    return compile(*n->value<std::string>(), *n, path + key);
  }

  bool expand(const std::string& source, std::string* out, std::string* why) const {
    return patterns_.expand(source, out, why);
  }

  std::vector<Pattern> patterns(const toml::table& t, const std::string& key, const std::string& path) const {
    std::vector<Pattern> out;
    if (auto arr = t[key].as_array())
      for (auto& n : *arr) out.push_back(compile(n.value_or(std::string()), n, path + key));
    return out;
  }

  // A field label: `^ (item number)? (label)`, so "1.3 Vahetu juht" matches "vahetu juht".
  FieldLabel field_label(const toml::table& t, const std::string& number_prefix, const std::string& path) const {
    FieldLabel f;
    f.field = t["field"].value_or(std::string());
    const bool has_label = t.contains("label"), has_sentence = t.contains("sentence");
    if (has_label == has_sentence)
      throw LoadError{schema::line_of(t), path + (has_label ? "sentence" : "label"),
                      has_label ? "a field has a label or a sentence, not both"
                                : "is missing: a field needs label = '…' (or sentence = '…(?P<value>…)…')"};
    if (has_sentence) {
      f.sentence = pattern(t, "sentence", path);
      return f;
    }
    std::string label;
    std::string why;
    if (!patterns_.expand(t["label"].value_or(std::string()), &label, &why))
      throw LoadError{schema::line_of(t), path + "label", why};
    f.label = compile("^\\s*(?:" + number_prefix + ")?(?:" + label + ")", t, path + "label");
    f.required = t["required"].value_or(false);
    f.whole_line = t["whole_line"].value_or(false);
    return f;
  }

 private:
  const schema::Patterns& patterns_;
};

std::string strip_anchor(std::string p) {
  if (!p.empty() && p.front() == '^') p.erase(0, 1);
  return p;
}

// Name = integer tables (number words, months), merged into `out`.
void read_numbers(const toml::table* t, std::map<std::string, int>& out) {
  if (!t) return;
  for (auto& [k, v] : *t) out[std::string(k.str())] = static_cast<int>(v.value_or(int64_t{0}));
}

// [name, pattern] pairs; `wrap` turns the pattern into the one matched.
std::vector<std::pair<std::string, Pattern>> read_pairs(const toml::array* arr, const Loader& L,
                                                        const std::string& path, const char* wrap_before,
                                                        const char* wrap_after) {
  std::vector<std::pair<std::string, Pattern>> out;
  if (!arr) return out;
  for (auto& row : *arr) {
    const auto& pair = *row.as_array();
    out.emplace_back(pair[0].value_or(std::string()),
                     L.compile(wrap_before + pair[1].value_or(std::string()) + wrap_after, row, path));
  }
  return out;
}

// The vocabulary tables of _common.toml, or of a grammar's [vocabulary]
// over a copy of them: a list's entries go before the inherited ones (they
// are tried first), a map's are merged, a pattern replaces the inherited one.
void read_vocabulary(const toml::table& t, const Loader& L, const std::string& prefix, Common& c) {
  auto set = [&](Pattern& into, const toml::table& tab, const char* key, const std::string& path) {
    if (Pattern p = L.pattern(tab, key, path)) into = p;
  };
  auto prepend = [](auto& into, auto items) { into.insert(into.begin(), items.begin(), items.end()); };
  if (auto edu = t["education"].as_table()) {
    const std::string p = prefix + "education.";
    prepend(c.education_levels, read_pairs((*edu)["levels"].as_array(), L, p + "levels", "", ""));
    set(c.education_fields, *edu, "fields", p);
    set(c.education_fields_aside, *edu, "fields_aside", p);
  }
  if (auto exp = t["experience"].as_table()) {
    const std::string p = prefix + "experience.";
    set(c.optional_marker, *exp, "optional", p);
    set(c.years_digits, *exp, "years_digits", p);
    set(c.years_words, *exp, "years_words", p);
    read_numbers((*exp)["number_words"].as_table(), c.number_words);
  }
  if (auto lang = t["languages"].as_table()) {
    const std::string p = prefix + "languages.";
    // "inglise keele", "inglise keelt", "inglise või vene keel": the name as a word.
    prepend(c.languages, read_pairs((*lang)["names"].as_array(), L, p + "names", "(^|[^\\pL])(", ")([^\\pL]|$)"));
    set(c.foreign_language, *lang, "foreign", p);
    set(c.cefr, *lang, "cefr", p);
  }
  if (auto pos = t["positions"].as_table()) {
    const std::string p = prefix + "positions.";
    set(c.none_marker, *pos, "none", p);
    set(c.list_joiner, *pos, "joiner", p);
    set(c.position_head, *pos, "head", p);
    set(c.scope, *pos, "scope", p);
  }
  if (auto units = t["units"].as_table()) {
    const std::string p = prefix + "units.";
    set(c.department, *units, "department", p);
    set(c.division, *units, "division", p);
    set(c.team, *units, "team", p);
    set(c.unit_aside, *units, "aside", p);
    set(c.department_genitive, *units, "department_genitive", p);
    set(c.division_genitive, *units, "division_genitive", p);
    if (auto s = (*units)["department_nominative_suffix"].value<std::string>()) c.department_nominative_suffix = *s;
    if (auto s = (*units)["division_nominative_suffix"].value<std::string>()) c.division_nominative_suffix = *s;
  }
  if (auto sig = t["signatures"].as_table()) set(c.digital_signature, *sig, "digital", prefix + "signatures.");
}

Common load_common(const toml::table& t, const Loader& L) {
  Common c;
  for (auto& p : L.patterns(t, "furniture", "")) c.furniture.push_back(p->pattern());
  c.chrome = L.patterns(t, "chrome", "");
  c.label_number = L.pattern(t, "label_number", "");
  read_vocabulary(t, L, "", c);
  if (auto titles = t["titles"].as_table()) {
    c.genitive_titles = read_pairs((*titles)["genitive"].as_array(), L, "titles.genitive", "(?:", ")$");
    c.institution_word = L.pattern(*titles, "institution", "titles.");
  }
  return c;
}

Dates load_dates(const toml::table& t, const Loader& L) {
  Dates d;
  const auto& dates = *t["dates"].as_table();
  read_numbers(dates["months"].as_table(), d.months);
  d.written = L.pattern(dates, "written", "dates.");
  d.numeric = L.pattern(dates, "numeric", "dates.");
  return d;
}

DirectiveGrammar load_directive(const toml::table& t, const Loader& L) {
  DirectiveGrammar d;
  d.name = t["name"].value_or(std::string());
  d.detect = L.pattern(t, "detect", "");
  d.appendix_start = L.patterns(t, "appendix_start", "");
  d.date_number = L.pattern(t, "date_number", "");
  d.legal_basis = L.pattern(t, "legal_basis", "");
  d.point = L.pattern(t, "point", "");
  d.approves = L.pattern(t, "approves", "");
  d.appendix_item = L.pattern(t, "appendix_item", "");
  d.repeal = L.pattern(t, "repeal", "");
  d.range = L.pattern(t, "range", "");
  d.entry = L.pattern(t, "entry", "");
  d.on_signature = L.pattern(t, "on_signature", "");
  d.entry_date = L.pattern(t, "entry_date", "");
  d.retroactive = L.pattern(t, "retroactive", "");
  d.signed_note = L.pattern(t, "signed", "");
  std::string note = d.signed_note->pattern();
  if (!note.empty() && note.front() == '^') note.erase(0, 1);
  if (!note.empty() && note.back() == '$') note.pop_back();
  const toml::node& at = *t.get("signed");
  d.signed_within = L.compile("\\s(" + note + ")", at, "signed");
  d.signed_then = L.compile("^(?:" + note + ")\\s+(?P<rest>\\S.*)$", at, "signed");
  return d;
}

Reader reader_of(const std::string& name) {
  if (name == "tasks") return Reader::tasks;
  if (name == "list") return Reader::list;
  if (name == "text") return Reader::text;
  return Reader::fields;
}

TaskMarker task_marker_of(const std::string& name) {
  if (name == "bullet") return TaskMarker::bullet;
  if (name == "paragraph") return TaskMarker::paragraph;
  if (name == "number_or_paragraph") return TaskMarker::number_or_paragraph;
  return TaskMarker::number;
}

// What a section's reader needs beyond what the schema checks.
void check_reader_needs(const toml::table& s, const Section& sec, const std::string& path) {
  const int line = schema::line_of(s);
  if (!sec.heading && !sec.headless)
    throw LoadError{line, path + "heading", "is missing: a section needs heading = '…' (or headless = true for labels before any heading)"};
  if (sec.reader == Reader::fields && sec.fields.empty())
    throw LoadError{line, path + "fields", "is missing: a section with reader = 'fields' needs fields = [{ field = …, label = … }, …]"};
  if ((sec.reader == Reader::list || sec.reader == Reader::text) && sec.field.empty())
    throw LoadError{line, path + "field", "is missing: a section with reader = 'list' or 'text' names the field it fills"};
  if (sec.reader != Reader::tasks) return;
  if ((sec.task_marker == TaskMarker::number || sec.task_marker == TaskMarker::number_or_paragraph) && !sec.task_start)
    throw LoadError{line, path + "task_start",
                    "is missing: numbered tasks need task_start = '…(?P<number>…)…' (or task_marker = 'bullet' or "
                    "'paragraph' for tasks without numbers)"};
  if ((sec.task_marker == TaskMarker::bullet || sec.task_marker == TaskMarker::paragraph) && sec.task_start)
    throw LoadError{schema::line_of(*s.get("task_start")), path + "task_start",
                    "is only for task_marker = 'number' (tasks marked by a bullet or a paragraph have no number)"};
}

Grammar load_grammar(const toml::table& t, const Loader& L, const Common& common) {
  const std::string number_prefix = strip_anchor(common.label_number->pattern());
  Grammar g;
  g.name = t["name"].value_or(std::string());
  g.description = t["description"].value_or(std::string());
  g.priority = static_cast<int>(t["priority"].value_or(int64_t{0}));
  g.generic = t["generic"].value_or(false);
  g.detect = L.patterns(t, "detect", "");
  g.exclude = L.patterns(t, "exclude", "");
  if (auto pre = t["preamble"].as_table()) {
    g.preamble_skip = L.patterns(*pre, "skip", "preamble.");
    g.approval = L.patterns(*pre, "approval", "preamble.");
    g.title = L.patterns(*pre, "title", "preamble.");
    g.title_block = L.pattern(*pre, "title_block", "preamble.");
    g.contract_appendix = L.pattern(*pre, "contract_appendix", "preamble.");
  }
  if (auto any = t["anywhere"].as_array())
    for (size_t i = 0; i < any->size(); ++i)
      g.anywhere.push_back(L.field_label(*(*any)[i].as_table(), number_prefix, "anywhere[" + std::to_string(i) + "]."));
  const auto& sections = *t["section"].as_array();
  for (size_t i = 0; i < sections.size(); ++i) {
    const auto& s = *sections[i].as_table();
    const std::string path = "section[" + std::to_string(i) + "].";
    Section sec;
    sec.name = s["name"].value_or(std::string());
    sec.heading = L.pattern(s, "heading", path);
    sec.heading_continues = L.pattern(s, "heading_continues", path);
    sec.headless = s["headless"].value_or(false);
    if (s["inline"].value_or(false)) {
      // The heading at the line's start, then its section's first text: "2. EESMÄRK 2.1. …".
      std::string heading;
      std::string why;
      if (!L.expand(s["heading"].value_or(std::string()), &heading, &why))
        throw LoadError{schema::line_of(s), path + "heading", why};
      sec.heading_inline = L.compile("^(?:" + heading + ")[:.]?\\s+(?P<rest>\\S.*)$", s, path + "heading");
    }
    sec.reader = reader_of(s["reader"].value_or(std::string("fields")));
    sec.required = s["required"].value_or(false);
    sec.field = s["field"].value_or(std::string());
    if (auto fields = s["fields"].as_array())
      for (size_t f = 0; f < fields->size(); ++f)
        sec.fields.push_back(L.field_label(*(*fields)[f].as_table(), number_prefix,
                                           path + "fields[" + std::to_string(f) + "]."));
    sec.skip = L.patterns(s, "skip", path);
    sec.task_marker = task_marker_of(s["task_marker"].value_or(std::string("number")));
    sec.task_start = L.pattern(s, "task_start", path);
    sec.result_label = L.pattern(s, "result_label", path);
    sec.expect_results = s["expect_results"].value_or(true);
    sec.bullet_results = s["bullet_results"].value_or(false);
    sec.result_split = L.pattern(s, "result_split", path);
    sec.results_after_sentence = s["results_after_sentence"].value_or(false);
    sec.item_number = L.pattern(s, "item_number", path);
    check_reader_needs(s, sec, path);
    g.sections.push_back(std::move(sec));
  }
  if (g.sections.empty()) throw LoadError{schema::line_of(t), "section", "no [[section]] tables"};
  auto vocabulary = std::make_shared<Common>(common);
  if (auto v = t["vocabulary"].as_table()) read_vocabulary(*v, L, "vocabulary.", *vocabulary);
  g.vocabulary = std::move(vocabulary);
  return g;
}

// The file's [defines], as written (expanded when a pattern uses them).
schema::Defines defines_of(const toml::table& t) {
  schema::Defines out;
  if (auto d = t["defines"].as_table())
    for (auto& [k, v] : *d)
      if (auto s = v.value<std::string>()) out[std::string(k.str())] = *s;
  return out;
}

std::string read_file(const fs::path& p, bool* ok) {
  std::ifstream in(p, std::ios::binary);
  *ok = static_cast<bool>(in);
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

bool is_common(const std::string& file) { return fs::path(file).filename() == "_common.toml"; }

// Parses one file's bytes; a syntax error is reported with its line.
std::optional<toml::table> parse(const GrammarText& f, std::vector<GrammarError>* errors) {
  try {
    return toml::parse(f.bytes, f.file);
  } catch (const toml::parse_error& e) {
    errors->push_back(GrammarError{f.file, static_cast<int>(e.source().begin.line), "",
                                   "TOML syntax: " + std::string(e.description())});
    return std::nullopt;
  }
}

// A file's errors (those from `from` on) in the order of its lines.
void by_line(std::vector<GrammarError>& errors, size_t from) {
  std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(from), errors.end(),
                   [](const GrammarError& a, const GrammarError& b) { return a.line < b.line; });
}

}  // namespace

std::optional<GrammarSet> load_grammar_texts(const std::vector<GrammarText>& files, std::vector<GrammarError>* errors) {
  const size_t errors_before = errors->size();
  auto common_it = std::find_if(files.begin(), files.end(), [](const GrammarText& f) { return is_common(f.file); });
  if (common_it == files.end()) {
    errors->push_back(GrammarError{"_common.toml", 0, "", "is missing: the shared vocabulary every grammar needs"});
    return std::nullopt;
  }
  GrammarSet set;
  std::string all_bytes;
  // _common.toml first: its defines and vocabulary are every grammar's.
  schema::Defines common_defines;
  bool common_ok = false;
  all_bytes += common_it->bytes;
  if (auto table = parse(*common_it, errors)) {
    common_defines = defines_of(*table);
    schema::Patterns patterns(common_it->file, &common_defines, nullptr);
    const size_t before = errors->size();
    schema::check_table(*table, schema::common_file(), "", patterns, common_it->file, errors);
    by_line(*errors, before);
    if (errors->size() == before) {
      try {
        Loader L(patterns);
        set.common = load_common(*table, L);
        set.dates = load_dates(*table, L);
        common_ok = true;
      } catch (const LoadError& e) {
        errors->push_back(GrammarError{common_it->file, e.line, e.key, e.message});
      }
    }
  }
  std::map<std::string, std::string> names;  // grammar name → its file
  for (const auto& f : files) {
    if (&f == &*common_it) continue;
    all_bytes += f.bytes;
    auto table = parse(f, errors);
    if (!table) continue;
    const bool directive = (*table)["kind"].value_or(std::string()) == "directive";
    const size_t before = errors->size();
    schema::Defines own = defines_of(*table);
    for (const auto& [name, _] : own)
      if (common_defines.count(name))
        errors->push_back(GrammarError{f.file, schema::line_of(*(*table)["defines"].as_table()->get(name)),
                                       "defines." + name, "is already defined in _common.toml; choose another name"});
    schema::Patterns patterns(f.file, &common_defines, &own);
    schema::check_table(*table, directive ? schema::directive_file() : schema::grammar_file(), "", patterns, f.file,
                        errors);
    by_line(*errors, before);
    if (errors->size() != before || !common_ok) continue;
    try {
      Loader L(patterns);
      const std::string name = (*table)["name"].value_or(std::string());
      if (auto [it, fresh] = names.emplace(name, f.file); !fresh)
        throw LoadError{schema::line_of(*table->get("name")), "name", "'" + name + "' is also the name of " + it->second};
      if (directive) {
        DirectiveGrammar d = load_directive(*table, L);
        d.file = f.file;
        set.directives.push_back(std::move(d));
      } else {
        Grammar g = load_grammar(*table, L, set.common);
        g.file = f.file;
        set.grammars.push_back(std::move(g));
      }
    } catch (const LoadError& e) {
      errors->push_back(GrammarError{f.file, e.line, e.key, e.message});
    }
  }
  if (errors->size() != errors_before) return std::nullopt;
  if (set.grammars.empty()) {
    errors->push_back(GrammarError{common_it->file, 0, "", "no job-description grammar besides _common.toml"});
    return std::nullopt;
  }
  set.fingerprint = fingerprint(all_bytes);
  return set;
}

std::optional<GrammarSet> load_grammars(const std::string& dir, std::vector<GrammarError>* errors) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".toml") paths.push_back(e.path());
  if (ec) {
    errors->push_back(GrammarError{dir, 0, "", "cannot read the grammars folder: " + ec.message()});
    return std::nullopt;
  }
  // _common.toml first, then by name: the fingerprint's order.
  std::sort(paths.begin(), paths.end(), [](const fs::path& a, const fs::path& b) {
    return std::make_pair(!is_common(a.string()), a) < std::make_pair(!is_common(b.string()), b);
  });
  std::vector<GrammarText> files;
  for (const auto& p : paths) {
    bool ok = false;
    std::string bytes = read_file(p, &ok);
    if (!ok) {
      errors->push_back(GrammarError{p.string(), 0, "", "cannot be read"});
      return std::nullopt;
    }
    files.push_back(GrammarText{p.string(), std::move(bytes)});
  }
  if (files.empty() || !is_common(files.front().file)) {
    errors->push_back(GrammarError{dir, 0, "", "_common.toml is missing"});
    return std::nullopt;
  }
  return load_grammar_texts(files, errors);
}

std::optional<GrammarSet> load_grammars(const std::string& dir, std::string* error) {
  std::vector<GrammarError> errors;
  auto set = load_grammars(dir, &errors);
  error->clear();
  for (const auto& e : errors) {
    if (!error->empty()) *error += '\n';
    *error += e.text();
  }
  return set;
}

std::string default_grammar_dir() {
  if (const char* env = std::getenv("AJ_GRAMMARS"); env && *env) return env;
  return std::string(AJ_SOURCE_DIR) + "/grammars";
}

}  // namespace aj::recognize
