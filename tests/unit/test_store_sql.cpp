// test_store_sql.cpp — reading the database back: `sql` (formats, refusal
// of writes, COLLATE et, lower_et), the loadable extension in the stock
// sqlite3 shell, `show`, and `export --db` giving the very bytes `export`
// gives from the PDFs.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test_store_support.h"

namespace {

using aj::test::run_aj;

// The seeds and the bad files, imported once per test into dir/db.sqlite;
// OCR off, so bad/scanned.pdf stays the failed no_text_layer record these
// queries count (test_ocr.cpp reads it).
std::string corpus_db(const std::string& dir) {
  const std::string db = dir + "/db.sqlite";
  auto r = run_aj(dir, {"import", "--db", db, "--ocr", "off", aj::test::corpus("seeds"), aj::test::corpus("bad")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return db;
}

std::vector<std::string> sorted_pdfs(const std::vector<std::string>& folders) {
  std::vector<std::string> out;
  for (const auto& folder : folders)
    for (const auto& e : aj::test::fs::directory_iterator(folder))
      if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("store: export --db prints the same JSON as export of the PDFs") {
  auto dir = aj::test::temp_dir("store-export");
  const std::string db = corpus_db(dir);
  std::vector<std::string> args{"export", "--quiet", "--ocr", "off"};   // as corpus_db imported them
  for (const auto& pdf : sorted_pdfs({aj::test::corpus("bad"), aj::test::corpus("seeds")})) args.push_back(pdf);
  auto from_pdfs = run_aj(dir, args);
  auto from_db = run_aj(dir, {"export", "--quiet", "--db", db});
  REQUIRE(from_pdfs.code == 0);
  REQUIRE(from_db.code == 0);
  CHECK(std::count(from_db.out.begin(), from_db.out.end(), '\n') == 21);
  CHECK(from_db.out == from_pdfs.out);

  auto failed = run_aj(dir, {"export", "--quiet", "--db", db, "--where", "status = 'failed'"});
  CHECK(std::count(failed.out.begin(), failed.out.end(), '\n') == 10);
  auto json = run_aj(dir, {"export", "--db", db, "--format", "json", "--where", "title LIKE 'Teenuse juht%'"});
  CHECK(nlohmann::json::parse(json.out).size() == 2);
  CHECK(run_aj(dir, {"export", "--db", db, "--where", "no_such_column = 1"}).code == 1);
  CHECK(run_aj(dir, {"export", "--where", "1"}).code == 2);
  CHECK(run_aj(dir, {"export"}).code == 2);
}

TEST_CASE("store: sql answers in table, csv and json, in Estonian order, and refuses writes") {
  auto dir = aj::test::temp_dir("store-sql");
  const std::string db = corpus_db(dir);
  const std::string titles =
      "SELECT DISTINCT title FROM v_positions WHERE title NOT LIKE '%<%' ORDER BY title COLLATE et";
  auto csv = run_aj(dir, {"sql", "--db", db, titles, "--format", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out ==
        "title\n"
        "Ekspert (nõustamismetoodikad)\n"
        "Ekspert (ohvriabi ärianalüüsid)\n"
        "Peaspetsialist (kasutaja tugi)\n"
        "Talituse juhataja\n"
        "Teenuse juht (TTTVT)\n");
  auto order = run_aj(dir, {"sql", "--db", db,
                            "WITH w(x) AS (VALUES ('zoo'), ('õun'), ('šokk'), ('wc'), ('üle'), ('saar'), ('äär')) "
                            "SELECT group_concat(x, ' ') FROM (SELECT x FROM w ORDER BY x COLLATE et)",
                            "--format", "csv"});
  CHECK(order.out.find("saar šokk zoo wc õun äär üle") != std::string::npos);
  auto json = run_aj(dir, {"sql", "--db", db, "SELECT lower_et('ÕUNAPUU ŠOKK') AS l, upper_et('žürii') AS u, 7 AS n",
                           "--format", "json"});
  CHECK(nlohmann::json::parse(json.out) ==
        nlohmann::json::parse(R"([{"l": "õunapuu šokk", "u": "ŽÜRII", "n": 7}])"));
  auto table = run_aj(dir, {"sql", "--db", db, "SELECT status, count(*) AS n FROM v_positions GROUP BY status"});
  CHECK(table.out.find("status  | n") != std::string::npos);
  CHECK(table.out.find("(3 rows)") != std::string::npos);
  CHECK(run_aj(dir, {"sql", "--db", db, "SELECT 1", "--format", "xml"}).code == 2);

  auto write = run_aj(dir, {"sql", "--db", db, "DELETE FROM records"});
  CHECK(write.code == 1);
  CHECK(write.err.find("read-only") != std::string::npos);
  CHECK(aj::test::scalar(db, "SELECT count(*) FROM records") == "21");
  CHECK(run_aj(dir, {"sql", "--db", db, "SELECT 1; DROP TABLE records"}).code == 1);
  auto bad = run_aj(dir, {"sql", "--db", db, "SELECT nope FROM records"});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("no such column: nope") != std::string::npos);
  auto missing = run_aj(dir, {"sql", "--db", dir + "/missing.sqlite", "SELECT 1"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("missing.sqlite") != std::string::npos);
}

TEST_CASE("store: the stock sqlite3 shell opens the database and loads the et extension") {
  auto dir = aj::test::temp_dir("store-shell");
  const std::string db = corpus_db(dir);
  const std::string extension = aj::test::fs::path(AJ_BINARY).parent_path().string() + "/libaj_sqlite_et";
  const std::string cmd = "sqlite3 '" + db + "' '.load " + extension + "' " +
                          "\"SELECT lower_et('ÄÖÜ'), count(*) FROM v_positions\" " +
                          "\"SELECT title FROM v_positions WHERE title IS NOT NULL ORDER BY title COLLATE et LIMIT 1\" " +
                          "> '" + dir + "/shell.txt' 2>&1";
  CHECK(std::system(cmd.c_str()) == 0);
  CHECK(aj::test::slurp(dir + "/shell.txt") == "äöü|21\nEkspert (nõustamismetoodikad)\n");
}

TEST_CASE("store: show prints a record readably, by id, path or file name") {
  auto dir = aj::test::temp_dir("store-show");
  const std::string db = corpus_db(dir);
  const std::string id =
      aj::test::scalar(db, "SELECT record_id FROM v_positions WHERE source_file = '004_0473cc471da9172f.a.pdf'");
  auto by_id = run_aj(dir, {"show", id, "--db", db});
  REQUIRE(by_id.code == 0);
  for (const char* part : {"Teenuse juht (TTTVT)  [ok]", "direct manager        Tiimijuht", "Tasks", "3.1  Teenuse",
                           "→ Arendatavad teenused", "languages             et C1; foreign B1 (options: en, ru)",
                           "Competencies", "Rights", "Responsibilities"})
    CHECK_MESSAGE(by_id.out.find(part) != std::string::npos, part);
  auto by_path = run_aj(dir, {"show", aj::test::corpus("seeds/004_0473cc471da9172f.a.pdf"), "--db", db});
  CHECK(by_path.out == by_id.out);
  auto by_name = run_aj(dir, {"show", "encrypted.pdf", "--db", db});
  CHECK(by_name.out.find("error pdf_encrypted") != std::string::npos);
  auto none = run_aj(dir, {"show", "99999", "--db", db});
  CHECK(none.code == 1);
  CHECK(none.err.find("99999") != std::string::npos);
}
