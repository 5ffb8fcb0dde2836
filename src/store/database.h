// database.h — the database as the query commands (sql, show, export --db)
// open it: read-only, so nothing they run can change the archive, with the
// Estonian functions (COLLATE et, lower_et, upper_et) registered.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite.h"

namespace aj::store {

// Where import writes and the query commands read when --db is not given.
inline constexpr const char* kDefaultDatabase = "ametijuhendid.sqlite";

// nullptr with *error when the file is missing, unreadable, or holds no
// ametijuhend schema.
std::unique_ptr<Db> open_readonly(const std::string& path, std::string* error);

}  // namespace aj::store
