// test_store_support.h — what the store tests share: running the real
// binary (AJ_BINARY) in the foreground or background, reading a database
// through plain SQL (the sqlite3 C API, read-only), and making archives of
// distinct PDFs from the seeds.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_paths.h"

namespace aj::test {

namespace fs = std::filesystem;

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Starts argv[0] with argv, stdout and stderr into the given files.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

// Starts AJ_BINARY with `args`, stdout and stderr into the given files.
inline pid_t spawn_aj(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  std::vector<std::string> argv{AJ_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn(argv, out, err);
}

struct Ran {
  int code = -1;          // exit status; 128 + signal when killed
  std::string out, err;
  double seconds = 0;
};

inline int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs AJ_BINARY to the end; its output files go to `dir`.
inline Ran run_aj(const std::string& dir, const std::vector<std::string>& args) {
  const auto start = std::chrono::steady_clock::now();
  const std::string out = dir + "/stdout.txt", err = dir + "/stderr.txt";
  Ran r;
  r.code = wait_exit(spawn_aj(args, out, err));
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

using Rows = std::vector<std::vector<std::string>>;

// Every row of `sql` on a read-only connection; NULL reads "NULL". A failing
// query yields one row {"ERROR", message}.
inline Rows query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  Rows rows;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    rows.push_back({"ERROR", sqlite3_errmsg(db)});
    sqlite3_close(db);
    return rows;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) break;
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = sqlite3_column_text(stmt, c);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) rows = {{"ERROR", sqlite3_errmsg(db)}};
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// The one value of a one-row, one-column query ("" when there is no row).
inline std::string scalar(const std::string& db_path, const std::string& sql) {
  Rows rows = query(db_path, sql);
  return rows.empty() || rows[0].empty() ? std::string() : rows[0].back();
}

// True when both full-text indexes agree with search_text (FTS5's
// integrity-check, run by the stock shell: it needs a writable connection)
// and nothing waits to be indexed.
inline bool search_index_intact(const std::string& db_path) {
  const std::string cmd = "sqlite3 '" + db_path +
                          "' \"INSERT INTO search_words(search_words) VALUES ('integrity-check');"
                          " INSERT INTO search_trigram(search_trigram) VALUES ('integrity-check')\"";
  return std::system(cmd.c_str()) == 0 && scalar(db_path, "SELECT count(*) FROM search_pending") == "0";
}

// `n` PDFs with distinct bytes under `dir`: the seeds in turn, each with a
// comment after %%EOF (PDF readers ignore it), so their hashes differ.
inline void distinct_copies(const std::string& dir, int n) {
  fs::create_directories(dir);
  const auto seeds = seed_pdfs();
  for (int i = 0; i < n; ++i) {
    const std::string copy = dir + "/copy-" + std::to_string(i) + ".pdf";
    fs::copy_file(seeds[static_cast<size_t>(i) % seeds.size()], copy, fs::copy_options::overwrite_existing);
    std::ofstream(copy, std::ios::app) << "\n%copy " << i << "\n";
  }
}

}  // namespace aj::test
