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

namespace {

// A small file that needs much memory: `pages` pages sharing one content
// stream of 1,320 words, so the words the extractor keeps grow with the pages.
std::string many_page_pdf(int pages) {
  std::string line = "(";
  for (int i = 0; i < 12; ++i) line += "sõna" + std::to_string(i) + " ";
  line += ") '\n";
  std::string content = "BT /F1 6 Tf 7 TL 20 820 Td\n";
  for (int i = 0; i < 110; ++i) content += line;
  content += "ET\n";
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(5 + i) + " 0 R ";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
  for (int i = 0; i < pages; ++i)
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents 4 0 R >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

TEST_CASE("store: a document that needs more than --max-memory fails as out_of_memory, naming the limit") {
  auto dir = aj::test::temp_dir("store-memory");
  aj::test::fs::create_directories(dir + "/in");
  std::ofstream(dir + "/in/hungry.pdf", std::ios::binary) << many_page_pdf(400);
  aj::test::fs::copy_file(aj::test::seed_pdfs()[0], dir + "/in/seed.pdf");
  const std::string db = dir + "/db.sqlite";
  auto r = run_aj(dir, {"import", "--db", db, "--jobs", "1", "--max-memory", "256M", dir + "/in"});
  REQUIRE(r.code == 0);
  CHECK(query(db, "SELECT source_file, status FROM v_positions ORDER BY source_file") ==
        Rows{{"hungry.pdf", "failed"}, {"seed.pdf", "ok"}});
  CHECK(scalar(db, "SELECT group_concat(code) FROM problems p JOIN records r ON r.id = p.record_id "
                   "WHERE r.source_file = 'hungry.pdf'") == "out_of_memory");
  CHECK(scalar(db, "SELECT message FROM problems WHERE code = 'out_of_memory'").find("256 MiB") != std::string::npos);
  // The same file under the default limit is read (it needs about 300 MB).
  r = run_aj(dir, {"import", "--db", db, "--jobs", "1", "--force", dir + "/in/hungry.pdf"});
  REQUIRE(r.code == 0);
  CHECK(scalar(db, "SELECT count(*) FROM problems WHERE code = 'out_of_memory'") == "0");

  r = run_aj(dir, {"import", "--db", db, "--max-memory", "2X", dir + "/in"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--max-memory: expected an amount of memory such as 2G or 1536M, got '2X'") != std::string::npos);
  r = run_aj(dir, {"import", "--db", db, "--max-memory", "100M", dir + "/in"});
  CHECK(r.code == 2);
  CHECK(r.err.find("at least 256M") != std::string::npos);
}
