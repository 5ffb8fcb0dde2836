// grammar_schema.cpp — the keys of grammar files, and checking a file
// against them (see grammar_schema.h). docs/grammars.md is the same
// reference written for authors; test_grammar_schema.cpp checks that every
// key declared here is documented there.
#include "recognize/grammar_schema.h"

#include "core/fields.h"

#include <algorithm>
#include <set>

namespace aj::recognize {

std::string GrammarError::text() const {
  std::string s = file;
  if (line > 0) {
    s += ':';
    s += std::to_string(line);
  }
  s += ": ";
  if (!key.empty()) s += key + ": ";
  return s + message;
}

namespace {

// The record fields a grammar may fill: the registry's (core/fields.h).
std::vector<std::string> field_names() {
  std::vector<std::string> names;
  for (const auto& f : fields::all())
    if (fields::fillable(f.name)) names.emplace_back(f.name);
  return names;
}

}  // namespace

bool is_field_name(const std::string& name) { return fields::fillable(name) != nullptr; }

namespace schema {

const Key* Table::find(std::string_view key) const {
  for (const auto& k : keys)
    if (k.name == key) return &k;
  return nullptr;
}

namespace {

using T = Type;

// A key with the rest of its fields at their defaults.
Key key_of(std::string name, Type type, bool required, std::string help) {
  Key k;
  k.name = std::move(name);
  k.type = type;
  k.required = required;
  k.help = std::move(help);
  return k;
}

Key pattern(std::string name, bool required, std::string help, std::vector<std::string> groups = {},
            int min_groups = 0) {
  Key k = key_of(std::move(name), T::pattern, required, std::move(help));
  k.groups = std::move(groups);
  k.min_groups = min_groups;
  return k;
}

Key of_type(std::string name, Type type, bool required, std::string help) {
  return key_of(std::move(name), type, required, std::move(help));
}

Key sub(std::string name, Type type, bool required, const Table& table, std::string help) {
  Key k = key_of(std::move(name), type, required, std::move(help));
  k.table = &table;
  return k;
}

Key choice(std::string name, std::vector<std::string> choices, std::string help) {
  Key k = key_of(std::move(name), T::choice, false, std::move(help));
  k.choices = std::move(choices);
  return k;
}

Key for_readers(Key k, std::vector<std::string> readers) {
  k.readers = std::move(readers);
  return k;
}

// The vocabulary tables, as _common.toml requires them (required = true) or
// as a grammar's [vocabulary] may extend them (all optional).
struct Vocabulary {
  Table education, experience, languages, positions, units, signatures, dates, titles;
};

Vocabulary make_vocabulary(bool required, const std::string& prefix) {
  const bool r = required;
  Vocabulary v;
  v.education = {"[" + prefix + "education]",
                 {of_type("levels", T::pattern_pairs, false, "[level, pattern] pairs, the most specific first"),
                  pattern("fields", r, "the preferred or required fields of study (group 1)", {}, 1),
                  pattern("fields_aside", false, "a parenthesis naming a field of study (group 1)", {}, 1)}};
  v.experience = {"[" + prefix + "experience]",
                  {pattern("optional", r, "a word that makes experience optional"),
                   pattern("years_digits", r, "years written in digits (group 1)", {}, 1),
                   pattern("years_words", r, "years written as a word (group 2 the word)", {}, 2),
                   of_type("number_words", T::int_map, false, "number word = its value")}};
  v.languages = {"[" + prefix + "languages]",
                 {of_type("names", T::pattern_pairs, false, "[ISO code, the language's name] pairs"),
                  pattern("foreign", r, "\"a foreign language\""),
                  pattern("cefr", r, "a CEFR-looking level (group 1)", {}, 1)}};
  v.positions = {"[" + prefix + "positions]",
                 {pattern("none", r, "a list that says \"none\""), pattern("joiner", r, "a word joining two positions"),
                  pattern("head", r, "the last word of a position's name"),
                  pattern("scope", r, "a parenthetical limiting the scope")}};
  v.units = {"[" + prefix + "units]",
             {pattern("department", r, "a department's name (group 1 the stem)", {}, 1),
              pattern("division", r, "a division's name (group 1 the stem)", {}, 1),
              pattern("team", r, "a team's name (group 1 the stem)", {}, 1),
              pattern("aside", false, "a parenthesis after a unit's name that is no part of it: '(edaspidi osakond)'"),
              pattern("department_genitive", r, "a department in the genitive (group 1 the stem)", {}, 1),
              pattern("division_genitive", r, "a division in the genitive (groups 1 stem, 2 kind)", {}, 2),
              of_type("department_nominative_suffix", T::string, r, "appended to the stem: the nominative"),
              of_type("division_nominative_suffix", T::string, r, "appended to the stem: the nominative")}};
  v.signatures = {"[" + prefix + "signatures]", {pattern("digital", r, "the digital-signature note")}};
  v.dates = {"[dates]",
             {of_type("months", T::int_map, r, "month stem = its number"),
              pattern("written", r, "a date in words", {"day", "month", "year", "year2"}),
              pattern("numeric", r, "a dd.mm.yyyy date", {"dmy"})}};
  v.titles = {"[titles]",
              {of_type("genitive", T::pattern_pairs, false,
                       "[nominative ending, genitive ending] pairs for a title in a heading's genitive"),
               pattern("institution", false, "a heading's last word that names an institution, not a position")}};
  return v;
}

const Vocabulary& common_vocabulary() {
  static const Vocabulary v = make_vocabulary(true, "");
  return v;
}

const Vocabulary& grammar_vocabulary() {
  static const Vocabulary v = make_vocabulary(false, "vocabulary.");
  return v;
}

const Table& vocabulary_table() {
  static const Table t = [] {
    const Vocabulary& v = grammar_vocabulary();
    return Table{"[vocabulary]",
                 {sub("education", T::table, false, v.education, "education levels and fields"),
                  sub("experience", T::table, false, v.experience, "years of experience"),
                  sub("languages", T::table, false, v.languages, "language names and levels"),
                  sub("positions", T::table, false, v.positions, "lists of positions"),
                  sub("units", T::table, false, v.units, "kinds of structural unit"),
                  sub("signatures", T::table, false, v.signatures, "signature notes")}};
  }();
  return t;
}

const Table& field_label_table() {
  static const Table t = [] {
    Key label = pattern("label", false, "the label's pattern, matched at a line's start");
    label.allowed = {"keep"};
    Key sentence = pattern("sentence", false, "a sentence that states the field, anywhere in an item", {"value"});
    sentence.allowed = {"value"};
    return Table{"field label",
                 {of_type("field", T::field, true, "the record field it fills"), label, sentence,
                  of_type("required", T::boolean, false, "a missing field is a problem"),
                  of_type("whole_line", T::boolean, false, "the label must be the whole line")}};
  }();
  return t;
}

const Table& section_table() {
  static const Table t = [] {
    Key task_start = pattern("task_start", false, "the start of a numbered task", {"number"});
    task_start.first_group = true;
    return Table{
        "[[section]]",
        {of_type("name", T::string, true, "the section's name"),
         pattern("heading", false, "the heading line (matched in full); required unless headless"),
         of_type("inline", T::boolean, false, "the heading may share its line with the section's first text"),
         for_readers(of_type("headless", T::boolean, false, "with no heading, the section opens at its first label"),
                     {"fields"}),
         pattern("heading_continues", false, "text after an inline heading that continues the heading's sentence"),
         choice("reader", {"fields", "tasks", "list", "text"}, "how the section is read"),
         of_type("required", T::boolean, false, "a missing section is a problem"),
         for_readers(of_type("field", T::field, false, "the field the section fills"), {"list", "text"}),
         for_readers(sub("fields", T::tables, false, field_label_table(), "the labels of its fields"), {"fields"}),
         of_type("skip", T::patterns, false, "lines that are not content"),
         for_readers(task_start, {"tasks"}),
         for_readers(choice("task_marker", {"number", "bullet", "paragraph", "number_or_paragraph"}, "what starts a task"), {"tasks"}),
         for_readers(pattern("result_label", false, "an inline label opening a task's results"), {"tasks"}),
         for_readers(of_type("bullet_results", T::boolean, false, "a bullet line under a task opens one of its results"),
                     {"tasks"}),
         for_readers(pattern("result_split", false, "where a task's line goes on with a result ('; - ')"), {"tasks"}),
         for_readers(of_type("results_after_sentence", T::boolean, false,
                             "a task without results is its first sentence; the sentences after it are its results"),
                     {"tasks"}),
         for_readers(of_type("expect_results", T::boolean, false, "a task without results is a problem"),
                     {"tasks"}),
         for_readers(pattern("item_number", false, "an item number to drop"), {"list"})}};
  }();
  return t;
}

const Table& preamble_table() {
  static const Table t = [] {
    Key approval = of_type("approval", T::patterns, false, "the approval note's forms over the preamble's text");
    approval.allowed = {"authority", "date", "directive_number", "appendix"};
    Key title = of_type("title", T::patterns, false, "a preamble line that names the position");
    title.groups = {"title"};
    title.allowed = {"title"};
    return Table{"[preamble]",
                 {of_type("skip", T::patterns, false, "lines that are not content"), approval, title,
                  pattern("title_block", false, "the line under a stacked title block (full match)"),
                  pattern("contract_appendix", false, "a line saying it is a contract's appendix")}};
  }();
  return t;
}

}  // namespace

const Table& common_file() {
  static const Table t = [] {
    const Vocabulary& v = common_vocabulary();
    return Table{"_common.toml",
                 {of_type("defines", T::defines, false, "named patterns for every file"),
                  of_type("furniture", T::patterns, false, "page furniture (full match)"),
                  of_type("chrome", T::patterns, false, "lines of no document (full match): register rows, breadcrumbs"),
                  pattern("label_number", true, "an item number before a field label", {}, 1),
                  sub("education", T::table, true, v.education, "education levels and fields"),
                  sub("experience", T::table, true, v.experience, "years of experience"),
                  sub("languages", T::table, true, v.languages, "language names and levels"),
                  sub("positions", T::table, true, v.positions, "lists of positions"),
                  sub("units", T::table, true, v.units, "kinds of structural unit"),
                  sub("signatures", T::table, true, v.signatures, "signature notes"),
                  sub("dates", T::table, true, v.dates, "calendar dates"),
                  sub("titles", T::table, true, v.titles, "titles written in a heading")}};
  }();
  return t;
}

const Table& grammar_file() {
  static const Table t{
      "grammar file",
      {choice("kind", {"job_description", "directive"}, "what the file describes"),
       of_type("name", T::string, true, "the grammar's name, stored in each record"),
       of_type("description", T::string, false, "one line on the family"),
       of_type("priority", T::integer, false, "breaks a tie between grammars that score the same"),
       of_type("generic", T::boolean, false, "the common vocabulary, no family's: its records are partial at best"),
       of_type("defines", T::defines, false, "named patterns for this file"),
       of_type("detect", T::patterns, false, "lines that speak for this family"),
       of_type("exclude", T::patterns, false, "lines that rule this family out"),
       sub("preamble", T::table, false, preamble_table(), "the text before the first section"),
       sub("anywhere", T::tables, false, field_label_table(), "fields recognised in any section"),
       sub("section", T::tables, true, section_table(), "the sections"),
       sub("vocabulary", T::table, false, vocabulary_table(), "words for this grammar alone")}};
  return t;
}

const Table& directive_file() {
  static const Table t = [] {
    Key point = pattern("point", true, "a numbered point at a line's start", {"number"});
    point.first_group = true;
    return Table{
        "directive file",
        {choice("kind", {"job_description", "directive"}, "what the file describes"),
         of_type("name", T::string, true, "the directive grammar's name"),
         of_type("description", T::string, false, "one line on the family"),
         of_type("defines", T::defines, false, "named patterns for this file"),
         pattern("detect", true, "the line that marks a directive (full match)"),
         of_type("appendix_start", T::patterns, true, "the lines that open an appendix (full match)"),
         pattern("date_number", true, "the directive's date and number", {"date", "number"}),
         pattern("legal_basis", true, "the legal basis", {"basis"}), point,
         pattern("approves", true, "a point that approves job descriptions"),
         pattern("appendix_item", true, "one approved job description", {"title", "number"}),
         pattern("repeal", true, "a point repealing an earlier act", {"date", "number", "which"}),
         pattern("range", true, "a range of appendix numbers, or one", {"from", "to", "single"}),
         pattern("entry", true, "a point on entry into force"),
         pattern("on_signature", true, "entry into force on signature"),
         pattern("entry_date", true, "entry into force on a date", {"when"}),
         pattern("retroactive", true, "applied retroactively from a date", {"when"}),
         pattern("signed", true, "the digital-signature note (full match)")}};
  }();
  return t;
}

std::vector<const Table*> all_tables() {
  const Vocabulary& c = common_vocabulary();
  const Vocabulary& g = grammar_vocabulary();
  return {&common_file(),   &c.education,        &c.experience,     &c.languages,    &c.positions,
          &c.units,         &c.signatures,       &c.dates,          &c.titles,         &grammar_file(), &preamble_table(),
          &section_table(), &field_label_table(), &vocabulary_table(), &g.education, &g.experience,
          &g.languages,     &g.positions,        &g.units,          &g.signatures,   &directive_file()};
}

size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions, adjacent swaps.
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = 0;
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A typo changes a few letters; a third of the word or two letters, whichever is more.
  const size_t limit = std::max<size_t>(2, word.size() / 3);
  return !best.empty() && best_distance <= limit ? best : "";
}

const std::string* Patterns::lookup(const std::string& name) const {
  for (const Defines* d : {own_, common_})
    if (d)
      if (auto it = d->find(name); it != d->end()) return &it->second;
  return nullptr;
}

// Defines that use defines can grow a pattern exponentially ({a} = '{b}{b}',
// {b} = '{c}{c}' …); past this size a pattern is an error, not a hang.
constexpr size_t kMaxExpanded = 64 * 1024;

bool Patterns::expand_into(const std::string& source, std::string& out, std::vector<std::string>& stack,
                           std::string* error) const {
  for (size_t i = 0; i < source.size(); ++i) {
    if (out.size() > kMaxExpanded) {
      *error = "expands to more than " + std::to_string(kMaxExpanded) + " characters (defines within defines?)";
      return false;
    }
    const char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {  // an escape, kept as it is ("\{" stays a literal brace)
      out += source.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '{') {
      size_t end = i + 1;
      while (end < source.size() && (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '_'))
        ++end;
      const std::string name = source.substr(i + 1, end - i - 1);
      // {2} and {1,3} are repetitions; only {a_name} names a definition.
      if (end < source.size() && source[end] == '}' && !name.empty() &&
          !std::isdigit(static_cast<unsigned char>(name[0]))) {
        const std::string* def = lookup(name);
        if (!def) {
          std::vector<std::string> names;
          for (const Defines* d : {own_, common_})
            if (d)
              for (const auto& [n, _] : *d) names.push_back(n);
          std::string hint = closest(name, names);
          *error = "{" + name + "} is not defined in [defines]" + (hint.empty() ? "" : "; did you mean {" + hint + "}?");
          return false;
        }
        if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
          std::string chain;
          for (auto it = std::find(stack.begin(), stack.end(), name); it != stack.end(); ++it) chain += *it + " → ";
          *error = "{" + name + "} is defined in terms of itself (" + chain + name + ")";
          return false;
        }
        stack.push_back(name);
        out += "(?:";
        if (!expand_into(*def, out, stack, error)) return false;
        out += ")";
        stack.pop_back();
        i = end;
        continue;
      }
    }
    out += c;
  }
  return true;
}

