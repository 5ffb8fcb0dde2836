// test_cli.cpp — the command line as an analyst meets it, through the real
// binary: suggestions for misspelt commands and options, the command list,
// one-line range messages, a PDF path given to `sql`, a missing input's exit
// code, and the spreadsheet outputs (xlsx, CSV with a byte order mark).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_store_support.h"

namespace {

using aj::test::run_aj;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The names of the members of a zip archive (an .xlsx), read from its
// central directory: each entry is "PK\1\2", 42 bytes of header, then the name.
std::vector<std::string> zip_members(const std::string& bytes) {
  std::vector<std::string> names;
  for (size_t at = bytes.find("PK\x01\x02"); at != std::string::npos; at = bytes.find("PK\x01\x02", at + 4)) {
    if (at + 46 > bytes.size()) break;
    const auto u16 = [&](size_t off) {
      return static_cast<size_t>(static_cast<unsigned char>(bytes[at + off])) |
             static_cast<size_t>(static_cast<unsigned char>(bytes[at + off + 1])) << 8;
    };
    names.push_back(bytes.substr(at + 46, u16(28)));
  }
  return names;
}

size_t worksheets(const std::vector<std::string>& members) {
  return static_cast<size_t>(std::count_if(members.begin(), members.end(), [](const std::string& m) {
    return m.rfind("xl/worksheets/sheet", 0) == 0;
  }));
}

}  // namespace

TEST_CASE("cli: a misspelt command or option gets a suggestion, no command gets the list") {
  auto dir = aj::test::temp_dir("cli-suggest");
  auto r = run_aj(dir, {"imprt", "corpus"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "unknown command 'imprt'; did you mean 'import'?"));
  CHECK(has(r.err, "report"));   // the list of commands follows

  r = run_aj(dir, {"import", "--jbos", "2", "x"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "did you mean --jobs?"));

  r = run_aj(dir, {});
  CHECK(has(r.out + r.err, "Commands:"));
  CHECK(has(r.out + r.err, "import"));
  CHECK(has(r.out + r.err, "export"));
}

TEST_CASE("cli: a value out of range is one line naming the option and what it takes") {
  auto dir = aj::test::temp_dir("cli-range");
  for (const std::string bad : {"0", "abc"}) {
    auto r = run_aj(dir, {"import", "--jobs", bad, aj::test::corpus("seeds")});
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(has(r.err, "--jobs: expected a whole number from 1 up, got '" + bad + "'"));
    CHECK_FALSE(has(r.err, "179769313486231"));   // no 300-digit bound
  }
}

TEST_CASE("cli: sql given a PDF says so, and export of a missing file or a folder exits 1") {
  auto dir = aj::test::temp_dir("cli-inputs");
  const std::string pdf = aj::test::corpus("seeds") + "/000_eaa2ca7fc8e25303.a.pdf";
  auto r = run_aj(dir, {"sql", pdf});
  CHECK(r.code == 2);
  CHECK(has(r.err, "is a PDF file, not an SQL query"));
  CHECK_FALSE(has(r.err, "syntax error"));

  r = run_aj(dir, {"export", dir + "/no-such.pdf"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "no such file"));
  CHECK(r.out.empty());

  r = run_aj(dir, {"export", aj::test::corpus("seeds")});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
}

