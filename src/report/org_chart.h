// org_chart.h — the org chart: who reports to whom, drawn from the
// organisation views of schema/007_org.sql, as `ametijuhend org` prints it
// and the HTML report's org page shows it.
//
// A position is one job description in force (v_record_versions.in_force),
// its renderings merged (the smallest record_key of its fingerprint). Its
// manager is its v_org_edges 'manager' edge: a position when the name
// resolved to one, else only the name as written with `how` saying why
// ('approval_authority': the approver, the top of the chart; null: no job
// description has that title).
//
// Invariant: every position appears exactly once in each format, also those
// on a manager cycle (v_org_problems reports the cycle) and those whose
// manager lies outside a --unit filter (they become roots, naming it).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"

namespace aj::report {

struct OrgPosition {
  std::string record_key, title;
  std::optional<std::string> structural_unit;
  std::optional<std::string> manager_name;   // as written
  std::optional<std::string> manager_key;    // the manager's position, when resolved
  std::optional<std::string> how;            // v_org_edges.how
};

// A row of v_org_problems, with the record's title.
struct OrgProblem {
  std::string kind, record_key, detail;
  std::optional<std::string> title;
};

struct OrgChart {
  std::vector<OrgPosition> positions;   // by title (Estonian order), then key
  std::vector<OrgProblem> problems;     // of the positions shown, by kind then title
};

// The chart as a tree: the positions under each manager's (by record_key),
// and the roots — positions whose manager is none of those shown — in chart
// order. A position on a manager cycle is in neither list's reach from a
// root; the printers show those after the tree.
struct OrgTree {
  std::set<std::string> shown;   // every position's record_key
  std::map<std::string, std::vector<const OrgPosition*>> children;
  std::vector<const OrgPosition*> roots;
};
OrgTree org_tree(const OrgChart& chart);

// Reads the chart from an open database (store::open_readonly). `unit`,
// when not empty, keeps the positions whose structural unit, department or
// division holds it (case-folded). nullopt with *error when a query fails.
std::optional<OrgChart> load_org_chart(store::Db& db, const std::string& unit, std::string* error);

// An indented tree: each position under its manager, two spaces a level;
// then what disagrees, one line a problem.
std::string org_text(const OrgChart& chart);
// Graphviz: `dot -Tsvg` draws it. Positions are boxes keyed by record_key;
// a manager with no position is a dashed box named by the name.
std::string org_dot(const OrgChart& chart);
// {"positions": [{record_key, title, structural_unit, manager: {name, record_key, how} | null}],
//  "problems": [{kind, record_key, title, detail}]}
nlohmann::ordered_json org_json(const OrgChart& chart);

// The SVG `dot -Tsvg` makes of `dot_text`; nullopt (with *why) when Graphviz
// is not installed or fails, so a caller can fall back to the text tree.
std::optional<std::string> dot_to_svg(const std::string& dot_text, std::string* why);

}  // namespace aj::report
