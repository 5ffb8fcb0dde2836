// runs.cpp — one read-only look at import_runs, before the import opens
// the database for writing.
#include "store/runs.h"

#include "store/database.h"

namespace aj::store {

std::optional<LastRun> last_import_run(const std::string& db_path) {
  std::string ignored;   // a database that cannot be read remembers nothing
  auto db = open_readonly(db_path, &ignored);
  if (!db) return std::nullopt;
  Stmt q = db->prepare("SELECT grammar_dir, grammar_fingerprint FROM import_runs ORDER BY id DESC LIMIT 1");
  if (!q.step()) return std::nullopt;
  return LastRun{q.text(0), q.text(1)};
}

}  // namespace aj::store
