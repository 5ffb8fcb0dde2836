// import_command.cpp — `ametijuhend import PATH… [--db FILE] [--jobs N]
// [--timeout S] [--force] [--strict] [--grammars DIR] [--ocr MODE] [--ocr-lang
// LANGS]`: PDFs found under the
// paths into the archive database (import/import.h says how); a summary on
// stdout, progress and per-document lines on stderr.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/ocr_option.h"
#include "cli/validators.h"
#include "recognize/grammar.h"
#include "store/database.h"
#include "import/import.h"

namespace aj::cli {

void add_import_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("import", "Parse the PDFs under the given files and folders into the database");
  auto options = std::make_shared<importer::ImportOptions>();
  options->db_path = store::kDefaultDatabase;
  options->jobs = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
  auto strict = std::make_shared<bool>(false);
  cmd->add_option("paths", options->paths,
                  "PDF files and folders (walked recursively; PDFs are recognised by content, not by name)")
      ->required();
  cmd->add_option("--db", options->db_path, "the database file (created when missing)")->capture_default_str();
  cmd->add_option("--jobs", options->jobs, "worker processes (default: one per core)")
      ->check(whole_number(1))
      ->capture_default_str();
  cmd->add_option("--timeout", options->timeout_seconds,
                  "seconds one document may take, and as many more for each page OCR reads; then it is failed "
                  "(timed_out)")
      ->check(positive_seconds())
      ->capture_default_str();
  add_ocr_options(*cmd, options->ocr);
  cmd->add_flag("--force", options->force, "re-parse every document, changed or not");
  cmd->add_flag("--strict", *strict, "exit with 3 when any document seen is failed");
  cmd->add_option("--grammars", options->grammar_dir,
                  "folder of grammar files (default: the one the database's last import used, else " +
                      recognize::default_grammar_dir() + ")");
  cmd->footer(
      "Unchanged files (same path, size and mtime) are skipped without reading; content already stored under\n"
      "another path is stored once. A document is re-parsed when its bytes, the grammars or the program version\n"
      "changed. Each document is its own transaction: an interrupted import keeps what it finished.\n"
      "Without --grammars the import keeps to the grammar folder the database was last imported with (and warns\n"
      "when that is not the default); a --grammars folder whose grammars differ from the last import's re-parses.\n"
      "Ctrl-C (or SIGTERM) stops it cleanly: what was stored stays; exit code 130 (143).\n"
      "Exit codes: 0 the import ran (failed documents are reported, not fatal); 1 it could not run (database not\n"
      "writable or another application's, grammars unreadable, a path missing) or some documents could not be\n"
      "stored (disk full, I/O error); 2 usage error; 3 --strict and some document failed.");
  cmd->callback([options, strict] {
    std::string error;
    auto result = importer::run_import(*options, std::cerr, isatty(STDERR_FILENO) != 0, &error);
    if (!result) {
      std::cerr << "ametijuhend import: " << error << "\n";
      set_exit_code(1);
      return;
    }
    if (result->stopped_by != 0) {   // Ctrl-C or SIGTERM: exit as the signal would, with a word on what is kept
      std::cerr << importer::format_stopped(*result) << std::flush;
      set_exit_code(128 + result->stopped_by);
      return;
    }
    std::cout << importer::format_summary(*result, options->db_path) << std::flush;
    if (result->store_errors > 0) set_exit_code(1);   // documents parsed but not kept: the import did not do its job
    else if (*strict && result->failed_documents > 0) set_exit_code(3);
  });
}

}  // namespace aj::cli