TEST_CASE("cli: spreadsheets — export and sql write xlsx, csv --excel starts with a byte order mark") {
  auto dir = aj::test::temp_dir("cli-xlsx");
  const std::string db = dir + "/db.sqlite";
  REQUIRE(run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")}).code == 0);

  const std::string book = dir + "/records.xlsx";
  auto r = run_aj(dir, {"export", "--quiet", "--db", db, "--format", "xlsx", "--out", book});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string bytes = aj::test::slurp(book);
  REQUIRE(bytes.rfind("PK\x03\x04", 0) == 0);   // a zip, as every .xlsx is
  const auto members = zip_members(bytes);
  CHECK(worksheets(members) >= 5);   // positions, tasks, results, requirements, … one sheet per list

  const std::string one = dir + "/query.xlsx";
  r = run_aj(dir, {"sql", "--db", db, "--format", "xlsx", "--out", one, "SELECT title FROM v_positions"});
  REQUIRE(r.code == 0);
  CHECK(worksheets(zip_members(aj::test::slurp(one))) == 1);

  r = run_aj(dir, {"sql", "--db", db, "--format", "xlsx", "SELECT 1"});
  CHECK(r.code == 2);   // a spreadsheet needs a file
  CHECK(has(r.err, "--out"));

  r = run_aj(dir, {"sql", "--db", db, "--format", "csv", "--excel", "SELECT 'õäöü' AS word"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(has(r.out, "õäöü"));
  r = run_aj(dir, {"sql", "--db", db, "--format", "csv", "SELECT 'õäöü' AS word"});
  CHECK(r.out.rfind("\xEF\xBB\xBF", 0) != 0);
}

TEST_CASE("cli: search — hyphens are text, short terms begin a word, Estonian case folds, failed documents are found") {
  auto dir = aj::test::temp_dir("cli-search");
  const std::string db = dir + "/db.sqlite";
  REQUIRE(run_aj(dir, {"import", "--db", db, aj::test::corpus("directives"), aj::test::corpus("bad")}).code == 0);

  auto r = run_aj(dir, {"search", "--db", db, "SKAIS-i"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(has(r.err, "no such column"));
  CHECK(has(r.out, "[SKAIS-i]"));
  CHECK(has(r.out, "record_key"));

  r = run_aj(dir, {"search", "--db", db, "--kind", "tasks", "--format", "json", "IT"});
  REQUIRE(r.code == 0);
  auto hits = nlohmann::json::parse(r.out);
  REQUIRE(!hits.empty());
  for (const auto& h : hits) {
    CHECK(h["kind"] == "task");
    CHECK(has(h["snippet"].get<std::string>(), "[IT]"));
    CHECK(h["record_key"].get<std::string>().size() > 13);
  }

  r = run_aj(dir, {"search", "--db", db, "--format", "csv", "INFOSÜSTEEM"});   // upper case Ü folds to ü
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "süsteem"));

  r = run_aj(dir, {"search", "--db", db, "--kind", "document", "--format", "json", "Road maintenance"});
  REQUIRE(r.code == 0);
  hits = nlohmann::json::parse(r.out);
  REQUIRE(hits.size() == 1);   // corpus/bad/unknown-layout.pdf: no grammar read it, its text is kept
  CHECK(has(hits[0]["path"].get<std::string>(), "unknown-layout.pdf"));

  r = run_aj(dir, {"search", "--db", dir + "/missing.sqlite", "x"});
  CHECK(r.code == 1);
}

TEST_CASE("cli: a missing input exits 1 in every command, with a message naming it") {
  auto dir = aj::test::temp_dir("cli-missing");
  const std::string pdf = dir + "/no-such.pdf", db = dir + "/no-such.sqlite", folder = dir + "/no-such";
  const std::vector<std::vector<std::string>> commands{
      {"import", "--db", dir + "/new.sqlite", folder}, {"export", pdf},          {"layout", pdf},
      {"explain", pdf},                                 {"show", "1", "--db", db}, {"report", "--db", db},
      {"sql", "--db", db, "SELECT 1"},                  {"search", "--db", db, "x"},
      {"export", "--db", db},                           {"grammar", "check", folder},
      {"grammar", "test", folder},                      {"org", "--db", db},
      {"prune", "--db", db}};
  for (const auto& args : commands) {
    auto r = run_aj(dir, args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.code == 1);
    CHECK(has(r.err, "no-such"));
  }
}

TEST_CASE("cli: the import summary labels this run's counts and the archive's, the same on a second run") {
  auto dir = aj::test::temp_dir("cli-summary");
  const std::string db = dir + "/db.sqlite";
  aj::test::fs::create_directories(dir + "/copies");
  aj::test::fs::copy_file(aj::test::corpus("seeds") + "/000_eaa2ca7fc8e25303.a.pdf", dir + "/copies/copy.pdf");
  const std::vector<std::string> args{"import", "--db", db, aj::test::corpus("seeds"), aj::test::corpus("bad"),
                                      dir + "/copies"};
  auto first = run_aj(dir, args);
  REQUIRE(first.code == 0);
  auto second = run_aj(dir, args);
  REQUIRE(second.code == 0);
  const auto archive_line = [](const std::string& out) {
    const size_t at = out.find("The archive: ");
    return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
  };
  INFO(first.out);
  INFO(second.out);
  CHECK(has(archive_line(first.out), "(1 file is a copy of another)"));
  CHECK(has(archive_line(first.out), "9 documents failed"));   // bad/scanned.pdf is read by OCR: partial
  CHECK(has(first.out, "2 partial, 9 failed; 42 pages"));
  CHECK(has(first.out, ", 1 page read by OCR."));
  CHECK(archive_line(first.out) == archive_line(second.out));   // the duplicate count does not move
  CHECK(has(second.out, "This run:    "));
  CHECK(has(second.out, "no record parsed"));                     // not "0 ok, 0 partial, 0 failed … 9 failed"
  CHECK_FALSE(has(second.out, "0 ok, 0 partial, 0 failed"));
  CHECK(has(second.out, "Skipped: 10 not PDF"));                  // the files the walk passed over, by reason
}
