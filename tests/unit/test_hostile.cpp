// test_hostile.cpp — hostile input: the bounds on text and problems
// (core/bounds.h), then corpus/hostile/ imported with the seeds and with
// entries that cannot be committed (FIFOs, a socket, broken and looping
// links, a link to /dev/zero, a folder named .pdf), through the real binary.
// Each file must come out as corpus/hostile/expected.json says, nothing may
// block, the seeds' records must be what an import of the seeds alone gives,
// and every text in the database must be valid UTF-8 without NUL.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/bounds.h"
#include "test_store_support.h"

namespace {

using aj::test::query;
using aj::test::Rows;
using aj::test::scalar;
namespace fs = std::filesystem;

// Runs AJ_BINARY to the end, or kills it after `limit_seconds` (then code is -1).
aj::test::Ran run_with_deadline(const std::string& dir, const std::vector<std::string>& args, double limit_seconds) {
  const std::string out = dir + "/stdout.txt", err = dir + "/stderr.txt";
  const pid_t pid = aj::test::spawn_aj(args, out, err);
  const auto start = std::chrono::steady_clock::now();
  aj::test::Ran r;
  int status = 0;
  for (;;) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(limit_seconds)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      r.code = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.out = aj::test::slurp(out);
  r.err = aj::test::slurp(err);
  return r;
}

// Makes one entry of expected.json's "special" part in `dir`.
void make_special(const std::string& dir, const std::string& name, const nlohmann::json& how) {
  const std::string path = dir + "/" + name, make = how.at("make");
  if (make == "fifo") {
    REQUIRE(mkfifo(path.c_str(), 0644) == 0);
  } else if (make == "socket") {
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof addr.sun_path);
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    close(fd);   // the socket file stays
  } else if (make == "symlink") {
    fs::create_symlink(how.at("target").get<std::string>(), path);
  } else if (make == "folder") {
    fs::create_directories(path);
  } else {
    FAIL("unknown kind of special entry: " << make);
  }
}

// The distinct problem codes of the records stored for `path`, sorted.
std::vector<std::string> codes_at(const std::string& db, const std::string& path) {
  std::vector<std::string> out;
  for (const auto& row : query(db,
                               "SELECT DISTINCT p.code FROM problems p JOIN records r ON r.id = p.record_id "
                               "JOIN files f ON f.document_id = r.document_id WHERE f.path = '" + path +
                                   "' ORDER BY p.code"))
    out.push_back(row[0]);
  return out;
}

std::vector<std::string> statuses_at(const std::string& db, const std::string& path) {
  std::vector<std::string> out;
  for (const auto& row : query(db, "SELECT status FROM v_positions WHERE path = '" + path + "' ORDER BY record_id"))
    out.push_back(row[0]);
  return out;
}

// Every text value of every column of every table whose bytes are not
// valid UTF-8 without NUL, as "table.column: first bytes".
std::vector<std::string> unclean_texts(const std::string& db_path) {
  std::vector<std::string> bad;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  int scanned = 0;
  for (const auto& table : query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
    for (const auto& column : query(db_path, "SELECT name FROM pragma_table_info('" + table[0] + "')")) {
      const std::string sql = "SELECT \"" + column[0] + "\" FROM \"" + table[0] + "\" WHERE typeof(\"" + column[0] +
                              "\") = 'text'";
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) continue;   // e.g. FTS5 internals
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        ++scanned;
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const std::string_view value(bytes, static_cast<size_t>(sqlite3_column_bytes(stmt, 0)));
        if (!aj::is_clean_utf8(value)) bad.push_back(table[0] + "." + column[0] + ": " + std::string(value.substr(0, 60)));
      }
      sqlite3_finalize(stmt);
    }
  }
  sqlite3_close(db);
  CHECK(scanned > 1000);   // the scan saw the database's texts
  return bad;
}

}  // namespace

TEST_CASE("bounds: text is made valid UTF-8 without NUL and cut on a code point boundary") {
  using namespace std::literals;
  using aj::bounded_utf8;
  using aj::is_clean_utf8;
  CHECK(bounded_utf8("Ame\0ti\0juhend"sv, 100) == "Ametijuhend");
  CHECK(bounded_utf8("a\xff" "b\xc3", 100) == "a\uFFFDb\uFFFD");          // a stray byte, a cut sequence
  CHECK(bounded_utf8("\xc0\xaf\xed\xa0\x80", 100) == "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");   // overlong, surrogate
  CHECK(bounded_utf8("õõõõõ", 3) == "õõ…");                                   // code points, not bytes
  CHECK(bounded_utf8("õõõõõ", 100, 7) == "õõ…");                              // 2 + 2 + 3 bytes
  CHECK(bounded_utf8("õõõ", 3) == "õõõ");                                     // fits: no ellipsis
  CHECK(bounded_utf8(std::string(1 << 20, 'P'), SIZE_MAX, aj::kMetadataBytes).size() <= aj::kMetadataBytes);
  CHECK(is_clean_utf8("Tööülesanded €𝄞"));
  CHECK_FALSE(is_clean_utf8("a\0b"sv));
  CHECK_FALSE(is_clean_utf8("\xed\xa0\x80"));   // a surrogate
  CHECK_FALSE(is_clean_utf8("\xc1\xbf"));       // overlong
  CHECK_FALSE(is_clean_utf8("\xf4\x90\x80\x80"));   // past U+10FFFF
  CHECK_FALSE(is_clean_utf8("\xe2\x82"));       // cut
}

