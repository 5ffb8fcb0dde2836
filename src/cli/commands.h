// commands.h — each subcommand registers itself on the CLI11 app.
#pragma once

#include <CLI/CLI.hpp>

namespace aj::cli {

void register_commands(CLI::App& app);
// The exit code the subcommand that ran asked for.
int exit_code();
void set_exit_code(int code);

void add_layout_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_import_command(CLI::App& app);
void add_sql_command(CLI::App& app);
void add_show_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_grammar_command(CLI::App& app);
void add_explain_command(CLI::App& app);
void add_search_command(CLI::App& app);
void add_prune_command(CLI::App& app);
void add_org_command(CLI::App& app);

}  // namespace aj::cli
