// org_command.cpp — `ametijuhend org [--db FILE] [--format text|dot|json]
// [--unit TEXT]`: the org chart (report/org_chart.h) as an indented tree,
// as Graphviz dot (`| dot -Tsvg > org.svg`) or as JSON.
#include <iostream>

#include "cli/commands.h"
#include "report/org_chart.h"
#include "store/database.h"

namespace aj::cli {

void add_org_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("org", "The org chart: each job description under its manager's");
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  auto format = std::make_shared<std::string>("text");
  auto unit = std::make_shared<std::string>();
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  cmd->add_option("--format", *format, "text (an indented tree), dot (Graphviz) or json")
      ->check(CLI::IsMember({"text", "dot", "json"}))
      ->capture_default_str();
  cmd->add_option("--unit", *unit, "only positions whose unit, department or division holds this text");
  cmd->footer(
      "Names are resolved by v_org_edges (same unit first, then department, then agency); what disagrees\n"
      "is in v_org_problems: ametijuhend sql \"SELECT * FROM v_org_problems\".");
  cmd->callback([=] {
    std::string error;
    auto db = store::open_readonly(*db_path, &error);
    auto chart = db ? report::load_org_chart(*db, *unit, &error) : std::nullopt;
    if (!chart) {
      std::cerr << "ametijuhend org: " << error << "\n";
      set_exit_code(1);
      return;
    }
    if (*format == "dot") std::cout << report::org_dot(*chart);
    else if (*format == "json") std::cout << report::org_json(*chart).dump(2) << "\n";
    else if (chart->positions.empty()) std::cout << "No job description in force" << (unit->empty() ? "" : " in that unit") << ".\n";
    else std::cout << report::org_text(*chart);
  });
}

}  // namespace aj::cli
