// report.h — the failure report: what went wrong in an archive, read from
// the database (read-only) into one in-memory model that the text, JSON and
// HTML writers (report/format.h, report/html.h) each lay out.
//
// The unit a reader acts on is a file, so the model is per document (one
// content; `paths` lists where it was found, the first one names it) with
// all its records' problems. Documents are ranked worst first: failed before
// partial before ok, then by errors, warnings and infos, then by path. The
// same code and message in several documents (an archive of encrypted PDFs,
// a grammar that misses one label everywhere) is gathered into a Repeat, so
// the text report says it once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/problem.h"
#include "report/org_chart.h"
#include "store/sqlite.h"

namespace aj::report {

struct StatusCounts {
  int64_t ok = 0, partial = 0, failed = 0;
  int64_t total() const { return ok + partial + failed; }
};

// One problem as stored (problems table), with the record it belongs to.
struct ProblemRow {
  int64_t record_id = 0;           // 0: a problem of the directive itself, not of one of its records
  int record_index = 1;            // source.index of the record within its PDF; 0 for the directive
  int position = 0;                // order within the record
  std::string code, severity;      // as stored: a newer program's code stays printable
  int page = 0;                    // 1-based; 0 when not tied to a page
  std::string message, excerpt;
  std::optional<Box> box;          // PDF points, origin top-left
};

// One field of a record as the HTML report lists it (the registry's
// labelled fields, core/fields.h): a value, or the length of a list.
struct FieldValue {
  const fields::Field* field = nullptr;   // its label names it
  std::optional<std::string> text;   // a value's text ("yes" for a true flag); nullopt when the record has none
  std::optional<int64_t> count;      // a list's number of entries (then `text` is nullopt)
  std::string detail;                // more about it: "(12 results)" beside the tasks
};

// What a record's fields came to: enough to judge a parse at a glance.
struct RecordRow {
  int64_t id = 0;
  int index = 1;
  std::string record_key;            // records.record_key: what `show` takes, kept across re-parses
  std::string status, grammar;
  std::optional<std::string> title, structural_unit, direct_manager, appendix;
  int page_first = 0, page_last = 0;
  int64_t tasks = 0, results = 0;
  std::optional<double> coverage;    // NULL for records stored before it was computed
  std::vector<FieldValue> fields;    // in registry order

  // True when no field holds a value or an entry.
  bool nothing_extracted() const;
};

// Where the PDF is now, for the HTML report's page images.
struct FileState {
  std::string path;                // the first stored path that exists, else the first stored path
  bool exists = false;
  bool changed = false;            // exists, but its size or mtime differ from the import's
};

struct DocumentEntry {
  int64_t document_id = 0;
  std::string sha256;
  std::vector<std::string> paths;  // sorted; paths.front() names the document
  int64_t size = 0;
  int pages = 0;
  std::optional<std::string> pdf_title;   // the PDF's Info Title
  std::string status;              // the worst of its records' statuses
  std::vector<RecordRow> records;  // in source.index order
  std::vector<ProblemRow> problems;   // in record, then position order
  int64_t errors = 0, warnings = 0, infos = 0;
  FileState file;

  const std::string& path() const { return paths.front(); }
};

struct CodeCount {
  std::string code, severity, meaning;
  int64_t problems = 0, documents = 0;
};

// The same code and message in `documents.size()` documents.
struct Repeat {
  std::string code, severity, message;
  int64_t problems = 0;
  std::vector<int64_t> documents;  // document ids, worst first
};

struct Report {
  std::string database;
  std::optional<std::string> last_import;   // finished_at (or started_at) of the newest import run
  StatusCounts files, documents, records;   // files: by path; a document counts its worst record
  int64_t problems = 0, errors = 0, warnings = 0, infos = 0;
  std::vector<CodeCount> codes;             // codes that occur: errors first, then by count
  std::vector<Repeat> repeats;              // in at least Options::repeat_min documents, most first
  std::vector<DocumentEntry> documents_with_problems;   // worst first
  OrgChart org;                             // the org chart (org_chart.h)
  std::string org_error;                    // why there is none, when it could not be read

  const DocumentEntry* find(int64_t document_id) const;
};

struct Options {
  int repeat_min = 3;   // a code and message in this many documents is a Repeat
};

// Reads the report from an open database (store::open_readonly). nullopt
// with *error when a query fails (a database from an older schema, say).
std::optional<Report> load(store::Db& db, const std::string& database_path, const Options& options,
                           std::string* error);

// True when the Repeat holds this problem of that document.
bool is_repeated(const Repeat& r, const ProblemRow& p);

// Order of statuses, worst first: failed 0, partial 1, ok 2 (unknown: 0).
int status_rank(const std::string& status);

// Cuts `s` to at most `max` code points on one line (line breaks become
// spaces), ending in "…" when cut.
std::string clip(const std::string& s, size_t max);

}  // namespace aj::report
