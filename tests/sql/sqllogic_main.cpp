// sqllogic_main.cpp — aj_sqllogic: runs one SQL fixture file in the style of
// sqllogictest (as DuckDB writes them) against a fresh database built from
// the fixed records of tests/sql/records/ (fixture_database.h).
//
//   aj_sqllogic --records DIR [--db FILE] FILE.test
//
// --db keeps the database at FILE (which must not exist) to look into it;
// without it the database lives in a temporary folder removed at the end.
// Exit 0 when every block answers as written, 1 when some block does not,
// 2 when the file, the records or the arguments cannot be used.
//
// The format. Blocks are separated by blank lines; a line starting with #
// outside a block is a comment.
//
//   statement ok
//   SQL                        one statement, any number of lines
//
//   statement error
//   SQL
//   ----                       optional, with the line below it:
//   text the error message must contain
//
//   query <types> [nosort|rowsort]
//   SQL
//   ----
//   expected row               one line per row, until a blank line or the end
//
// <types> has one letter per column: I (an integer), R (a real, shown with
// three decimals) or T (text); a value of another SQLite type fails the
// block, and so does another number of columns. NULL is any type. Columns of
// a row are joined by " | "; NULL is written NULL, an empty string (empty),
// a line break inside a value \n. rowsort compares the rows sorted (the
// order of the expected rows does not matter); nosort, the default, compares
// them in the order the query gives.
//
// Statements run the way `ametijuhend sql` runs them: on a read-only
// connection (store::open_readonly, with COLLATE et, lower_et(), upper_et()),
// one statement per block, and a statement that would write is refused
// before it runs with the `sql` command's words ("… would change it").
#include <stdlib.h>  // mkdtemp

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "fixture_database.h"
#include "store/database.h"

namespace {

namespace fs = std::filesystem;

enum class Kind { statement_ok, statement_error, query };

struct Block {
  Kind kind = Kind::query;
  int line = 0;                 // of the block's first line, for file:line
  std::string sql;
  std::string types;            // query: one letter per column
  bool rowsort = false;         // query
  std::vector<std::string> expected;   // query: rows; statement error: at most one message part
};

std::vector<std::string> split_words(const std::string& line) {
  std::vector<std::string> words;
  size_t i = 0;
  while ((i = line.find_first_not_of(" \t", i)) != std::string::npos) {
    const size_t end = line.find_first_of(" \t", i);
    words.push_back(line.substr(i, end - i));
    i = end;
  }
  return words;
}

std::string trim_right(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

// The block's header line, or why it is not one.
std::optional<std::string> read_header(const std::vector<std::string>& words, Block& b) {
  if (words[0] == "statement" && words.size() == 2 && words[1] == "ok") {
    b.kind = Kind::statement_ok;
    return std::nullopt;
  }
  if (words[0] == "statement" && words.size() == 2 && words[1] == "error") {
    b.kind = Kind::statement_error;
    return std::nullopt;
  }
  if (words[0] == "query" && (words.size() == 2 || words.size() == 3)) {
    b.kind = Kind::query;
    b.types = words[1];
    if (b.types.find_first_not_of("IRT") != std::string::npos)
      return "the column types «" + b.types + "» are not letters I, R or T";
    if (words.size() == 3 && words[2] != "rowsort" && words[2] != "nosort")
      return "the sort mode «" + words[2] + "» is neither rowsort nor nosort";
    b.rowsort = words.size() == 3 && words[2] == "rowsort";
    return std::nullopt;
  }
  return "expected «statement ok», «statement error» or «query <types> [rowsort|nosort]»";
}

// Every block of the file; nullopt with *error ("file:line: why") when the
// file cannot be read or is not in the format.
std::optional<std::vector<Block>> read_blocks(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot be read";
    return std::nullopt;
  }
  const std::string name = fs::path(path).filename().string();
  std::vector<Block> blocks;
  enum { outside, sql, after_dashes } where = outside;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = trim_right(line);
    auto fail = [&](const std::string& why) {
      *error = name + ":" + std::to_string(number) + ": " + why;
      return std::nullopt;
    };
    if (where == outside) {
      if (line.empty() || line[0] == '#') continue;
      Block b;
      b.line = number;
      if (auto why = read_header(split_words(line), b)) return fail(*why);
      blocks.push_back(std::move(b));
      where = sql;
      continue;
    }
    Block& b = blocks.back();
    if (where == sql) {
      if (line == "----") {
        if (b.kind == Kind::statement_ok) return fail("«statement ok» takes no ----");
        if (b.sql.empty()) return fail("no SQL before ----");
        where = after_dashes;
      } else if (line.empty()) {
        if (b.kind == Kind::query) return fail("the query has no ---- and expected rows");
        if (b.sql.empty()) return fail("the block has no SQL");
        where = outside;
      } else {
        b.sql += (b.sql.empty() ? "" : "\n") + line;
      }
      continue;
    }
    if (line.empty()) {
      where = outside;
    } else {
      if (b.kind == Kind::statement_error && !b.expected.empty())
        return fail("«statement error» takes one line of expected message");
      b.expected.push_back(line);
    }
  }
  if (where == sql && blocks.back().kind == Kind::query) {
    *error = name + ":" + std::to_string(blocks.back().line) + ": the query has no ---- and expected rows";
    return std::nullopt;
  }
  if (where == sql && blocks.back().sql.empty()) {
    *error = name + ":" + std::to_string(blocks.back().line) + ": the block has no SQL";
    return std::nullopt;
  }
  if (blocks.empty()) {
    *error = name + ": holds no block (a fixture file that tests nothing is a mistake)";
    return std::nullopt;
  }
  return blocks;
}

