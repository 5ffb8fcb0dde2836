// main.cpp — the `ametijuhend` command line: subcommands over the library.
//
// Exit codes (also in --help and the README):
//   0  the command ran (problems in documents are reported, not fatal)
//   1  it could not run (unreadable input, database not writable, …)
//   2  usage error
//   3  --strict was given and some document failed
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"ametijuhend — Estonian job descriptions (ametijuhendid) from PDF into SQLite", "ametijuhend"};
  app.footer(
      "Exit codes: 0 the command ran (document problems are reported, not fatal); 1 it could not run;\n"
      "2 usage error; 3 --strict and some document failed.");
  app.require_subcommand(1);
  app.set_version_flag("--version", AJ_VERSION);
  aj::cli::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return aj::cli::exit_code();
}
