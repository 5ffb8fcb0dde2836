// test_path_text.cpp — file names that are not UTF-8 or hold control
// characters: the escaping rule itself (lossless, the identity on ordinary
// names), and through the binary that such names are stored, exported and
// printed as valid UTF-8 on one line and are accepted back as arguments in
// either form.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/bounds.h"
#include "core/path_text.h"
#include "test_store_support.h"

TEST_CASE("path text: ordinary names are kept, others escaped, and the escaping is undone exactly") {
  CHECK(aj::path_text("/arhiiv/Ametijuhend õäöü šž.pdf") == "/arhiiv/Ametijuhend õäöü šž.pdf");
  CHECK(aj::path_text("caf\xE9.pdf") == "caf\\xE9.pdf");          // Latin-1 é
  CHECK(aj::path_text("a\nb\x7F.pdf") == "a\\x0Ab\\x7F.pdf");
  CHECK(aj::path_text("\xED\xA0\x80") == "\\xED\\xA0\\x80");      // a UTF-8 surrogate is not UTF-8
  CHECK(aj::path_text("C:\\x41 and \\y") == "C:\\x5Cx41 and \\y");   // only a backslash that reads as an escape
  for (const std::string raw : {"caf\xE9.pdf", "a\nb.pdf", "C:\\x41\\xzz", "\xFF\xFE\\x0A", "plain.pdf", ""}) {
    const std::string text = aj::path_text(raw);
    CHECK(aj::is_clean_utf8(text));
    CHECK(text.find('\n') == std::string::npos);
    CHECK(aj::path_bytes(text) == raw);
  }
}

TEST_CASE("path text: names that are not UTF-8 are stored, exported and shown escaped, and accepted back") {
  namespace fs = std::filesystem;
  auto dir = aj::test::temp_dir("path-text");
  fs::create_directories(dir + "/in");
  const std::string latin1 = dir + "/in/caf\xE9.pdf", newline = dir + "/in/a\nb.pdf";
  fs::copy_file(aj::test::seed_pdfs().at(0), latin1, fs::copy_options::overwrite_existing);
  fs::copy_file(aj::test::seed_pdfs().at(2), newline, fs::copy_options::overwrite_existing);
  const std::string db = dir + "/a.sqlite";
  auto r = aj::test::run_aj(dir, {"import", "--db", db, dir + "/in"});
  REQUIRE(r.code == 0);
  CHECK(aj::is_clean_utf8(r.out + r.err));
  CHECK(r.err.find("a\nb.pdf") == std::string::npos);   // no line forged by a name

  const auto rows = aj::test::query(db, "SELECT path FROM files UNION ALL SELECT source_file FROM records ORDER BY 1");
  REQUIRE(rows.size() == 4);
  for (const auto& row : rows) {
    CHECK(aj::is_clean_utf8(row.at(0)));
    CHECK(row.at(0).find('\n') == std::string::npos);
  }
  CHECK(aj::test::scalar(db, "SELECT count(*) FROM files WHERE path LIKE '%caf\\xE9.pdf'") == "1");

  // export: the raw name and its escaped form name the same file; the JSON is valid.
  for (const std::string& arg : {latin1, dir + "/in/caf\\xE9.pdf"}) {
    r = aj::test::run_aj(dir, {"export", "--format", "jsonl", arg});
    CHECK(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["source"]["file"] == "caf\\xE9.pdf");
    CHECK(j["status"] == "ok");
  }
  // show: by the raw file name, the escaped one, or the path.
  for (const std::string& arg : {std::string("caf\xE9.pdf"), std::string("caf\\xE9.pdf"), newline}) {
    r = aj::test::run_aj(dir, {"show", "--db", db, arg});
    CHECK(r.code == 0);
    CHECK(r.out.find("Record ") == 0);
  }
  // A second import finds both files unchanged (the stored form is the walk's).
  r = aj::test::run_aj(dir, {"import", "--db", db, dir + "/in"});
  CHECK(r.out.find("2 unchanged") != std::string::npos);
}