bool Patterns::expand(const std::string& source, std::string* out, std::string* error) const {
  std::vector<std::string> stack;
  out->clear();
  return expand_into(source, *out, stack, error);
}

std::shared_ptr<const RE2> Patterns::compile(const std::string& source, std::string* error) const {
  std::string expanded;
  if (!expand(source, &expanded, error)) return nullptr;
  if (auto it = compiled_.find(expanded); it != compiled_.end()) return it->second;
  RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  auto re = std::make_shared<const RE2>(expanded, opt);
  if (!re->ok()) {
    *error = "bad pattern '" + source + "'" + (expanded != source ? " (expanded: '" + expanded + "')" : "") + ": " +
             re->error();
    return nullptr;
  }
  compiled_.emplace(expanded, re);
  return re;
}

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

namespace {

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
  }
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : sep) + ("'" + i + "'");
  return s;
}

struct Checker {
  const Patterns& patterns;
  const std::string& file;
  std::vector<GrammarError>* errors;

  void error(const toml::node& at, const std::string& key, std::string message) const {
    errors->push_back(GrammarError{file, line_of(at), key, std::move(message)});
  }

  // A pattern value: a string that expands and compiles, with the groups the key needs.
  void check_pattern(const toml::node& n, const Key& k, const std::string& path) const {
    auto s = n.value<std::string>();
    if (!n.is_string() || !s) {
      error(n, path, "must be a pattern (a string in single quotes), not " + type_name(n));
      return;
    }
    std::string why;
    auto re = patterns.compile(*s, &why);
    if (!re) {
      error(n, path, why);
      return;
    }
    const auto& named = re->NamedCapturingGroups();
    for (const auto& g : k.groups)
      if (!named.count(g))
        error(n, path, "needs the named group (?P<" + g + ">…)" +
                           (k.groups.size() > 1 ? " (its groups are " + join(k.groups) + ")" : "") + ": " + k.help);
    if (k.first_group && !k.groups.empty())
      if (auto it = named.find(k.groups[0]); it != named.end() && it->second != 1)
        error(n, path, "the group (?P<" + k.groups[0] + ">…) must be the pattern's first group; write (?:…) for the groups before it");
    if (!k.allowed.empty())
      for (const auto& [g, _] : named)
        if (std::find(k.allowed.begin(), k.allowed.end(), g) == k.allowed.end()) {
          std::string hint = closest(g, k.allowed);
          error(n, path, "the group (?P<" + g + ">…) is not read; " +
                             (hint.empty() ? "the groups read are " + join(k.allowed) : "did you mean (?P<" + hint + ">…)?"));
        }
    if (re->NumberOfCapturingGroups() < k.min_groups)
      error(n, path, "needs " + std::to_string(k.min_groups) + " capturing group" + (k.min_groups > 1 ? "s" : "") +
                         " (…), read by position: " + k.help);
  }

