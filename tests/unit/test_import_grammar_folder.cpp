// test_import_grammar_folder.cpp — the database remembers the grammar
// folder of its last import: `import` without --grammars keeps to it (and
// warns, on stderr, when it is not the default folder), and --grammars
// naming another folder whose grammars differ warns that the documents are
// parsed again. Run as a program on the seeds, with a copy of grammars/
// whose fingerprint differs from the shipped one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_store_support.h"

namespace {

using aj::test::query;
using aj::test::run_aj;
using aj::test::scalar;

// A copy of the shipped grammars with one comment more: other grammars, by their fingerprint.
std::string changed_grammars(const std::string& dir) {
  const std::string grammars = dir + "/grammars";
  aj::test::fs::copy(aj::test::grammars(), grammars, aj::test::fs::copy_options::recursive);
  std::ofstream(grammars + "/_common.toml", std::ios::app) << "\n# a copy for the test\n";
  return std::filesystem::weakly_canonical(grammars).string();
}

// Imports the seeds into dir/db.sqlite with `extra` options, requiring exit code 0; its stderr.
std::string import_seeds(const std::string& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"import", "--db", dir + "/db.sqlite"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(aj::test::corpus("seeds"));
  auto r = run_aj(dir, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return r.err;
}

// The last run's grammar folder and its counts: new, re-parsed, unchanged.
std::vector<std::string> last_run(const std::string& dir) {
  auto rows = query(dir + "/db.sqlite",
                    "SELECT grammar_dir, files_new, files_reparsed, files_unchanged FROM import_runs "
                    "ORDER BY id DESC LIMIT 1");
  return rows.empty() ? std::vector<std::string>{} : rows[0];
}

}  // namespace

TEST_CASE("import: without --grammars the folder of the database's last import is used, with a warning") {
  auto dir = aj::test::temp_dir("import-grammar-folder-remembered");
  const std::string grammars = changed_grammars(dir);
  import_seeds(dir, {"--grammars", grammars});
  CHECK(last_run(dir) == std::vector<std::string>{grammars, "10", "0", "0"});

  const std::string err = import_seeds(dir);
  CHECK(err.find("ametijuhend: warning: the database was last imported with the grammars in " + grammars) !=
        std::string::npos);
  CHECK(err.find("parsed again") == std::string::npos);
  CHECK(last_run(dir) == std::vector<std::string>{grammars, "0", "0", "10"});   // nothing re-parsed

  // The warning goes through the log: --log-level error silences it.
  CHECK(import_seeds(dir, {"--log-level", "error"}).find("warning") == std::string::npos);
  CHECK(last_run(dir) == std::vector<std::string>{grammars, "0", "0", "10"});
}

TEST_CASE("import: --grammars naming another folder than the last import's warns that documents are re-parsed") {
  auto dir = aj::test::temp_dir("import-grammar-folder-changed");
  const std::string shipped = std::filesystem::weakly_canonical(aj::test::grammars()).string();
  const std::string grammars = changed_grammars(dir);
  CHECK(import_seeds(dir).find("warning") == std::string::npos);   // the default folder: nothing to say
  CHECK(last_run(dir) == std::vector<std::string>{shipped, "10", "0", "0"});

  const std::string err = import_seeds(dir, {"--grammars", grammars});
  CHECK(err.find("ametijuhend: warning: the database was last imported with the grammars in " + shipped +
                 "; those in " + grammars + " differ, so the documents parsed with the others will be parsed again") !=
        std::string::npos);
  CHECK(last_run(dir) == std::vector<std::string>{grammars, "0", "10", "0"});

  // Back to the default folder, named: the same warning the other way; after that, no warning.
  CHECK(import_seeds(dir, {"--grammars", aj::test::grammars()}).find("parsed again") != std::string::npos);
  CHECK(last_run(dir) == std::vector<std::string>{shipped, "0", "10", "0"});
  CHECK(import_seeds(dir).find("warning") == std::string::npos);
  CHECK(last_run(dir) == std::vector<std::string>{shipped, "0", "0", "10"});
  CHECK(scalar(dir + "/db.sqlite", "SELECT count(*) FROM records") == "10");
}

TEST_CASE("import: a remembered grammar folder that is gone stops the import and says so") {
  auto dir = aj::test::temp_dir("import-grammar-folder-gone");
  const std::string grammars = changed_grammars(dir);
  import_seeds(dir, {"--grammars", grammars});
  std::filesystem::remove_all(grammars);
  auto r = run_aj(dir, {"import", "--db", dir + "/db.sqlite", aj::test::corpus("seeds")});
  CHECK(r.code == 1);
  CHECK(r.err.find("the grammar folder of the last import") != std::string::npos);
  CHECK(r.err.find("--grammars DIR") != std::string::npos);
}
