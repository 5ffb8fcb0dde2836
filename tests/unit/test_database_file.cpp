// test_database_file.cpp — the database file is the user's data, through the
// real binary: another application's SQLite file is refused and left byte
// for byte as it was; a database of an older version (no application_id) is
// recognised and migrated; a read-only file system is read; a full disk ends
// the import with exit 1 saying how many documents were not stored and why;
// a damaged file or a file that is not SQLite is named as such, without SQL.
//
// The read-only and full-disk cases mount a tmpfs in a private mount
// namespace (`unshare -rm`: an unprivileged user namespace, or root), so
// nothing of the machine's is touched and the mounts vanish with the shell.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "test_store_support.h"

namespace {

using aj::test::run_aj;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void sqlite_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO(sql << ": " << (message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// `script` in sh inside a private mount namespace, AJ is the binary.
aj::test::Ran in_mount_namespace(const std::string& dir, const std::string& script) {
  const std::string out = dir + "/ns-out.txt", err = dir + "/ns-err.txt";
  aj::test::Ran r;
  r.code = aj::test::wait_exit(aj::test::spawn(
      {"/usr/bin/unshare", "-rm", "/bin/sh", "-c", "AJ='" + std::string(AJ_BINARY) + "'; " + script}, out, err));
  r.out = aj::test::slurp(out);
  r.err = aj::test::slurp(err);
  return r;
}

}  // namespace

TEST_CASE("database file: another application's SQLite file is refused and left untouched") {
  auto dir = aj::test::temp_dir("dbfile-foreign");
  // One with a table of the same name as ours and a schema version of its own
  // (what used to be half-migrated), one with an application_id of its own.
  const std::string same_names = dir + "/theirs.sqlite", other_id = dir + "/other.sqlite";
  sqlite_exec(same_names, "CREATE TABLE records(x); INSERT INTO records VALUES (1); PRAGMA user_version = 3");
  sqlite_exec(other_id, "CREATE TABLE t(y); PRAGMA application_id = 1234");
  for (const auto& db : {same_names, other_id}) {
    const std::string before = aj::test::slurp(db);
    auto r = run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")});
    CHECK(r.code == 1);
    CHECK(has(r.err, "another application"));
    CHECK(has(r.err, "left untouched"));
    CHECK(aj::test::slurp(db) == before);
    CHECK(!std::filesystem::exists(db + "-wal"));
    r = run_aj(dir, {"sql", "--db", db, "SELECT 1"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "another application"));
  }
}

TEST_CASE("database file: a database made before the application_id is still ours and gets it") {
  auto dir = aj::test::temp_dir("dbfile-older");
  const std::string db = dir + "/a.sqlite";
  REQUIRE(run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")}).code == 0);
  CHECK(aj::test::scalar(db, "PRAGMA application_id") == std::to_string(0x414A4442));
  sqlite_exec(db, "PRAGMA application_id = 0");
  auto r = run_aj(dir, {"sql", "--db", db, "SELECT count(*) FROM records"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "10"));
  CHECK(run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")}).code == 0);
  CHECK(aj::test::scalar(db, "PRAGMA application_id") == std::to_string(0x414A4442));
}

TEST_CASE("database file: a read-only file system is read by sql, show, report and export --db") {
  auto dir = aj::test::temp_dir("dbfile-readonly");
  const std::string db = dir + "/a.sqlite";
  REQUIRE(run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")}).code == 0);
  auto r = in_mount_namespace(
      dir, "set -e; mkdir -p '" + dir + "/ro'; mount -t tmpfs none '" + dir + "/ro'; cp '" + db + "' '" + dir +
               "/ro/'; mount -o remount,ro '" + dir + "/ro'; D='" + dir +
               "/ro/a.sqlite'; \"$AJ\" sql --db \"$D\" 'SELECT count(*) AS n FROM records'; "
               "\"$AJ\" report --db \"$D\" > /dev/null; \"$AJ\" export --db \"$D\" --format jsonl | wc -l; "
               "touch \"$D-probe\" 2>/dev/null && echo WRITABLE || true");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "10"));
  CHECK(!has(r.out, "WRITABLE"));   // the mount really was read-only
  CHECK(!has(r.err, "unable to open"));
}

TEST_CASE("database file: a full disk ends the import with exit 1, how many were not stored and why") {
  auto dir = aj::test::temp_dir("dbfile-full");
  // Room for the schema and a few documents, not for the corpus.
  auto r = in_mount_namespace(dir, "mkdir -p '" + dir + "/small'; mount -t tmpfs -o size=700k none '" + dir +
                                       "/small' || exit 99; \"$AJ\" import --db '" + dir + "/small/a.sqlite' '" +
                                       aj::test::corpus("seeds") + "' '" + aj::test::corpus("real") + "' '" +
                                       aj::test::corpus("other") + "'");
  INFO(r.out << r.err);
  REQUIRE(r.code != 99);
  CHECK(r.code == 1);
  CHECK(has(r.out + r.err, "could not be stored"));
  CHECK(has(r.out + r.err, "is full"));
}

TEST_CASE("database file: a damaged file and a file that is not SQLite are named as such, without SQL") {
  auto dir = aj::test::temp_dir("dbfile-damaged");
  const std::string db = dir + "/a.sqlite";
  REQUIRE(run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")}).code == 0);
  {
    // Garbage over every page but the first (the header stays, so SQLite
    // opens it and meets the damage in the tables).
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    const std::string junk(std::filesystem::file_size(db) - 4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto r = run_aj(dir, {"sql", "--db", db, "SELECT count(*) FROM records"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "is damaged"));
  CHECK(has(r.err, "PRAGMA integrity_check"));
  CHECK(!has(r.err, "SELECT"));
  r = run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")});
  CHECK(r.code == 1);
  CHECK(!has(r.err, "«"));

  const std::string text = dir + "/notes.sqlite";
  std::ofstream(text) << "these are notes, not a database\n";
  r = run_aj(dir, {"sql", "--db", text, "SELECT 1"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "not a SQLite database"));
}
