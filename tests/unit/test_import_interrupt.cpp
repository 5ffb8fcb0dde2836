// test_import_interrupt.cpp — Ctrl-C (SIGINT) during an import, with the
// real binary: it stops cleanly, says how much it kept, exits with 130, and
// a re-run does the rest, with no document failed by the interruption.
#include <doctest/doctest.h>

#include <thread>

#include "test_store_support.h"

namespace {

long as_number(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos ? std::stol(s) : -1;
}

}  // namespace

TEST_CASE("import: SIGINT stops cleanly with 'interrupted: N documents stored', exit 130, and a re-run finishes") {
  using aj::test::scalar;
  auto dir = aj::test::temp_dir("import-interrupted");
  const std::string in = dir + "/in", db = dir + "/db.sqlite";
  aj::test::distinct_copies(in, 60);
  const pid_t pid = aj::test::spawn_aj({"import", "--db", db, "--jobs", "2", in}, dir + "/i.out", dir + "/i.err");
  for (int i = 0; i < 3000 && as_number(scalar(db, "SELECT count(*) FROM documents")) < 5; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGINT);
  CHECK(aj::test::wait_exit(pid) == 130);
  const long stored = as_number(scalar(db, "SELECT count(*) FROM documents"));
  CHECK(stored >= 5);
  CHECK(stored < 60);   // the signal came mid-run
  const std::string err = aj::test::slurp(dir + "/i.err");
  CHECK(err.find("interrupted: " + std::to_string(stored) + " documents stored; run again to continue") !=
        std::string::npos);
  CHECK(scalar(db, "PRAGMA integrity_check") == "ok");
  // The documents the workers held were dropped, not failed.
  CHECK(scalar(db, "SELECT count(*) FROM problems WHERE code IN ('worker_crashed', 'timed_out')") == "0");

  auto rerun = aj::test::run_aj(dir, {"import", "--db", db, in});
  REQUIRE(rerun.code == 0);
  CHECK(as_number(scalar(db, "SELECT files_new FROM import_runs ORDER BY id DESC LIMIT 1")) == 60 - stored);
  CHECK(scalar(db, "SELECT count(*) FROM v_positions WHERE status = 'ok'") == "60");
  CHECK(aj::test::search_index_intact(db));
}
