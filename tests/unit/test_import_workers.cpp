// test_store_workers.cpp — the import under stress, with the real binary: a
// SIGKILL mid-run and a re-run that completes it, readers during writes, a
// per-document deadline, and a worker killed by a signal.
#include <doctest/doctest.h>

#include <thread>

#include "test_store_support.h"

namespace {

using aj::test::query;
using aj::test::Rows;
using aj::test::run_aj;
using aj::test::scalar;

long as_number(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos ? std::stol(s) : -1;
}

void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// The processes whose parent is `parent` (from /proc/PID/stat).
std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& e : aj::test::fs::directory_iterator("/proc")) {
    const std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = aj::test::slurp(e.path().string() + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 1));
    std::string state;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent) out.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return out;
}

std::string exported(const std::string& dir, const std::string& db) {
  auto r = run_aj(dir, {"export", "--db", db, "--quiet"});
  REQUIRE(r.code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("store: an import killed with SIGKILL resumes to the same content as an uninterrupted one") {
  auto dir = aj::test::temp_dir("store-killed");
  const std::string in = dir + "/in";
  aj::test::distinct_copies(in, 60);
  const std::string full = dir + "/full.sqlite", killed = dir + "/killed.sqlite";
  REQUIRE(run_aj(dir, {"import", "--db", full, in}).code == 0);

  const pid_t pid = aj::test::spawn_aj({"import", "--db", killed, "--jobs", "2", in}, dir + "/k.out", dir + "/k.err");
  for (int i = 0; i < 3000 && as_number(scalar(killed, "SELECT count(*) FROM documents")) < 5; ++i) sleep_ms(5);
  kill(pid, SIGKILL);
  CHECK(aj::test::wait_exit(pid) == 128 + SIGKILL);
  const long stored = as_number(scalar(killed, "SELECT count(*) FROM documents"));
  CHECK(stored >= 5);
  CHECK(stored < 60);   // the kill came mid-run
  CHECK(scalar(killed, "PRAGMA integrity_check") == "ok");
  CHECK(scalar(killed, "SELECT finished_at IS NULL FROM import_runs") == "1");
  sleep_ms(100);
  CHECK(children_of(pid).empty());   // the workers died with it

  auto rerun = run_aj(dir, {"import", "--db", killed, in});
  REQUIRE(rerun.code == 0);
  CHECK(as_number(scalar(killed, "SELECT files_new FROM import_runs ORDER BY id DESC LIMIT 1")) == 60 - stored);
  CHECK(scalar(killed, "PRAGMA integrity_check") == "ok");
  CHECK(query(killed, "SELECT path, sha256, pages FROM v_files ORDER BY path") ==
        query(full, "SELECT path, sha256, pages FROM v_files ORDER BY path"));
  CHECK(exported(dir, killed) == exported(dir, full));
  CHECK(aj::test::search_index_intact(killed));
  const std::string hits = "SELECT count(*) FROM v_search_trigram WHERE text MATCH 'süsteem'";
  CHECK(scalar(killed, hits) == scalar(full, hits));
  CHECK(query(killed, "SELECT kind, text FROM search_text s JOIN v_positions p USING (record_id) ORDER BY p.path, s.id") ==
        query(full, "SELECT kind, text FROM search_text s JOIN v_positions p USING (record_id) ORDER BY p.path, s.id"));
}

TEST_CASE("store: queries run while an import writes") {
  auto dir = aj::test::temp_dir("store-concurrent");
  aj::test::distinct_copies(dir + "/in", 60);
  const std::string db = dir + "/db.sqlite";
  const pid_t pid = aj::test::spawn_aj({"import", "--db", db, "--jobs", "2", dir + "/in"}, dir + "/i.out", dir + "/i.err");
  int status = 0, answered = 0, midway = 0;
  std::vector<std::string> failures;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    Rows rows = query(db, "SELECT count(*) FROM v_positions");
    if (!rows.empty() && rows[0][0] == "ERROR") {
      if (answered > 0) failures.push_back(rows[0][1]);   // before the schema exists, errors are expected
    } else if (!rows.empty()) {
      ++answered;
      const long n = as_number(rows[0][0]);
      midway += n > 0 && n < 60;
    }
    sleep_ms(2);
  }
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(failures.empty());
  CHECK(answered > 0);
  CHECK(midway > 0);
  CHECK(scalar(db, "SELECT count(*) FROM v_positions") == "60");
}

TEST_CASE("store: a document past --timeout fails as timed_out, and the next run parses it again") {
  auto dir = aj::test::temp_dir("store-timeout");
  const std::string db = dir + "/db.sqlite";
  const std::string seed = aj::test::seed_pdfs()[0];
  auto r = run_aj(dir, {"import", "--db", db, "--timeout", "0.001", seed});
  REQUIRE(r.code == 0);
  CHECK(query(db, "SELECT status, code FROM v_problems") == Rows{{"failed", "timed_out"}});
  CHECK(scalar(db, "SELECT message FROM problems").find("--timeout") != std::string::npos);
  CHECK(r.err.find("timed_out") != std::string::npos);

  REQUIRE(run_aj(dir, {"import", "--db", db, seed}).code == 0);
  CHECK(scalar(db, "SELECT files_reparsed FROM import_runs ORDER BY id DESC LIMIT 1") == "1");
  CHECK(scalar(db, "SELECT status FROM v_positions") == "ok");
}

TEST_CASE("store: a worker killed by a signal fails only its document, as worker_crashed naming the signal") {
  auto dir = aj::test::temp_dir("store-crash");
  aj::test::distinct_copies(dir + "/in", 30);
  const std::string db = dir + "/db.sqlite";
  const pid_t pid = aj::test::spawn_aj({"import", "--db", db, "--jobs", "1", dir + "/in"}, dir + "/c.out", dir + "/c.err");
  std::vector<pid_t> workers;
  for (int i = 0; i < 3000 && workers.empty(); ++i, sleep_ms(2)) workers = children_of(pid);
  REQUIRE(workers.size() == 1);
  kill(workers[0], SIGSEGV);
  CHECK(aj::test::wait_exit(pid) == 0);
  CHECK(query(db, "SELECT status, count(*) FROM v_positions GROUP BY status ORDER BY status") ==
        Rows{{"failed", "1"}, {"ok", "29"}});
  const std::string message = scalar(db, "SELECT message FROM v_problems WHERE code = 'worker_crashed'");
  CHECK(message.find("SIGSEGV") != std::string::npos);
}
