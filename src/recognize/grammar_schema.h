// grammar_schema.h — what a grammar file may say, declared as data, and the
// check of a parsed file against it.
//
// Every table of a grammar file (the file itself, [preamble], [[section]],
// a field label, [vocabulary] …) is a Table: the keys it may hold, each with
// its type (string, pattern, list of patterns, table …), whether it is
// required, and for a pattern the named groups the recogniser reads from it.
// check_table() walks a parsed TOML table against its Table and reports every
// mistake at once: unknown keys (with "did you mean …" by edit distance, or
// the table the key belongs in), values of the wrong type or shape, missing
// keys, patterns that do not compile or lack a group. The loader
// (grammar.cpp) builds a GrammarSet only from files that passed, so what it
// reads always has the shape it expects; docs/grammars.md documents the same
// keys, and a test keeps the two in step.
//
// Patterns may use named patterns from [defines] as {name}: expand() replaces
// each by its pattern in a non-capturing group, so a definition holding an
// alternation stays one unit. "\{" is a literal brace.
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace aj::recognize {

// One mistake in a grammar file: where it is, which key, what is wrong.
struct GrammarError {
  std::string file;
  int line = 0;          // 1-based; 0 when the file as a whole is meant
  std::string key;       // the key's path in the file: "section[2].task_start"; empty for the file
  std::string message;
  // "FILE:LINE: KEY: MESSAGE"
  std::string text() const;
};

// Whether `name` is a record field a grammar may fill (the one place that knows).
bool is_field_name(const std::string& name);

namespace schema {

enum class Type {
  string,
  boolean,
  integer,
  pattern,         // an RE2 pattern (after {define} expansion)
  patterns,        // an array of patterns
  field,           // a record field's name (is_field_name)
  choice,          // one of Key::choices
  table,           // a table checked against Key::table
  tables,          // an array of tables, each checked against Key::table
  int_map,         // a table of name = integer
  pattern_pairs,   // an array of [name, pattern]
  defines,         // [defines]: name = pattern
};

struct Table;

struct Key {
  std::string name;
  Type type = Type::string;
  bool required = false;
  std::string help;                      // what the value is, for error messages
  const Table* table = nullptr;          // table, tables
  std::vector<std::string> choices;      // choice
  std::vector<std::string> groups;       // pattern: named groups it must have
  std::vector<std::string> allowed;      // pattern: named groups it may have (empty: any)
  int min_groups = 0;                    // pattern: capturing groups read by position
  bool first_group = false;              // pattern: groups[0] must be group 1 (read by position)
  std::vector<std::string> readers;      // section keys: the readers the key applies to (empty: all)
};

struct Table {
  std::string name;                      // as an author writes it: "[[section]]", "[vocabulary.units]"
  std::vector<Key> keys;
  const Key* find(std::string_view key) const;
};

// The three kinds of file.
const Table& common_file();       // _common.toml
const Table& grammar_file();      // a job-description grammar
const Table& directive_file();    // kind = "directive"

// Every table of the schema (for docs, suggestions and tests).
std::vector<const Table*> all_tables();

// Levenshtein distance with transpositions ("requierd" → "required" is 1).
size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, when close enough to be a likely typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// Named patterns: those of _common.toml's [defines], then a file's own.
using Defines = std::map<std::string, std::string>;

// Compiles patterns with {define} expansion; collects errors as it goes.
class Patterns {
 public:
  Patterns(std::string file, const Defines* common, const Defines* own)
      : file_(std::move(file)), common_(common), own_(own) {}

  // `source` with every {name} replaced; on an unknown name or a cycle, an error.
  bool expand(const std::string& source, std::string* out, std::string* error) const;
  // Expanded and compiled (case-insensitive); nullptr and *error on failure.
  std::shared_ptr<const RE2> compile(const std::string& source, std::string* error) const;

 private:
  bool expand_into(const std::string& source, std::string& out, std::vector<std::string>& stack,
                   std::string* error) const;
  const std::string* lookup(const std::string& name) const;
  std::string file_;
  const Defines* common_;
  const Defines* own_;
  // Compiled patterns by their expanded text: the check and the build, and
  // keys that share a define, compile each once.
  mutable std::map<std::string, std::shared_ptr<const RE2>> compiled_;
};

// Checks `t` against `spec`; appends every mistake to *errors. `path` is the
// table's key path ("" for the file itself).
void check_table(const toml::table& t, const Table& spec, const std::string& path, const Patterns& patterns,
                 const std::string& file, std::vector<GrammarError>* errors);

// The line a node starts on (0 when toml++ does not know it).
int line_of(const toml::node& n);

}  // namespace schema
}  // namespace aj::recognize
