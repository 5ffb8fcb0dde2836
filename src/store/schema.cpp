// schema.cpp — applying the embedded schema files above PRAGMA user_version.
#include "store/schema.h"

#include <algorithm>
#include <charconv>

namespace aj::store {
namespace {

// "001_tables.sql" → 1.
int file_number(std::string_view name) {
  int n = 0;
  std::from_chars(name.data(), name.data() + name.size(), n);
  return n;
}

}  // namespace

bool is_ours(Db& db, std::string* error) {
  const int64_t id = db.query_int("PRAGMA application_id");
  const int64_t version = db.query_int("PRAGMA user_version");
  std::vector<std::string> tables;
  for (Stmt s = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); s.step();)
    tables.push_back(s.text(0));
  if (!db.ok()) {
    *error = db.error();
    return false;
  }
  if (id == kApplicationId) return true;
  const auto has = [&](const char* t) { return std::find(tables.begin(), tables.end(), t) != tables.end(); };
  if (id == 0 && tables.empty() && version == 0) return true;                               // new
  if (id == 0 && version >= 1 && has("documents") && has("import_runs") && has("records")) return true;  // older ours
  std::string listed;
  for (size_t i = 0; i < tables.size() && i < 5; ++i) listed += (i ? ", " : "") + tables[i];
  if (tables.size() > 5) listed += ", …";
  *error = db.path() + " is a SQLite database of another application (" +
           (id ? "application_id " + std::to_string(id) : "no application_id") +
           (tables.empty() ? std::string() : "; tables " + listed) +
           "), not an ametijuhend database; it was left untouched: give --db a new file";
  return false;
}

int schema_version() { return file_number(embedded_schema().back().name); }

bool migrate(Db& db, std::string* error) {
  const int have = static_cast<int>(db.query_int("PRAGMA user_version"));
  if (!db.ok()) {
    *error = "cannot read the schema version: " + db.error();
    return false;
  }
  if (have > schema_version()) {
    *error = "the database has schema version " + std::to_string(have) + ", newer than this program's " +
             std::to_string(schema_version()) + "; use a newer ametijuhend";
    return false;
  }
  if (have == schema_version() && db.query_int("PRAGMA application_id") == kApplicationId) return true;
  db.exec("BEGIN IMMEDIATE");
  // Another import may have migrated it while this one waited for the lock.
  const int now = static_cast<int>(db.query_int("PRAGMA user_version"));
  std::string failed_file;
  for (const auto& file : embedded_schema()) {
    const int number = file_number(file.name);
    if (number <= now || !db.ok()) continue;
    if (!db.exec(file.sql)) failed_file = file.name;
    db.exec("PRAGMA user_version = " + std::to_string(number));
  }
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  db.exec("COMMIT");
  if (!db.ok()) {
    *error = (failed_file.empty() ? "cannot update the schema" : "cannot apply schema file " + failed_file) + ": " +
             db.error() + " (the database is unchanged)";
    db.clear_error();
    db.exec("ROLLBACK");
    db.clear_error();
    return false;
  }
  return true;
}

}  // namespace aj::store
