// schema.cpp — applying the embedded schema files above PRAGMA user_version.
#include "store/schema.h"

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
  for (const auto& file : embedded_schema()) {
    const int number = file_number(file.name);
    if (number <= have) continue;
    db.exec("BEGIN IMMEDIATE");
    // Another import may have applied it while this one waited for the lock.
    if (db.query_int("PRAGMA user_version") >= number) {
      db.exec("COMMIT");
      continue;
    }
    db.exec(file.sql);
    db.exec("PRAGMA user_version = " + std::to_string(number));
    db.exec("COMMIT");
    if (!db.ok()) {
      *error = "cannot apply schema file " + std::string(file.name) + ": " + db.error();
      db.clear_error();
      db.exec("ROLLBACK");
      db.clear_error();
      return false;
    }
  }
  return true;
}

}  // namespace aj::store