  void check_value(const toml::node& n, const Key& k, const std::string& path) const {
    switch (k.type) {
      case T::string:
        if (!n.is_string()) error(n, path, "must be a string, not " + type_name(n));
        break;
      case T::boolean:
        if (!n.is_boolean()) error(n, path, "must be true or false (without quotes), not " + type_name(n));
        break;
      case T::integer:
        if (!n.is_integer()) error(n, path, "must be an integer, not " + type_name(n));
        break;
      case T::pattern: check_pattern(n, k, path); break;
      case T::patterns: {
        auto arr = n.as_array();
        if (!arr) {
          error(n, path, "must be an array of patterns: " + k.name + " = ['…', '…'], not " + type_name(n));
          break;
        }
        for (size_t i = 0; i < arr->size(); ++i) check_pattern((*arr)[i], k, path + "[" + std::to_string(i) + "]");
        break;
      }
      case T::field: {
        auto s = n.value<std::string>();
        if (!n.is_string() || !s) {
          error(n, path, "must be a field's name (a string), not " + type_name(n));
        } else if (!is_field_name(*s)) {
          const std::string hint = closest(*s, field_names());
          error(n, path, "'" + *s + "' is not a record field" + (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
                             " (see docs/grammars.md for the fields)");
        }
        break;
      }
      case T::choice: {
        auto s = n.value<std::string>();
        if (!n.is_string() || !s || std::find(k.choices.begin(), k.choices.end(), *s) == k.choices.end()) {
          std::string got = n.is_string() && s ? "'" + *s + "'" : type_name(n);
          std::string hint = n.is_string() && s ? closest(*s, k.choices) : "";
          error(n, path, "must be one of " + join(k.choices) + ", not " + got +
                             (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
        }
        break;
      }
      case T::table:
        if (auto t = n.as_table())
          check_table(*t, *k.table, path, patterns, file, errors);
        else
          error(n, path, "must be a table ([" + path + "]), not " + type_name(n));
        break;
      case T::tables: {
        auto arr = n.as_array();
        if (!arr) {
          error(n, path, "must be an array of tables ([[" + path + "]] or [{ … }, { … }]), not " + type_name(n));
          break;
        }
        for (size_t i = 0; i < arr->size(); ++i) {
          const std::string at = path + "[" + std::to_string(i) + "]";
          if (auto t = (*arr)[i].as_table())
            check_table(*t, *k.table, at, patterns, file, errors);
          else
            error((*arr)[i], at, "must be a table { " + k.table->keys[0].name + " = …, " + k.table->keys[1].name +
                                     " = … }, not " + type_name((*arr)[i]));
        }
        break;
      }
      case T::int_map: {
        auto t = n.as_table();
        if (!t) {
          error(n, path, "must be a table of name = integer, not " + type_name(n));
          break;
        }
        for (const auto& [name, v] : *t)
          if (!v.is_integer()) error(v, path + "." + std::string(name.str()), "must be an integer, not " + type_name(v));
        break;
      }
      case T::pattern_pairs: {
        auto arr = n.as_array();
        if (!arr) {
          error(n, path, "must be an array of [name, pattern] pairs, not " + type_name(n));
          break;
        }
        for (size_t i = 0; i < arr->size(); ++i) {
          const std::string at = path + "[" + std::to_string(i) + "]";
          auto pair = (*arr)[i].as_array();
          if (!pair || pair->size() != 2 || !(*pair)[0].is_string()) {
            error((*arr)[i], at, "must be a pair ['name', 'pattern'] of two strings: " + k.help);
            continue;
          }
          check_pattern((*pair)[1], key_of(k.name, T::pattern, true, k.help), at + "[1]");
        }
        break;
      }
      case T::defines: {
        auto t = n.as_table();
        if (!t) {
          error(n, path, "must be a table of name = 'pattern'");
          break;
        }
        for (const auto& [name, v] : *t) {
          const std::string key(name.str());
          bool ident = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0]));
          for (char ch : key) ident = ident && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
          if (!ident)
            error(v, path + "." + key, "a define's name is letters, digits and _ (not starting with a digit)");
          if (common_file().find(key) || grammar_file().find(key) || directive_file().find(key)) {
            error(v, path + "." + key,
                  "'" + key + "' is a key of the file, not a define: a [table] holds every key below it up to the "
                  "next [table], so write the file's own keys above [" + path + "]");
            continue;
          }
          check_pattern(v, key_of(key, T::pattern, true, "a named pattern"), path + "." + key);
        }
        break;
      }
    }
  }
};

