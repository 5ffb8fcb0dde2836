// test_cli_log.cpp — the global log options, run as a program: --log-level
// chooses what the diagnostic log says on stderr (default warn), --log-file
// also appends it to a file with times and process ids, either option may
// stand before or after the subcommand, and a bad value is a usage error.
// The command's own output does not change with them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_store_support.h"

using aj::test::run_aj;

TEST_CASE("cli: --log-level sets what the log says on stderr, not what the command prints") {
  auto dir = aj::test::temp_dir("cli-log-level");
  const std::string db = dir + "/db.sqlite", seed = aj::test::seed_pdfs()[0];
  auto quiet = run_aj(dir, {"import", "--db", db, seed});
  REQUIRE(quiet.code == 0);
  CHECK(quiet.err.find("ametijuhend: info:") == std::string::npos);

  auto told = run_aj(dir, {"--log-level", "debug", "import", "--db", db, "--force", seed});
  REQUIRE(told.code == 0);
  CHECK(told.err.find("ametijuhend: info: grammars: ") != std::string::npos);
  CHECK(told.err.find("ametijuhend: debug: up to ") != std::string::npos);
  CHECK(told.out.find("Imported into " + db) == 0);   // the summary, as always

  auto after = run_aj(dir, {"import", "--db", db, "--log-level", "trace", seed});
  REQUIRE(after.code == 0);
  CHECK(after.err.find("ametijuhend: trace: ") != std::string::npos);
  CHECK(after.err.find("unchanged (same size and mtime), not read") != std::string::npos);

  CHECK(run_aj(dir, {"--log-level", "loud", "import", "--db", db, seed}).code == 2);
}

TEST_CASE("cli: --log-file appends the log, stderr keeps to warnings") {
  auto dir = aj::test::temp_dir("cli-log-file");
  const std::string db = dir + "/db.sqlite", log = dir + "/ametijuhend.log";
  auto r = run_aj(dir, {"import", "--db", db, "--log-level", "info", "--log-file", log, aj::test::seed_pdfs()[0]});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("ametijuhend: info:") == std::string::npos);
  const std::string written = aj::test::slurp(log);
  CHECK(written.find(" info: grammars: ") != std::string::npos);
  CHECK(written.rfind("20", 0) == 0);   // each line opens with its date and time

  // A warning reaches both.
  std::filesystem::create_directories(dir + "/grammars");
  aj::test::fs::copy(aj::test::grammars(), dir + "/grammars", aj::test::fs::copy_options::recursive);
  std::ofstream(dir + "/grammars/_common.toml", std::ios::app) << "\n# changed\n";
  auto changed = run_aj(dir, {"import", "--db", db, "--grammars", dir + "/grammars", "--log-file", log,
                              aj::test::seed_pdfs()[0]});
  REQUIRE(changed.code == 0);
  CHECK(changed.err.find("ametijuhend: warning: ") != std::string::npos);
  CHECK(aj::test::slurp(log).find(" warning: the database was last imported") != std::string::npos);
  CHECK(aj::test::slurp(log).find(" info: grammars: ") != std::string::npos);   // the first run's lines kept

  auto unwritable = run_aj(dir, {"import", "--db", db, "--log-file", dir + "/no-such-folder/a.log",
                                 aj::test::seed_pdfs()[0]});
  CHECK(unwritable.code == 1);
  CHECK(unwritable.err.find("cannot open the log file") != std::string::npos);
}
