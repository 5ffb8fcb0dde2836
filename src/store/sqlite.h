// sqlite.h — a thin RAII layer over the SQLite C API, with a sticky error.
//
// Db owns a connection, Stmt a prepared statement. Nothing throws: the first
// failure of any call is kept in the Db (ok(), error()), later calls on a
// failed Db do nothing, and the caller checks once per unit of work (one
// document's transaction), as with an iostream's failbit. clear_error()
// re-arms the Db after the caller has handled a failure (rolled back).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace aj::store {

class Db;

class Stmt {
 public:
  Stmt() = default;
  Stmt(Db* db, sqlite3_stmt* stmt);
  Stmt(Stmt&&) noexcept;
  Stmt& operator=(Stmt&&) noexcept;
  ~Stmt();

  // Binds by 1-based index; text is copied.
  void bind(int i, std::nullptr_t);
  void bind(int i, int64_t v);
  void bind(int i, int v) { bind(i, int64_t{v}); }
  void bind(int i, bool v) { bind(i, int64_t{v ? 1 : 0}); }
  void bind(int i, double v);
  void bind(int i, std::string_view v);
  void bind(int i, const std::string& v) { bind(i, std::string_view(v)); }
  void bind(int i, const char* v) { bind(i, std::string_view(v)); }
  template <class T>
  void bind(int i, const std::optional<T>& v) {
    if (v) bind(i, *v);
    else bind(i, nullptr);
  }

  // True while a row is there to read; false when done or failed (see Db::ok()).
  bool step();
  // Resets, binds the arguments in order, and steps to the end.
  template <class... Args>
  bool run(const Args&... args) {
    reset();
    int i = 0;
    (bind(++i, args), ...);
    while (step()) {
    }
    return ok();
  }
  void reset();
  bool ok() const;

  int columns() const;
  std::string column_name(int col) const;
  int column_type(int col) const;   // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
  bool is_null(int col) const;
  int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::optional<int> opt_int(int col) const;
  bool readonly() const;

 private:
  Db* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  // `flags` are sqlite3_open_v2's (SQLITE_OPEN_READONLY, or READWRITE|CREATE).
  // `name` is the file as messages show it, when `path` is a URI.
  static std::unique_ptr<Db> open(const std::string& path, int flags, std::string* error, std::string name = {});
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }
  bool exec(std::string_view sql);   // one or more statements without results
  // Compiles the first statement of `sql`; *rest (when given) gets the text after it.
  Stmt prepare(std::string_view sql, std::string_view* rest = nullptr);
  // One value from a query that yields one row (0 / "" when it yields none).
  int64_t query_int(std::string_view sql);
  int64_t last_insert_rowid() const;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void fail(std::string message);       // keeps the first failure only
  void clear_error() { error_.clear(); }
  // "what: sqlite's message"; but a damaged or foreign file, a full disk or
  // an I/O error is named as such, with the file and no SQL (what a user
  // can act on), whatever statement met it.
  void fail_from_sqlite(std::string_view what);
  const std::string& path() const { return path_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::string error_;
};

}  // namespace aj::store
