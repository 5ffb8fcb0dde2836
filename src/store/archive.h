// archive.h — the database as the importer writes it.
//
// Open it once per import run: it sets WAL with synchronous=NORMAL (readers
// work while it writes; a crash loses at most the last transactions, never
// consistency), turns foreign keys on, migrates the schema and refreshes
// problem_codes. Each document is written in one transaction, so an
// interrupted import keeps every finished document. Paths are keys: a
// document (content, by SHA-256) may sit at several paths; when a path's
// content changes, the path moves to the new document and a document left
// without paths is deleted with its records.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/directive.h"
#include "core/fields.h"
#include "core/record.h"
#include "core/doc_info.h"
#include "normalize/base_form.h"
#include "store/sqlite.h"

namespace aj::store {

// A file as found on disk.
struct FileStat {
  std::string path;   // absolute
  int64_t size = 0;
  int64_t mtime_ns = 0;
};

// What the archive holds for a path.
struct StoredFile {
  int64_t size = 0, mtime_ns = 0;
  std::string sha256;   // its document's content key
};

// What the archive holds for a document (by SHA-256).
struct StoredDocument {
  bool current = false;   // parsed with these grammars by this program version, not cut short by a timeout
  bool failed = false;    // some record has status failed
};

// One parsed document, ready to store.
struct ParsedDocument {
  std::string sha256;
  int64_t size = 0;
  DocInfo info;
  std::vector<Record> records;
  double seconds = 0;             // parse wall time
  std::vector<FileStat> paths;    // every path this content was found at in the run
  std::optional<Directive> directive;   // when the PDF is a directive approving its appendices
};

struct RunStart {
  std::string grammar_dir, grammar_fingerprint;
  std::vector<std::string> arguments;
  int jobs = 1;
  bool forced = false;
};

// What `prune` removed (or, dry, would remove).
struct Pruned {
  std::vector<std::string> paths;   // path_text form, sorted
  int64_t documents = 0, records = 0;   // left with no path, so removed with their records
};

struct RunCounts {
  int64_t files_seen = 0, files_new = 0, files_reparsed = 0, files_same_content = 0, files_unchanged = 0,
          files_unreadable = 0;
  int64_t records_ok = 0, records_partial = 0, records_failed = 0, pages = 0;
  double seconds = 0;
};

class Archive {
 public:
  // Opens (creating if needed) for writing; nullptr and *error when the file
  // cannot be opened or written, or the schema cannot be applied.
  static std::unique_ptr<Archive> open(const std::string& path, std::string* error);
  ~Archive();

  // The state the import plans against, read once at the start.
  std::unordered_map<std::string, StoredFile> stored_files();
  std::unordered_map<std::string, StoredDocument> stored_documents(const std::string& grammar_fingerprint);

  // The base forms of position names the writer stores (store/org_columns.h);
  // without them a base form is the name in lower case. Not owned.
  void use_base_forms(const normalize::BaseForms* base_forms) { base_forms_ = base_forms; }

  bool begin_run(const RunStart& run, std::string* error);
  bool finish_run(const RunCounts& counts, std::string* error);

  // files.present after a complete walk: 1 for each stored path in `seen`
  // (path_text form), 0 for each other stored path under one of `folders`
  // (the walk covered it and did not find it). Paths outside the folders
  // are left as they are: another import's files are not gone.
  bool mark_presence(const std::vector<std::string>& folders, const std::vector<std::string>& seen,
                     std::string* error);

  // Replaces the document's records (or adds the document) and points its paths at it.
  bool write_document(const ParsedDocument& doc, const std::string& grammar_fingerprint, std::string* error);
  // Removes the paths an import walk found gone (files.present = 0) that are
  // still missing now, and the documents left with no path, with their
  // records. `dry_run` says what it would remove and changes nothing.
  std::optional<Pruned> prune(bool dry_run, std::string* error);

  // Points a path at content already stored (a copy, or a touched file).
  bool link_path(const FileStat& file, const std::string& sha256, std::string* error);

 private:
  explicit Archive(std::unique_ptr<Db> db);
  struct Statements;
  void link(const FileStat& file, int64_t document_id);   // and drops the document the path leaves, if orphaned
  void insert_record(const Record& r, int64_t document_id, const std::string& grammar_fingerprint);
  void insert_tables(fields::Shape shape, const Record& r, int64_t record_id);
  void insert_directive(const Directive& d, int64_t document_id);
  bool commit_or_rollback(const std::string& what, std::string* error);

  std::unique_ptr<Db> db_;
  std::unique_ptr<Statements> st_;
  int64_t run_id_ = 0;
  const normalize::BaseForms* base_forms_ = nullptr;
};

}  // namespace aj::store
