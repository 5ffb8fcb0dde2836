// search_indexer.cpp — one bulk pass of the full-text indexes per call, on a
// thread with its own connection (search_indexer.h).
#include "import/search_indexer.h"

#include <sqlite3.h>

#include "store/sqlite.h"

namespace aj::importer {

SearchIndexer::SearchIndexer(std::unique_ptr<store::Db> db) : db_(std::move(db)) {}

SearchIndexer::~SearchIndexer() {
  if (thread_.joinable()) thread_.join();
}

std::unique_ptr<SearchIndexer> SearchIndexer::open(const std::string& db_path, std::string* error) {
  auto db = store::Db::open(db_path, SQLITE_OPEN_READWRITE, error);
  if (!db) return nullptr;
  return std::unique_ptr<SearchIndexer>(new SearchIndexer(std::move(db)));
}

void SearchIndexer::start() {
  if (thread_.joinable()) thread_.join();
  running_.store(true, std::memory_order_release);
  thread_ = std::thread([this] {
    pass();
    running_.store(false, std::memory_order_release);
  });
}

bool SearchIndexer::wait(std::string* error) {
  if (thread_.joinable()) thread_.join();
  if (error_.empty()) return true;
  *error = std::move(error_);
  error_.clear();
  return false;
}

void SearchIndexer::pass() {
  store::Db& db = *db_;
  db.exec(
      "BEGIN IMMEDIATE;"
      "INSERT INTO search_words(rowid, text) SELECT s.id, s.text FROM search_pending p JOIN search_text s USING (id);"
      "INSERT INTO search_trigram(rowid, text) SELECT s.id, s.text FROM search_pending p JOIN search_text s USING (id);"
      "DELETE FROM search_pending;"
      "COMMIT");
  if (db.ok()) return;
  error_ = "cannot update the full-text indexes: " + db.error();
  db.clear_error();
  db.exec("ROLLBACK");
  db.clear_error();
}

}  // namespace aj::importer
