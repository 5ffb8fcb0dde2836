// org_chart.cpp — the org chart read from v_record_versions and v_org_edges,
// and its three printings (org_chart.h).
#include "report/org_chart.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

extern char** environ;

namespace aj::report {
namespace {

std::string manager_note(const OrgPosition& p, bool under_manager) {
  if (under_manager || !p.manager_name) return "";
  if (p.how && *p.how == "approval_authority") return "  (manager: " + *p.manager_name + ", the approver)";
  if (p.manager_key) return "  (manager: " + *p.manager_name + ", " + *p.manager_key + ", not shown)";
  return "  (manager: " + *p.manager_name + ", no job description)";
}

std::string dot_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

}  // namespace

OrgTree org_tree(const OrgChart& chart) {
  OrgTree t;
  for (const OrgPosition& p : chart.positions) t.shown.insert(p.record_key);
  for (const OrgPosition& p : chart.positions) {
    if (p.manager_key && t.shown.count(*p.manager_key) && *p.manager_key != p.record_key)
      t.children[*p.manager_key].push_back(&p);
    else
      t.roots.push_back(&p);
  }
  return t;
}

std::optional<OrgChart> load_org_chart(store::Db& db, const std::string& unit, std::string* error) {
  store::Stmt q = db.prepare(
      "WITH shown AS ("
      "  SELECT min(v.record_key) AS record_key FROM v_record_versions v JOIN records r ON r.record_key = v.record_key"
      "  WHERE v.in_force AND r.status <> 'failed'"
      "    AND (?1 = '' OR instr(lower_et(coalesce(r.structural_unit, '') || ' ' || coalesce(r.department, '') || ' ' ||"
      "                                   coalesce(r.division, '')), lower_et(?1)) > 0)"
      "  GROUP BY v.fingerprint)"
      // The manager's position as shown: the smallest record_key of its
      // fingerprint, whichever rendering the edge went to.
      "SELECT r.record_key, r.title, r.structural_unit, e.name_as_written, "
      "       coalesce((SELECT min(o.record_key) FROM records t JOIN records o ON o.fingerprint = t.fingerprint "
      "                 WHERE t.record_key = e.to_record_key), e.to_record_key), e.how "
      "FROM shown s JOIN records r ON r.record_key = s.record_key "
      "LEFT JOIN v_org_edges e ON e.from_record_key = r.record_key AND e.relation = 'manager' "
      "ORDER BY r.title COLLATE et, r.record_key");
  q.bind(1, unit);
  OrgChart chart;
  while (q.step())
    chart.positions.push_back(OrgPosition{q.text(0), q.text(1), q.opt_text(2), q.opt_text(3), q.opt_text(4), q.opt_text(5)});
  if (!db.ok()) {
    *error = "cannot read the org chart: " + db.error();
    db.clear_error();
    return std::nullopt;
  }
  std::set<std::string> shown;
  for (const OrgPosition& p : chart.positions) shown.insert(p.record_key);
  store::Stmt problems = db.prepare(
      "SELECT p.kind, p.record_key, p.detail, r.title FROM v_org_problems p "
      "JOIN records r ON r.record_key = p.record_key ORDER BY p.kind, r.title COLLATE et, p.record_key");
  while (problems.step())
    if (shown.count(problems.text(1)))
      chart.problems.push_back(OrgProblem{problems.text(0), problems.text(1), problems.text(2), problems.opt_text(3)});
  if (!db.ok()) {
    *error = "cannot read v_org_problems: " + db.error();
    db.clear_error();
    return std::nullopt;
  }
  return chart;
}

std::string org_text(const OrgChart& chart) {
  const OrgTree t = org_tree(chart);
  std::ostringstream out;
  std::set<std::string> done;
  // Iterative depth-first walk, so a deep chart cannot exhaust the stack.
  auto print = [&](const OrgPosition* root) {
    std::vector<std::pair<const OrgPosition*, int>> stack{{root, 0}};
    while (!stack.empty()) {
      auto [p, depth] = stack.back();
      stack.pop_back();
      if (!done.insert(p->record_key).second) continue;
      out << std::string(size_t(depth) * 2, ' ') << p->title;
      if (p->structural_unit) out << " — " << *p->structural_unit;
      out << "  [" << p->record_key << "]" << manager_note(*p, depth > 0) << "\n";
      auto it = t.children.find(p->record_key);
      if (it == t.children.end()) continue;
      for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) stack.push_back({*c, depth + 1});
    }
  };
  for (const OrgPosition* r : t.roots) print(r);
  bool cycle_heading = false;
  for (const OrgPosition& p : chart.positions) {
    if (done.count(p.record_key)) continue;
    if (!cycle_heading) out << "On a manager cycle (see v_org_problems):\n";
    cycle_heading = true;
    print(&p);
  }
  if (!chart.problems.empty()) out << "\nWhat disagrees (v_org_problems):\n";
  for (const OrgProblem& p : chart.problems)
    out << "  " << p.kind << "  " << p.title.value_or("") << " [" << p.record_key << "] " << p.detail << "\n";
  return out.str();
}