TEST_CASE("bounds: a record keeps 50 problems of one code and sums up the rest with their pages") {
  std::vector<aj::Problem> problems;
  for (int page = 1; page <= 2000; ++page)
    problems.push_back(aj::Problem::make(aj::Code::no_text_layer, page, "page " + std::to_string(page) + " has no text"));
  problems.push_back(aj::Problem::make(aj::Code::text_unassigned, 7, "unassigned", std::string(3000, 'x')));
  problems.push_back(aj::Problem::make(aj::Code::no_text_layer, 2500, "page 2500 has no text"));
  aj::cap_problems(problems);
  REQUIRE(problems.size() == 52);
  CHECK(problems[49].page == 50);
  CHECK(problems[50].code == aj::Code::no_text_layer);
  CHECK(problems[50].page == 51);
  CHECK(problems[50].message == "1951 more no_text_layer problems on pages 51–2000, 2500, not listed one by one "
                                "(at most 50 of one code are)");
  CHECK(problems[51].code == aj::Code::text_unassigned);
  CHECK(problems[51].excerpt.size() <= aj::kExcerptChars * 3);
  CHECK(problems[51].excerpt.ends_with("…"));
  CHECK(aj::page_ranges({9, 3, 4, 5, 12, 4}) == "3–5, 9, 12");
  CHECK(aj::page_ranges({1, 3, 5, 7}, 2) == "1, 3, …");
}

