// sqlite.cpp — Db and Stmt over sqlite3_*; every failure goes to Db::fail().
#include "store/sqlite.h"

#include <sqlite3.h>

namespace aj::store {

std::unique_ptr<Db> Db::open(const std::string& path, int flags, std::string* error, std::string name) {
  if (name.empty()) name = path;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    *error = "cannot open database " + name + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    sqlite3_close_v2(raw);
    return nullptr;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 10000);
  return std::unique_ptr<Db>(new Db(raw, std::move(name)));
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

void Db::fail_from_sqlite(std::string_view what) {
  const std::string sqlite = sqlite3_errmsg(db_);
  switch (sqlite3_extended_errcode(db_) & 0xff) {
    case SQLITE_CORRUPT:
      return fail("the database " + path_ + " is damaged (SQLite: " + sqlite + "); check it with: sqlite3 " + path_ +
                  " 'PRAGMA integrity_check', or import into a new file");
    case SQLITE_NOTADB: return fail(path_ + " is not a SQLite database (SQLite: " + sqlite + ")");
    case SQLITE_FULL: return fail("the disk holding " + path_ + " is full (SQLite: " + sqlite + ")");
    case SQLITE_IOERR: return fail("an I/O error on " + path_ + " (SQLite: " + sqlite + ")");
    default: return fail(what.empty() ? sqlite : std::string(what) + ": " + sqlite);
  }
}

bool Db::exec(std::string_view sql) {
  if (!ok()) return false;
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);   // the same text as sqlite3_errmsg
    fail_from_sqlite("");
  }
  return ok();
}

Stmt Db::prepare(std::string_view sql, std::string_view* rest) {
  sqlite3_stmt* stmt = nullptr;
  const char* tail = sql.data() + sql.size();
  if (ok() && sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                 &tail) != SQLITE_OK)
    fail_from_sqlite("cannot prepare «" + std::string(sql.substr(0, 80)) + "»");
  if (rest) *rest = std::string_view(tail, static_cast<size_t>(sql.data() + sql.size() - tail));
  return Stmt(this, stmt);
}

int64_t Db::query_int(std::string_view sql) {
  Stmt s = prepare(sql);
  return s.step() ? s.int64(0) : 0;
}

int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

Stmt::Stmt(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}
Stmt::~Stmt() { sqlite3_finalize(stmt_); }

bool Stmt::ok() const { return stmt_ && db_->ok(); }

void Stmt::bind(int i, std::nullptr_t) {
  if (ok()) sqlite3_bind_null(stmt_, i);
}
void Stmt::bind(int i, int64_t v) {
  if (ok()) sqlite3_bind_int64(stmt_, i, v);
}
void Stmt::bind(int i, double v) {
  if (ok()) sqlite3_bind_double(stmt_, i, v);
}
void Stmt::bind(int i, std::string_view v) {
  if (ok()) sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

bool Stmt::step() {
  if (!ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) db_->fail_from_sqlite(std::string("«") + sqlite3_sql(stmt_) + "»");
  return false;
}

void Stmt::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Stmt::columns() const { return sqlite3_column_count(stmt_); }
std::string Stmt::column_name(int col) const { return sqlite3_column_name(stmt_, col); }
int Stmt::column_type(int col) const { return sqlite3_column_type(stmt_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Stmt::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}

std::optional<std::string> Stmt::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::optional<int> Stmt::opt_int(int col) const {
  if (is_null(col)) return std::nullopt;
  return sqlite3_column_int(stmt_, col);
}

bool Stmt::readonly() const { return sqlite3_stmt_readonly(stmt_) != 0; }

}  // namespace aj::store
