// main.cpp — the `ametijuhend` command line: subcommands over the library,
// and the global options that set up the diagnostic log (core/log.h).
//
// Exit codes, the same for every command (also in --help and the README):
//   0  the command ran (problems in documents are reported, not fatal)
//   1  it could not run: an input missing or unreadable, the database not
//      readable or writable, the output not writable
//   2  usage error: an unknown command or option, a bad value, a missing argument
//   3  import --strict was given and some document failed
// (An import stopped by Ctrl-C exits 130, as interrupted programs do.)
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/suggest.h"
#include "core/log.h"

namespace {

constexpr int kUsageError = 2;

const CLI::App* subcommand_named(const CLI::App& app, const std::string& name) {
  const auto found = app.get_subcommands([&](const CLI::App* c) { return c->check_name(name); });
  return found.empty() ? nullptr : found.front();
}

// What the first argument should have been, when it is no command.
int no_command(const CLI::App& app, const std::optional<std::string>& typed) {
  if (typed) {
    std::vector<std::string> names;
    for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(c->get_name());
    const auto near = aj::cli::nearest(*typed, names);
    std::cerr << "ametijuhend: unknown command '" << *typed << "'" << (near ? "; did you mean '" + *near + "'?" : "")
              << "\n\n";
  } else {
    std::cerr << "Usage: ametijuhend COMMAND [OPTIONS]   (ametijuhend COMMAND --help for a command's options)\n\n";
  }
  std::cerr << aj::cli::command_list(app);
  return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ametijuhend — Estonian job descriptions (ametijuhendid) from PDF into SQLite", "ametijuhend"};
  app.footer(
      "Exit codes: 0 the command ran (document problems are reported, not fatal); 1 it could not run (an input\n"
      "missing or unreadable, the database or output not usable); 2 usage error; 3 import --strict and some\n"
      "document failed; 130 an import interrupted by Ctrl-C.");
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

  const std::vector<std::string> args(argv + 1, argv + argc);
  const bool asks_help_or_version = std::any_of(args.begin(), args.end(), [](const std::string& a) {
    return a == "-h" || a == "--help" || a == "--version";
  });
  const auto command = aj::cli::command_word(app, args);
  if (!asks_help_or_version && (!command || !subcommand_named(app, *command))) return no_command(app, command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {   // the log could not be set up (said already); CLI11 derives it from ParseError
    return e.get_exit_code();
  } catch (const CLI::ExtrasError& e) {
    const CLI::App* sub = subcommand_named(app, *command);
    const auto unknown = aj::cli::unknown_options(app, *sub, args);
    if (unknown.empty()) return app.exit(e) == 0 ? 0 : kUsageError;
    for (const auto& message : unknown) std::cerr << "ametijuhend " << *command << ": " << message << "\n";
    std::cerr << "Run 'ametijuhend " << *command << " --help' for its options.\n";
    return kUsageError;
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kUsageError;
  }
  return aj::cli::exit_code();
}