std::string type_name(int type) {
  switch (type) {
    case SQLITE_INTEGER: return "an integer";
    case SQLITE_FLOAT: return "a real";
    case SQLITE_TEXT: return "text";
    case SQLITE_BLOB: return "a blob";
    default: return "NULL";
  }
}

bool fits(char letter, int type) {
  if (type == SQLITE_NULL) return true;
  if (letter == 'I') return type == SQLITE_INTEGER;
  if (letter == 'R') return type == SQLITE_FLOAT || type == SQLITE_INTEGER;
  return type == SQLITE_TEXT;
}

std::string shown(aj::store::Stmt& stmt, int col, char letter) {
  if (stmt.is_null(col)) return "NULL";
  if (letter == 'R') {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", stmt.real(col));
    return buf;
  }
  const std::string text = stmt.text(col);
  if (text.empty()) return "(empty)";
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

struct Outcome {
  std::optional<std::string> error;   // the statement failed: why
  std::vector<std::string> rows;      // shown, when it ran
  std::string type_mismatch;          // a query's column count or a value's type disagrees with <types>
};

// Runs the block's statement as `ametijuhend sql` would.
Outcome run(aj::store::Db& db, const Block& b) {
  Outcome out;
  std::string_view rest;
  aj::store::Stmt stmt = db.prepare(b.sql, &rest);
  if (!db.ok() || !stmt.ok()) {
    out.error = db.ok() ? "the block holds no statement" : db.error();
  } else if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    out.error = "give one statement only (found more after the first)";
  } else if (!stmt.readonly()) {
    out.error = "the database is opened read-only, and this statement would change it";
  } else {
    if (b.kind == Kind::query && static_cast<int>(b.types.size()) != stmt.columns())
      out.type_mismatch = "the query says " + std::to_string(b.types.size()) + " columns (" + b.types +
                          "), the statement yields " + std::to_string(stmt.columns());
    while (stmt.step()) {
      std::string row;
      for (int c = 0; c < stmt.columns(); ++c) {
        const char letter = c < static_cast<int>(b.types.size()) ? b.types[static_cast<size_t>(c)] : 'T';
        if (b.kind == Kind::query && out.type_mismatch.empty() && !fits(letter, stmt.column_type(c)))
          out.type_mismatch = "column " + std::to_string(c + 1) + " (" + stmt.column_name(c) + ") holds " +
                              type_name(stmt.column_type(c)) + " in row " + std::to_string(out.rows.size() + 1) +
                              ", the query says " + letter;
        row += (c ? " | " : "") + shown(stmt, c, letter);
      }
      out.rows.push_back(std::move(row));
    }
    if (!db.ok()) out.error = db.error();
  }
  db.clear_error();
  return out;
}

