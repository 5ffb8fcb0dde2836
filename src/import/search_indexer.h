// search_indexer.h — the full-text indexes brought up to date on a thread of
// their own, while the import goes on.
//
// New search texts wait in search_pending and are indexed in bulk
// (schema/002_search.sql says why). A pass over a few hundred documents
// takes a quarter of a second or more; run by the import loop itself, it
// left every worker without a next document meanwhile, about an eighth of
// a two-core import. The indexer runs the pass on its own connection and
// thread, and the import loop keeps feeding the workers.
//
// Invariant (the caller's): nothing else writes to the database while a
// pass runs. SQLite has one writer at a time, and a write that waited for
// the lock would stall the import loop just the same; the importer holds
// its writes back until running() is false.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace aj::store { class Db; }

namespace aj::importer {

class SearchIndexer {
 public:
  // Opens a second connection to the (already migrated) database.
  static std::unique_ptr<SearchIndexer> open(const std::string& db_path, std::string* error);
  ~SearchIndexer();   // waits for a running pass
  SearchIndexer(const SearchIndexer&) = delete;
  SearchIndexer& operator=(const SearchIndexer&) = delete;

  // Starts a pass over every pending text, in one transaction. Requires
  // !running(); the outcome of the previous pass must have been taken (wait).
  void start();
  bool running() const { return running_.load(std::memory_order_acquire); }
  // Waits for the pass started last, if any; false with *error when it
  // failed (its texts stay pending for the next pass).
  bool wait(std::string* error);

 private:
  explicit SearchIndexer(std::unique_ptr<store::Db> db);
  void pass();

  std::unique_ptr<store::Db> db_;      // used only by the pass's thread while it runs
  std::thread thread_;
  std::atomic<bool> running_{false};
  std::string error_;           // the last pass's failure, read after join
};

}  // namespace aj::importer
