// commands.cpp — the list of subcommands, and the exit code they leave.
#include "cli/commands.h"

namespace aj::cli {
namespace {
int g_exit_code = 0;
}

int exit_code() { return g_exit_code; }
void set_exit_code(int code) { g_exit_code = std::max(g_exit_code, code); }

void register_commands(CLI::App& app) {
  add_layout_command(app);
  add_export_command(app);
  add_import_command(app);
  add_sql_command(app);
  add_show_command(app);
  add_report_command(app);
  add_grammar_command(app);
  add_explain_command(app);
  add_search_command(app);
  add_prune_command(app);
  add_org_command(app);
}

}  // namespace aj::cli
