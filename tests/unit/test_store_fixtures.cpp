// test_store_fixtures.cpp — runs the SQL fixtures in tests/sql/*.test
// against the corpus (seeds and bad files) imported by the real binary.
//
// A fixture file holds blocks in the style of DuckDB's sqllogictest:
//
//   # a comment
//   query what the query shows
//   SELECT …            (one statement, any number of lines)
//   ----
//   expected row, columns joined by " | ", NULL for null
//   …                   (until a blank line or the end of the file)
//
// The connection is read-only and has COLLATE et, lower_et and upper_et.
#include <doctest/doctest.h>

#include "store/et_functions.h"
#include "test_store_support.h"

namespace {

struct Fixture {
  std::string file, label, sql;
  std::vector<std::string> expected;
};

std::vector<Fixture> read_fixtures(const std::string& path) {
  std::vector<Fixture> out;
  std::istringstream in(aj::test::slurp(path));
  std::string line;
  enum { outside, sql, rows } where = outside;
  while (std::getline(in, line)) {
    if (where == outside) {
      if (line.rfind("query", 0) == 0) {
        out.push_back(Fixture{path, line.size() > 6 ? line.substr(6) : "", "", {}});
        where = sql;
      }
    } else if (where == sql) {
      if (line == "----") where = rows;
      else out.back().sql += line + "\n";
    } else if (line.empty()) {
      where = outside;
    } else {
      out.back().expected.push_back(line);
    }
  }
  return out;
}

std::vector<std::string> run_query(sqlite3* db, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) break;
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = sqlite3_column_text(stmt, c);
      row += (c ? " | " : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(row);
  }
  if (rc != SQLITE_DONE) rows = {std::string("ERROR: ") + sqlite3_errmsg(db)};
  sqlite3_finalize(stmt);
  return rows;
}

}  // namespace

TEST_CASE("store: the SQL fixtures in tests/sql answer as written") {
  auto dir = aj::test::temp_dir("store-fixtures");
  const std::string db_path = dir + "/db.sqlite";
  auto r = aj::test::run_aj(dir, {"import", "--db", db_path, aj::test::corpus("seeds"), aj::test::corpus("bad")});
  REQUIRE(r.code == 0);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  REQUIRE(aj::store::register_et_functions(db).empty());

  std::vector<std::string> files;
  for (const auto& e : aj::test::fs::directory_iterator(aj::test::source_dir() + "/tests/sql"))
    if (e.path().extension() == ".test") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  size_t queries = 0;
  for (const auto& file : files) {
    for (const Fixture& f : read_fixtures(file)) {
      ++queries;
      const auto got = run_query(db, f.sql);
      std::string shown;
      for (const auto& row : got) shown += row + "\n";
      INFO(aj::test::fs::path(file).filename().string(), ": ", f.label, "\n", f.sql, "got:\n", shown);
      CHECK(got == f.expected);
    }
  }
  sqlite3_close(db);
  CHECK(queries >= 10);
}
