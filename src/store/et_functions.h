// et_functions.h — Estonian-aware SQL functions for a connection:
//   COLLATE et     ICU's Estonian collation (š after s, ž after z, õ ä ö ü
//                  after w), e.g. ORDER BY title COLLATE et;
//   lower_et(x)    Unicode lowercase in the Estonian locale;
//   upper_et(x)    Unicode uppercase (SQLite's lower()/upper()/LIKE fold ASCII only).
// The one registration used by both the program (`ametijuhend sql`) and the
// loadable extension libaj_sqlite_et.so (`.load` in the sqlite3 shell); the
// same source is compiled into each (extension/et_extension.cpp).
#pragma once

#include <string>

struct sqlite3;

namespace aj::store {

// Registers the collation and functions on `db`; "" on success, else why not.
std::string register_et_functions(sqlite3* db);

}  // namespace aj::store