// Where else in the schema a key of this name is at home ("in [[section]] with reader = 'tasks'").
std::string home_of(std::string_view key, const Table& here) {
  std::vector<std::string> homes;
  for (const Table* t : all_tables()) {
    if (t == &here) continue;
    if (t->find(key))
      if (std::find(homes.begin(), homes.end(), t->name) == homes.end()) homes.push_back(t->name);
  }
  std::string s;
  for (const auto& h : homes) s += (s.empty() ? "" : " or ") + h;
  return s;
}

}  // namespace

void check_table(const toml::table& t, const Table& spec, const std::string& path, const Patterns& patterns,
                 const std::string& file, std::vector<GrammarError>* errors) {
  Checker c{patterns, file, errors};
  auto key_path = [&](std::string_view k) { return path.empty() ? std::string(k) : path + "." + std::string(k); };
  std::vector<std::string> names;
  for (const auto& k : spec.keys) names.push_back(k.name);
  // The reader decides which section keys apply.
  std::string reader;
  if (const Key* r = spec.find("reader")) {
    reader = t["reader"].value_or(std::string("fields"));
    // An unknown reader is its own error; its keys are not judged by it.
    if (std::find(r->choices.begin(), r->choices.end(), reader) == r->choices.end()) reader.clear();
  }
  for (const auto& [name, node] : t) {
    const std::string key(name.str());
    const Key* k = spec.find(key);
    if (!k) {
      std::string hint = closest(key, names);
      std::string home = hint.empty() ? home_of(key, spec) : "";
      std::string where = spec.name == "grammar file" || spec.name == "directive file" || spec.name == "_common.toml"
                              ? "at the top of the file"
                              : "in " + spec.name;
      c.error(node, key_path(key),
              "unknown key " + where +
                  (!hint.empty()  ? "; did you mean '" + hint + "'?"
                   : !home.empty() ? "; it belongs in " + home
                                   : "; the keys here are " + join(names)));
      continue;
    }
    if (!k->readers.empty() && !reader.empty() && std::find(k->readers.begin(), k->readers.end(), reader) == k->readers.end()) {
      c.error(node, key_path(key),
              "only for sections with reader = " + join(k->readers, " or ") + " (this one has reader = '" + reader + "')");
      continue;
    }
    c.check_value(node, *k, key_path(key));
  }
  for (const auto& k : spec.keys)
    if (k.required && !t.contains(k.name))
      c.error(t, key_path(k.name), "is missing (" + k.help + ")");
}

}  // namespace schema
}  // namespace aj::recognize
