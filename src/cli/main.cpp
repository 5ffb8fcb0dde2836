// main.cpp — the `ametijuhend` command line: subcommands over the library,
// and the global options that set up the diagnostic log (core/log.h).
//
// Exit codes (also in --help and the README):
//   0  the command ran (problems in documents are reported, not fatal)
//   1  it could not run (unreadable input, database not writable, …)
//   2  usage error
//   3  --strict was given and some document failed
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"
#include "core/log.h"

int main(int argc, char** argv) {
  CLI::App app{"ametijuhend — Estonian job descriptions (ametijuhendid) from PDF into SQLite", "ametijuhend"};
  app.footer(
      "Exit codes: 0 the command ran (document problems are reported, not fatal); 1 it could not run;\n"
      "2 usage error; 3 --strict and some document failed.");
  app.require_subcommand(1);
  app.set_version_flag("--version", AJ_VERSION);
  // The log options may come before or after the subcommand's name.
  app.fallthrough();
  std::string log_level(aj::log::kDefaultLevel), log_file;
  app.add_option("--log-level", log_level, "what the diagnostic log says: trace, debug, info, warn, error or off")
      ->check(CLI::IsMember(std::vector<std::string>(aj::log::kLevels.begin(), aj::log::kLevels.end())))
      ->capture_default_str();
  app.add_option("--log-file", log_file,
                 "also append the log to this file, with times and process ids (stderr then keeps to warnings)");
  // Runs once the command line is parsed, before the subcommand's callback.
  app.parse_complete_callback([&] {
    std::string error;
    if (!aj::log::setup(log_level, log_file, &error)) {
      std::cerr << "ametijuhend: " << error << "\n";
      throw CLI::RuntimeError(1);
    }
  });
  aj::cli::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {   // the log could not be set up (said already); CLI11 derives it from ParseError
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return aj::cli::exit_code();
}
