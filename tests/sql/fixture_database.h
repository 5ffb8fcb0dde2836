// fixture_database.h — the database the SQL fixtures (tests/sql/*.test) run
// against, built from fixed records rather than from parsing PDFs, so that a
// change to a recogniser cannot move an SQL test's expected rows.
//
// tests/sql/records/*.json hold one parsed document each, in the shape the
// import's workers hand to the store:
//
//   { "sha256": "…", "size": N,
//     "info": { "pages", "encrypted", "producer", "creator", "title", "created" },
//     "paths": [ { "path": "/archive/…", "size": N, "mtime_ns": N }, … ],
//     "seconds": S,                       (optional, the parse time; 0 when absent)
//     "records": [ <record in the full JSON shape: to_full_json()>, … ],
//     "directive": { <to_json(Directive)> } }   (optional)
//
// They are written through store::Archive (the import's own write path:
// begin_run, write_document per file in name order, finish_run) and the
// full-text indexes are brought up to date by importer::SearchIndexer, as at
// the end of an import. No grammar, no pipeline.
#pragma once

#include <string>

namespace aj::sqllogic {

// Creates the database at `db_path` (which must not exist) from every
// records/*.json under `records_dir`; "" on success, else what went wrong
// and in which file.
std::string build_fixture_database(const std::string& records_dir, const std::string& db_path);

}  // namespace aj::sqllogic
