// import.h — `ametijuhend import`: the files under the given paths, sorted
// out against what the archive already holds, parsed by the workers, and
// written one document per transaction.
//
// For each file, in path order: when its path, size and mtime match the
// stored row and its document is current (same grammars and program version,
// not cut short by a timeout), it is unchanged and is not even read.
// Otherwise its first KiB decides whether it is taken: the %PDF- signature,
// or a .pdf name (a .pdf that is not a PDF is stored as a failed record with
// not_a_pdf, so it is reported once). A taken file is read and hashed
// (SHA-256): content already stored and current only gains the path; new
// or stale content goes to a worker (workers.h). Content seen twice in one
// run is parsed once. --force treats every stored document as stale.
// Without --grammars the run parses with the grammar folder of the
// database's last import (grammar_folder.h).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "extract/pdf.h"
#include "import/skipped.h"
#include "store/archive.h"

namespace aj::importer {

struct ImportOptions {
  std::vector<std::string> paths;
  std::string db_path;
  std::string grammar_dir;   // --grammars; empty: the last run's folder (grammar_folder.h), else the default
  int jobs = 1;
  double timeout_seconds = 60;
  bool force = false;
  extract::OcrOptions ocr;   // --ocr, --ocr-lang; other than the defaults, part of what makes a document current
  int search_batch = 250;   // documents stored between two passes of the search indexer (search_indexer.h)
};

struct ImportResult {
  store::RunCounts counts;
  int64_t failed_documents = 0;   // documents seen in this run that have a failed record, parsed now or before
  int64_t documents_seen = 0;     // distinct documents (contents) at the files seen in this run
  int64_t copies_seen = 0;        // files seen whose content another file seen also has
  int64_t store_errors = 0;       // parsed documents the database refused (each logged)
  std::string first_store_error;  // why the first of them was refused (disk full, I/O error, …)
  int64_t documents_stored = 0;   // documents written in this run (parsed, or standing for an unreadable entry)
  int64_t ocr_pages = 0;          // pages of the documents stored that were read by OCR
  Skipped skipped;                // what was not parsed, and why
  int stopped_by = 0;             // SIGINT or SIGTERM when one stopped the run early; 0 when it ran to the end
};

// Runs an import, logging to `log` (with a progress bar when `terminal`).
// SIGINT or SIGTERM stops it cleanly: no new document is begun, what the
// workers return meanwhile is dropped (parsed again by the next run), what
// was stored stays, and the result says which signal stopped it.
// nullopt with *error when it could not run: grammars unreadable, a path
// missing, the database not writable, and — once the first document needs
// parsing — the lexicon not loadable or no worker process.
std::optional<ImportResult> run_import(const ImportOptions& options, std::ostream& log, bool terminal,
                                       std::string* error);

// The closing summary: counts, pages/s, what was skipped, and the pointer to the failure report.
std::string format_summary(const ImportResult& result, const std::string& db_path);

// "interrupted: N documents stored; run again to continue", for a run a signal stopped.
std::string format_stopped(const ImportResult& result);

}  // namespace aj::importer
