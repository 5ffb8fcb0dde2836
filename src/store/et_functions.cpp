// et_functions.cpp — the ICU collator and case maps behind COLLATE et,
// lower_et() and upper_et(). Each connection gets its own ICU objects (they
// are not shared between threads); SQLite destroys them with the connection.
//
// Compiled twice: into the program (SQLITE_CORE: direct sqlite3_* calls) and
// into the loadable extension (AJ_SQLITE_EXTENSION: calls through the
// sqlite3_api table the shell hands to the entry point).
#ifndef AJ_SQLITE_EXTENSION
#define SQLITE_CORE 1
#endif
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <unicode/ucasemap.h>
#include <unicode/ucol.h>

#include <string>

#include "store/et_functions.h"

namespace aj::store {
namespace {

constexpr const char* kLocale = "et";

int compare_et(void* collator, int na, const void* a, int nb, const void* b) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = ucol_strcollUTF8(static_cast<UCollator*>(collator), static_cast<const char*>(a), na,
                                        static_cast<const char*>(b), nb, &status);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

void close_collator(void* collator) { ucol_close(static_cast<UCollator*>(collator)); }
void close_casemap(void* casemap) { ucasemap_close(static_cast<UCaseMap*>(casemap)); }

using CaseFunction = int32_t (*)(const UCaseMap*, char*, int32_t, const char*, int32_t, UErrorCode*);

// Maps the one argument's case with `convert`; NULL stays NULL.
template <CaseFunction convert>
void map_case(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* src = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (!src) return sqlite3_result_null(ctx);
  const int32_t n = sqlite3_value_bytes(argv[0]);
  const auto* casemap = static_cast<const UCaseMap*>(sqlite3_user_data(ctx));
  std::string out(static_cast<size_t>(n) + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = convert(casemap, out.data(), static_cast<int32_t>(out.size()), src, n, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<size_t>(len) + 1);
    status = U_ZERO_ERROR;
    len = convert(casemap, out.data(), static_cast<int32_t>(out.size()), src, n, &status);
  }
  if (U_FAILURE(status)) return sqlite3_result_error(ctx, u_errorName(status), -1);
  sqlite3_result_text(ctx, out.data(), len, SQLITE_TRANSIENT);
}

std::string register_case_function(sqlite3* db, const char* name, void (*fn)(sqlite3_context*, int, sqlite3_value**)) {
  UErrorCode status = U_ZERO_ERROR;
  UCaseMap* casemap = ucasemap_open(kLocale, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) return std::string("ICU case map for 'et': ") + u_errorName(status);
  // On failure SQLite calls close_casemap itself.
  if (sqlite3_create_function_v2(db, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, casemap, fn,
                                 nullptr, nullptr, close_casemap) != SQLITE_OK)
    return std::string("cannot register ") + name + "(): " + sqlite3_errmsg(db);
  return {};
}

}  // namespace

std::string register_et_functions(sqlite3* db) {
  UErrorCode status = U_ZERO_ERROR;
  UCollator* collator = ucol_open(kLocale, &status);
  if (U_FAILURE(status)) return std::string("ICU collator for 'et': ") + u_errorName(status);
  if (sqlite3_create_collation_v2(db, "et", SQLITE_UTF8, collator, compare_et, close_collator) != SQLITE_OK) {
    close_collator(collator);  // not called by SQLite when the registration fails
    return std::string("cannot register collation et: ") + sqlite3_errmsg(db);
  }
  if (auto e = register_case_function(db, "lower_et", map_case<ucasemap_utf8ToLower>); !e.empty()) return e;
  return register_case_function(db, "upper_et", map_case<ucasemap_utf8ToUpper>);
}

}  // namespace aj::store
