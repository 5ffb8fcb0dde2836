// runs.h — what the database remembers of its import runs (import_runs):
// the grammar folder and fingerprint the last run used, so that the next
// import without --grammars parses with the same grammars instead of
// silently re-parsing the archive with the default ones.
#pragma once

#include <optional>
#include <string>

namespace aj::store {

struct LastRun {
  std::string grammar_dir;           // as the run recorded it
  std::string grammar_fingerprint;
};

// The last import run recorded in the database at `db_path`, finished or
// interrupted; nullopt when the file is missing, holds no ametijuhend
// schema, or has no run yet (the import that follows says which of these
// stops it, if any).
std::optional<LastRun> last_import_run(const std::string& db_path);

}  // namespace aj::store
