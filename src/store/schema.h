// schema.h — the database schema, compiled into the program, and its
// migration.
//
// The schema is the numbered files schema/NNN_name.sql, applied in order.
// CMake embeds them at build time (schema/embed.cmake), so the binary never
// reads the source tree. A database records the number of the last file
// applied in PRAGMA user_version; migrate() applies the files above it, each
// in its own transaction together with the new user_version, so a database
// is never left between two versions. A released file is never edited: a
// change is a new file.
#pragma once

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

// Brings the database up to schema_version(). False with *error when a file
// fails, or when the database is newer than this program.
bool migrate(Db& db, std::string* error);

}  // namespace aj::store
