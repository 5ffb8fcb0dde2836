// et_extension.cpp — the entry point of libaj_sqlite_et.so, the loadable
// SQLite extension that gives the stock sqlite3 shell what `ametijuhend sql`
// has (COLLATE et, lower_et, upper_et; see ../et_functions.h):
//   sqlite3 ametijuhendid.sqlite
//   sqlite> .load /path/to/build/libaj_sqlite_et
//   sqlite> SELECT title FROM v_positions ORDER BY title COLLATE et;
// SQLite looks for sqlite3_extension_init first, so no entry name is needed.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "store/et_functions.h"

extern "C" __attribute__((visibility("default"))) int sqlite3_extension_init(sqlite3* db, char** error,
                                                                            const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  const std::string problem = aj::store::register_et_functions(db);
  if (problem.empty()) return SQLITE_OK;
  if (error) *error = sqlite3_mprintf("%s", problem.c_str());
  return SQLITE_ERROR;
}
