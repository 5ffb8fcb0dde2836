// database.cpp — opening for queries, with a clear word when the file is not an archive.
#include "store/database.h"

#include <sqlite3.h>
#include <sys/statvfs.h>

#include <cstdio>
#include <filesystem>

#include "store/et_functions.h"
#include "store/schema.h"

namespace aj::store {
namespace {

// On a read-only file system SQLite cannot create the -shm file a WAL
// database needs even to be read, and says "unable to open database file".
// There the file cannot change under us, so it is opened immutable (no
// locks, no -shm). An import closes its database with a checkpoint, so the
// main file holds everything it wrote.
bool on_readonly_file_system(const std::string& path) {
  struct statvfs fs {};
  return statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
}

// "file:" URI of a path: '%', '?' and '#' would end or escape the path.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

std::unique_ptr<Db> open_readonly(const std::string& path, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    *error = "database " + path + " does not exist (ametijuhend import creates it)";
    return nullptr;
  }
  auto db = on_readonly_file_system(path) ? Db::open(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error, path)
                                          : Db::open(path, SQLITE_OPEN_READONLY, error);
  if (!db) return nullptr;
  const int64_t version = db->query_int("PRAGMA user_version");
  if (!db->ok()) {
    *error = db->error();
    return nullptr;
  }
  if (!is_ours(*db, error)) return nullptr;
  if (version == 0) {
    *error = path + " is not an ametijuhend database (it has no schema; ametijuhend import creates one)";
    return nullptr;
  }
  if (std::string why = register_et_functions(db->handle()); !why.empty()) {
    *error = why;
    return nullptr;
  }
  return db;
}

}  // namespace aj::store