TEST_CASE("hostile: corpus/hostile with FIFOs, links and the seeds imports as expected.json says, and nothing blocks") {
  const auto manifest = nlohmann::json::parse(aj::test::slurp(aj::test::corpus("hostile/expected.json")));
  const auto dir = aj::test::temp_dir("hostile");
  const std::string special = dir + "/special";
  fs::create_directories(special);
  std::map<std::string, int> kinds;   // the summary's "unreadable (…)" counts, in its (sorted) order
  for (const auto& [name, how] : manifest.at("special").items()) {
    make_special(special, name, how);
    ++kinds[how.at("kind").get<std::string>()];
  }
  REQUIRE(mkfifo((special + "/pipe").c_str(), 0644) == 0);   // not named like a PDF: only counted
  std::ofstream(special + "/notes.txt") << "not a PDF\n";

  const std::string db = dir + "/all.sqlite";
  auto r = run_with_deadline(
      dir, {"import", "--db", db, "--jobs", "2", aj::test::corpus("hostile"), aj::test::corpus("seeds"), special}, 180);
  INFO(r.err);
  REQUIRE(r.code == 0);   // -1: killed at the deadline, something blocked

  for (const auto& [name, want] : manifest.at("files").items()) {
    const std::string path = aj::test::corpus("hostile/" + name);
    INFO(name << ": " << want.value("why", ""));
    REQUIRE(fs::exists(path));
    const auto statuses = statuses_at(db, path);
    CHECK(statuses == std::vector<std::string>{want.at("status").get<std::string>()});
    CHECK(codes_at(db, path) == want.at("codes").get<std::vector<std::string>>());
    if (want.contains("pages"))
      CHECK(scalar(db, "SELECT pages FROM v_files WHERE path = '" + path + "'") == std::to_string(want["pages"].get<int>()));
    if (want.contains("encrypted"))
      CHECK(scalar(db, "SELECT pdf_encrypted FROM v_files WHERE path = '" + path + "'") == (want["encrypted"] ? "1" : "0"));
    if (want.contains("max_problems"))
      CHECK(std::stoi(scalar(db, "SELECT count(*) FROM v_problems WHERE path = '" + path + "'")) <=
            want["max_problems"].get<int>());
  }
  CHECK(manifest.at("files").size() + 1 == static_cast<size_t>(std::distance(
                                               fs::directory_iterator(aj::test::corpus("hostile")), fs::directory_iterator())));

  for (const auto& [name, want] : manifest.at("special").items()) {
    const std::string path = special + "/" + name;
    INFO(name);
    CHECK(statuses_at(db, path) == std::vector<std::string>{"failed"});
    CHECK(codes_at(db, path) == std::vector<std::string>{"file_unreadable"});
    CHECK(scalar(db, "SELECT message FROM v_problems WHERE path = '" + path + "'").ends_with("it was not opened"));
  }
  // The summary says what was skipped and why: every file that is not a PDF (the
  // seeds' truths, the manifest, notes.txt, the FIFO named "pipe"), every unreadable entry.
  std::string kinds_text;
  int unreadable = 0;
  for (const auto& [kind, n] : kinds) {
    kinds_text += (kinds_text.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    unreadable += n;
  }
  int not_pdf = 2;
  for (const std::string folder : {"hostile", "seeds"})
    for (const auto& e : fs::directory_iterator(aj::test::corpus(folder))) not_pdf += e.path().extension() != ".pdf";
  CHECK(r.out.find("Skipped: " + std::to_string(not_pdf) + " not PDF, " + std::to_string(unreadable) + " unreadable (" +
                   kinds_text + ").") != std::string::npos);

  CHECK(scalar(db, "PRAGMA integrity_check") == "ok");
  CHECK(query(db, "PRAGMA foreign_key_check").empty());
  const auto unclean = unclean_texts(db);
  CHECK_MESSAGE(unclean.empty(), unclean.front());
  // Bounds (README, "Bounds"): metadata and excerpts.
  for (const std::string column : {"pdf_producer", "pdf_creator", "pdf_title"})
    CHECK(std::stoll(scalar(db, "SELECT coalesce(max(length(CAST(" + column + " AS BLOB))), 0) FROM documents")) <=
          static_cast<long long>(aj::kMetadataBytes));
  CHECK(std::stoll(scalar(db, "SELECT coalesce(max(length(excerpt)), 0) FROM problems")) <=
        static_cast<long long>(aj::kExcerptChars));

  // The HTML report over all of it is written, within its bounds: pages drawn
  // in a child process, at most 12 a document and 6 megapixels an image.
  const std::string html = dir + "/report";
  const auto report = run_with_deadline(dir, {"report", "--db", db, "--format", "html", "--out", html}, 120);
  CHECK(report.code == 0);
  CHECK(fs::exists(html + "/index.html"));
  std::map<std::string, int> images_of;   // document stem → its PNGs
  for (const auto& e : fs::directory_iterator(html + "/files")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".png") continue;
    ++images_of[name.substr(0, name.find("-p"))];
    const std::string head = aj::test::slurp(e.path().string()).substr(0, 24);
    REQUIRE(head.size() == 24);
    auto be32 = [&](size_t at) {
      uint32_t v = 0;
      for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(head[at + i]);
      return v;
    };
    CHECK_MESSAGE(double(be32(16)) * be32(20) <= 6e6, name);   // the IHDR's width × height
  }
  for (const auto& [stem, n] : images_of) CHECK_MESSAGE(n <= 12, stem);
  const std::string blank_sha = scalar(db, "SELECT substr(d.sha256, 1, 16) FROM documents d JOIN files f "
                                           "ON f.document_id = d.id WHERE f.path LIKE '%/blank-2000.pdf'");
  CHECK(images_of[blank_sha] == 12);
  CHECK(aj::test::slurp(html + "/files/" + blank_sha + ".html").find("more pages with problems are not shown") !=
        std::string::npos);

  // The seeds come out as they do alone.
  const std::string seeds_db = dir + "/seeds.sqlite";
  REQUIRE(aj::test::run_aj(dir, {"import", "--db", seeds_db, aj::test::corpus("seeds")}).code == 0);
  const auto seeds_among_all =
      aj::test::run_aj(dir, {"export", "--db", db, "--quiet", "--where", "path LIKE '%/corpus/seeds/%'"});
  const auto seeds_alone = aj::test::run_aj(dir, {"export", "--db", seeds_db, "--quiet"});
  REQUIRE(seeds_alone.code == 0);
  CHECK(seeds_among_all.code == 0);
  CHECK(!seeds_alone.out.empty());
  CHECK(seeds_among_all.out == seeds_alone.out);

  // Reported once: the next run stores nothing and names none of them.
  auto again = run_with_deadline(
      dir, {"import", "--db", db, "--jobs", "2", aj::test::corpus("hostile"), aj::test::corpus("seeds"), special}, 60);
  CHECK(again.code == 0);
  CHECK(again.err.find("fifo.pdf") == std::string::npos);
  CHECK(again.err.find("file_unreadable") == std::string::npos);
  CHECK(scalar(db, "SELECT files_new + files_reparsed FROM import_runs ORDER BY id DESC LIMIT 1") == "0");
}