std::string org_dot(const OrgChart& chart) {
  std::ostringstream out;
  out << "digraph org {\n  rankdir=TB;\n  node [shape=box, fontname=\"DejaVu Sans\", fontsize=10];\n";
  std::set<std::string> shown, names;
  for (const OrgPosition& p : chart.positions) shown.insert(p.record_key);
  for (const OrgPosition& p : chart.positions)
    out << "  " << dot_quoted(p.record_key) << " [label="
        << dot_quoted(p.title + (p.structural_unit ? "\n" + *p.structural_unit : "")) << "];\n";
  for (const OrgPosition& p : chart.positions) {
    if (!p.manager_name) continue;
    if (p.manager_key && shown.count(*p.manager_key)) {
      out << "  " << dot_quoted(*p.manager_key) << " -> " << dot_quoted(p.record_key) << ";\n";
      continue;
    }
    const std::string node = "name:" + *p.manager_name;
    if (names.insert(node).second)
      out << "  " << dot_quoted(node) << " [label=" << dot_quoted(*p.manager_name) << ", style=dashed];\n";
    out << "  " << dot_quoted(node) << " -> " << dot_quoted(p.record_key) << " [style=dashed];\n";
  }
  out << "}\n";
  return out.str();
}

nlohmann::ordered_json org_json(const OrgChart& chart) {
  auto text = [](const std::optional<std::string>& s) { return s ? nlohmann::ordered_json(*s) : nullptr; };
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const OrgPosition& p : chart.positions) {
    nlohmann::ordered_json o;
    o["record_key"] = p.record_key;
    o["title"] = p.title;
    o["structural_unit"] = text(p.structural_unit);
    if (p.manager_name)
      o["manager"] = {{"name", *p.manager_name}, {"record_key", text(p.manager_key)}, {"how", text(p.how)}};
    else
      o["manager"] = nullptr;
    list.push_back(std::move(o));
  }
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const OrgProblem& p : chart.problems)
    problems.push_back({{"kind", p.kind}, {"record_key", p.record_key}, {"title", text(p.title)}, {"detail", p.detail}});
  return {{"positions", list}, {"problems", problems}};
}

std::optional<std::string> dot_to_svg(const std::string& dot_text, std::string* why) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec) / ("ametijuhend-org-" + std::to_string(getpid()));
  fs::create_directories(dir, ec);
  const fs::path in = dir / "org.dot", out = dir / "org.svg";
  std::ofstream(in) << dot_text;
  std::string in_s = in.string(), out_s = out.string();
  char arg0[] = "dot", arg1[] = "-Tsvg", arg3[] = "-o";
  char* argv[] = {arg0, arg1, in_s.data(), arg3, out_s.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  std::optional<std::string> svg;
  if (spawned != 0) {
    *why = "Graphviz (dot) is not installed";
  } else {
    // dot is quick on any chart an agency has; a minute means something is wrong.
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      std::ifstream f(out, std::ios::binary);
      svg = std::string(std::istreambuf_iterator<char>(f), {});
    } else {
      *why = "dot -Tsvg failed";
    }
  }
  fs::remove_all(dir, ec);
  return svg;
}

}  // namespace aj::report
