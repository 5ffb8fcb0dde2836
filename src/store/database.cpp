// database.cpp — opening for queries, with a clear word when the file is not an archive.
#include "store/database.h"

#include <sqlite3.h>

#include <filesystem>

#include "store/et_functions.h"

namespace aj::store {

std::unique_ptr<Db> open_readonly(const std::string& path, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    *error = "database " + path + " does not exist (ametijuhend import creates it)";
    return nullptr;
  }
  auto db = Db::open(path, SQLITE_OPEN_READONLY, error);
  if (!db) return nullptr;
  if (db->query_int("PRAGMA user_version") == 0) {
    *error = path + " is not an ametijuhend database" + (db->ok() ? " (it has no schema)" : ": " + db->error());
    return nullptr;
  }
  if (std::string why = register_et_functions(db->handle()); !why.empty()) {
    *error = why;
    return nullptr;
  }
  return db;
}

}  // namespace aj::store
