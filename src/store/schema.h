// schema.h — the database schema, compiled into the program, and its
// migration.
//
// The schema is the numbered files schema/NNN_name.sql, applied in order.
// CMake embeds them at build time (schema/embed.cmake), so the binary never
// reads the source tree. A database records the number of the last file
// applied in PRAGMA user_version; migrate() applies all the files above it
// in one transaction together with the new user_version, so a database is
// never left between two versions (nor half-created). A released file is
// never edited: a change is a new file.
//
// The database file is the user's data. Ours carry PRAGMA application_id
// kApplicationId; a file with another id, or with tables and no id, is
// another application's and is refused untouched. (Databases made before
// the id was set have ours at user_version >= 1 and the id 0: they are
// recognised by their tables and given the id on their next migration.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.h"

namespace aj::store {

struct SchemaFile {
  std::string_view name;   // "001_tables.sql"
  std::string_view sql;
};

// The schema files, in order (generated source).
const std::vector<SchemaFile>& embedded_schema();

// The number of the newest schema file.
int schema_version();

// 'AJDB': PRAGMA application_id of every ametijuhend database.
inline constexpr int32_t kApplicationId = 0x414A4442;

// True when `db` is empty (ours to create) or an ametijuhend database; else
// false with *error saying whose it seems to be and that it was left alone.
bool is_ours(Db& db, std::string* error);

// Brings the database up to schema_version(). False with *error when a file
// fails, or when the database is newer than this program.
bool migrate(Db& db, std::string* error);

}  // namespace aj::store
