// prune_command.cpp — `ametijuhend prune [--db FILE] [--dry-run]`: removes
// from the database the paths an import walk no longer found (files.present
// = 0) and still missing now, and the documents left with no path, with
// their records. It says what it removes, path by path, before the totals;
// with --dry-run it says what it would remove and changes nothing.
#include <iostream>

#include "cli/commands.h"
#include "core/wording.h"
#include "store/archive.h"
#include "store/database.h"

namespace aj::cli {

void add_prune_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("prune", "Remove the files an import found gone, and their records");
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  cmd->add_flag("--dry-run", *dry_run, "say what would be removed, change nothing");
  cmd->footer(
      "A path is gone when the last import that walked its folder did not find it (files.present = 0)\n"
      "and it is still missing. A document found at another path stays.");
  cmd->callback([=] {
    std::string error;
    // open_readonly first: a missing file or a foreign database is an error, not a new archive.
    if (!store::open_readonly(*db_path, &error)) {
      std::cerr << "ametijuhend prune: " << error << "\n";
      set_exit_code(1);
      return;
    }
    auto archive = store::Archive::open(*db_path, &error);
    auto pruned = archive ? archive->prune(*dry_run, &error) : std::nullopt;
    if (!pruned) {
      std::cerr << "ametijuhend prune: " << error << "\n";
      set_exit_code(1);
      return;
    }
    const char* verb = *dry_run ? "would remove" : "removed";
    for (const std::string& p : pruned->paths) std::cout << verb << ": " << p << "\n";
    if (pruned->paths.empty()) {
      std::cout << "Nothing to prune: every stored path was found by the last import that walked its folder.\n";
      return;
    }
    std::cout << (*dry_run ? "Would remove " : "Removed ") << plural(int64_t(pruned->paths.size()), "path", "paths")
              << "; " << plural(pruned->documents, "document", "documents") << " ("
              << plural(pruned->records, "record", "records") << ") had no other path"
              << (*dry_run ? " and would go with them" : " and went with them") << ".\n";
  });
}

}  // namespace aj::cli
