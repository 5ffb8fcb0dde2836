// suggest.h — "did you mean …?" for a misspelt subcommand or option, and the
// list of subcommands shown when none is given.
//
// CLI11 (2.1) says "A subcommand is required" for `ametijuhend imprt` and
// "The following argument was not expected: --jbos" for a misspelt option;
// main() asks these functions for something more helpful before and after
// CLI11 parses.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aj::cli {

// The candidate nearest to `typed` by edit distance (insertions, deletions,
// substitutions, swaps of neighbours), when near enough to be a slip: at
// most a third of its length, at least 1; or a candidate `typed` begins.
std::optional<std::string> nearest(const std::string& typed, const std::vector<std::string>& candidates);

// "Commands:\n  import   Parse …\n …": every subcommand with its description.
std::string command_list(const CLI::App& app);

// The first argument that names no option or option value of the top-level
// app (the subcommand's name, if it is one); nullopt when there is none.
std::optional<std::string> command_word(const CLI::App& app, const std::vector<std::string>& args);

// For each argument that looks like an option ("-x", "--name[=value]") and
// names none of `command`'s or the app's options: "unknown option --jbos;
// did you mean --jobs?". Empty when every option is known.
std::vector<std::string> unknown_options(const CLI::App& app, const CLI::App& command,
                                         const std::vector<std::string>& args);

}  // namespace aj::cli