std::string indented(const std::vector<std::string>& lines) {
  if (lines.empty()) return "  (no rows)\n";
  std::string s;
  for (const auto& l : lines) s += "  " + l + "\n";
  return s;
}

std::string indented(const std::string& text) {
  std::string s = "  ";
  for (char c : text) s += c == '\n' ? std::string("\n  ") : std::string(1, c);
  return s + "\n";
}

// Why a block does not answer as written: one line, then the rows or
// messages compared (each part ending in a line break), if any.
struct Failure {
  std::string headline, details;
};

std::optional<Failure> check(const Block& b, Outcome out) {
  switch (b.kind) {
    case Kind::statement_ok:
      if (!out.error) return std::nullopt;
      return Failure{"statement ok failed: " + *out.error, ""};
    case Kind::statement_error:
      if (!out.error) return Failure{"statement error ran without an error", ""};
      if (!b.expected.empty() && out.error->find(b.expected[0]) == std::string::npos)
        return Failure{"statement error failed with another message",
                       "expected it to contain:\n  " + b.expected[0] + "\nactual:\n  " + *out.error + "\n"};
      return std::nullopt;
    case Kind::query:
      break;
  }
  if (out.error) return Failure{"query failed: " + *out.error, "expected:\n" + indented(b.expected)};
  std::vector<std::string> expected = b.expected;
  if (b.rowsort) {
    std::sort(expected.begin(), expected.end());
    std::sort(out.rows.begin(), out.rows.end());
  }
  if (expected != out.rows)
    return Failure{std::string("query answered other rows") + (b.rowsort ? " (both sorted: rowsort)" : ""),
                   "expected:\n" + indented(expected) + "actual:\n" + indented(out.rows)};
  if (!out.type_mismatch.empty()) return Failure{"query's column types differ: " + out.type_mismatch, ""};
  return std::nullopt;
}

int usage(const std::string& why) {
  std::cerr << "aj_sqllogic: " << why << "\nusage: aj_sqllogic --records DIR [--db FILE] FILE.test\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string records_dir, db_path, test_file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--records" || arg == "--db") && i + 1 < argc) (arg == "--db" ? db_path : records_dir) = argv[++i];
    else if (!arg.empty() && arg[0] != '-' && test_file.empty()) test_file = arg;
    else return usage("unexpected argument «" + arg + "»");
  }
  if (records_dir.empty() || test_file.empty()) return usage("give --records and one .test file");

  std::string error;
  const auto blocks = read_blocks(test_file, &error);
  if (!blocks) {
    std::cerr << error << "\n";
    return 2;
  }

  std::string temp_dir;
  if (db_path.empty()) {
    std::string pattern = (fs::temp_directory_path() / "aj_sqllogic-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return usage("cannot make a temporary folder");
    temp_dir = pattern;
    db_path = temp_dir + "/fixtures.sqlite";
  } else if (fs::exists(db_path)) {
    return usage(db_path + " exists; --db builds a new database");
  }
  struct RemoveOnExit {
    std::string dir;
    ~RemoveOnExit() {
      std::error_code ec;
      if (!dir.empty()) fs::remove_all(dir, ec);
    }
  } remove_on_exit{temp_dir};

  if (error = aj::sqllogic::build_fixture_database(records_dir, db_path); !error.empty()) {
    std::cerr << "aj_sqllogic: cannot build the fixture database: " << error << "\n";
    return 2;
  }
  auto db = aj::store::open_readonly(db_path, &error);
  if (!db) {
    std::cerr << "aj_sqllogic: " << error << "\n";
    return 2;
  }

  const std::string name = fs::path(test_file).filename().string();
  int passed = 0, failed = 0;
  for (const Block& b : *blocks) {
    if (auto why = check(b, run(*db, b))) {
      ++failed;
      std::cout << name << ":" << b.line << ": " << why->headline << "\nSQL:\n"
                << indented(b.sql) << why->details << "\n";
    } else {
      ++passed;
    }
  }
  std::cout << name << ": " << passed << " passed, " << failed << " failed\n";
  return failed ? 1 : 0;
}
