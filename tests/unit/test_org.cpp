// test_org.cpp — the organisation as data end to end, on the real PDFs of
// corpus/org/ (scripts/corpus/make-org): the set parses to its truth, every
// name resolves, v_org_problems lists exactly the planted inconsistency, a
// manager cycle is found, record keys survive `import --force`, `org` prints
// its three formats (the dot one through Graphviz), and `prune` removes the
// files a walk found gone, after saying what.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "corpus_paths.h"
#include "test_store_support.h"

namespace fs = std::filesystem;
using namespace aj::test;

namespace {

// corpus/org imported into a fresh database in `dir`.
std::string import_org(const std::string& dir, const std::string& from) {
  const std::string db = dir + "/org.sqlite";
  const Ran r = run_aj(dir, {"import", "--db", db, "--ocr", "off", from});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  return db;
}

void write_sql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string why = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE_MESSAGE(rc == SQLITE_OK, why);
}

}  // namespace

TEST_CASE("org: the linked set resolves every name and shows exactly the planted inconsistency") {
  const std::string dir = temp_dir("org-views");
  const std::string db = import_org(dir, corpus("org"));
  CHECK(scalar(db, "SELECT count(*) FROM records WHERE status = 'ok'") == "3");
  // Every edge of the set has a target or is the approver at the top.
  CHECK(scalar(db, "SELECT count(*) FROM v_org_edges") == "10");
  CHECK(scalar(db, "SELECT count(*) FROM v_org_edges WHERE how IS NULL") == "0");
  CHECK(scalar(db, "SELECT count(*) FROM v_org_edges WHERE to_record_key IS NULL AND how <> 'approval_authority'") ==
        "0");
  // The partitive "Peaspetsialisti (andmekvaliteet)" found its position.
  CHECK(scalar(db, "SELECT r.title FROM v_org_edges e JOIN records r ON r.record_key = e.to_record_key "
                   "WHERE e.name_as_written = 'Peaspetsialisti (andmekvaliteet)'") ==
        "Peaspetsialist (andmekvaliteet)");
  const Rows problems = query(db,
                              "SELECT p.kind, r.title, o.title FROM v_org_problems p "
                              "JOIN records r ON r.record_key = p.record_key "
                              "JOIN records o ON o.record_key = p.other_record_key");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == std::vector<std::string>{"substitution_not_mutual", "Osakonna juhataja",
                                                "Peaspetsialist (andmeanalüüs)"});
}

TEST_CASE("org: a manager cycle is a problem of each record on it, and the chart still shows them") {
  const std::string dir = temp_dir("org-cycle");
  const std::string db = import_org(dir, corpus("org"));
  // The head now names the analyst as its manager: head → analyst → head.
  write_sql(db, "UPDATE records SET direct_manager = 'Peaspetsialist (andmeanalüüs)', "
                "direct_manager_base = 'peaspetsialist (andmeanalüüs)' WHERE title = 'Osakonna juhataja'");
  const Rows cycle = query(db,
                           "SELECT r.title FROM v_org_problems p JOIN records r ON r.record_key = p.record_key "
                           "WHERE p.kind = 'manager_cycle' ORDER BY r.title");
  REQUIRE(cycle.size() == 2);
  CHECK(cycle[0][0] == "Osakonna juhataja");
  CHECK(cycle[1][0] == "Peaspetsialist (andmeanalüüs)");
  const Ran text = run_aj(dir, {"org", "--db", db});
  REQUIRE_MESSAGE(text.code == 0, text.err);
  CHECK(text.out.find("On a manager cycle") != std::string::npos);
  for (const char* title : {"Osakonna juhataja", "Peaspetsialist (andmeanalüüs)", "Peaspetsialist (andmekvaliteet)"})
    CHECK(text.out.find(title) != std::string::npos);
}

TEST_CASE("org: record keys survive import --force, record ids do not") {
  const std::string dir = temp_dir("org-keys");
  const std::string db = import_org(dir, corpus("org"));
  const Rows before = query(db, "SELECT record_key, id, title FROM records ORDER BY record_key");
  const Ran again = run_aj(dir, {"import", "--db", db, "--ocr", "off", "--force", corpus("org")});
  REQUIRE_MESSAGE(again.code == 0, again.err);
  const Rows after = query(db, "SELECT record_key, id, title FROM records ORDER BY record_key");
  REQUIRE(before.size() == 3);
  REQUIRE(after.size() == 3);
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(after[i][0] == before[i][0]);
    CHECK(after[i][2] == before[i][2]);
    CHECK(after[i][1] != before[i][1]);   // re-parsed: new rows
  }
  // show takes the key.
  const Ran show = run_aj(dir, {"show", "--db", db, before[0][0]});
  CHECK(show.code == 0);
  CHECK(show.out.find(before[0][2]) != std::string::npos);
}

TEST_CASE("org: the chart as text, JSON and Graphviz dot that dot -Tsvg draws") {
  const std::string dir = temp_dir("org-chart");
  const std::string db = import_org(dir, corpus("org"));
  const std::string head = scalar(db, "SELECT record_key FROM records WHERE title = 'Osakonna juhataja'");

  const Ran text = run_aj(dir, {"org", "--db", db});
  REQUIRE_MESSAGE(text.code == 0, text.err);
  CHECK(text.out.find("Osakonna juhataja — Analüüsiosakond  [" + head + "]  (manager: Peadirektor, the approver)\n") ==
        0);
  CHECK(text.out.find("\n  Peaspetsialist (andmeanalüüs) — Analüüsiosakond") != std::string::npos);
  CHECK(text.out.find("\n  Peaspetsialist (andmekvaliteet) — Analüüsiosakond") != std::string::npos);

  const Ran json = run_aj(dir, {"org", "--db", db, "--format", "json"});
  REQUIRE_MESSAGE(json.code == 0, json.err);
  const auto j = nlohmann::json::parse(json.out);
  REQUIRE(j["positions"].size() == 3);
  for (const auto& p : j["positions"]) {
    if (p["title"] == "Osakonna juhataja") CHECK(p["manager"]["how"] == "approval_authority");
    else CHECK(p["manager"]["record_key"] == head);
  }

  const Ran none = run_aj(dir, {"org", "--db", db, "--unit", "Arendusosakond"});
  CHECK(none.out == "No job description in force in that unit.\n");

  const Ran dot = run_aj(dir, {"org", "--db", db, "--format", "dot"});
  REQUIRE_MESSAGE(dot.code == 0, dot.err);
  { std::ofstream(dir + "/org.dot") << dot.out; }
  REQUIRE_MESSAGE(std::system("command -v dot >/dev/null") == 0, "Graphviz is missing: run scripts/setup");
  const int rc = std::system(("dot -Tsvg " + dir + "/org.dot -o " + dir + "/org.svg 2>" + dir + "/dot.err").c_str());
  CHECK_MESSAGE(rc == 0, slurp(dir + "/dot.err"));
  const std::string svg = slurp(dir + "/org.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Peaspetsialist (andmekvaliteet)") != std::string::npos);
}

TEST_CASE("org: prune removes the paths a walk found gone, and says what, and --dry-run changes nothing") {
  const std::string dir = temp_dir("org-prune");
  const std::string folder = dir + "/archive";
  fs::create_directories(folder);
  for (const auto& e : fs::directory_iterator(corpus("org")))
    if (e.path().extension() == ".pdf") fs::copy_file(e.path(), folder + "/" + e.path().filename().string());
  const std::string db = import_org(dir, folder);
  CHECK(scalar(db, "SELECT count(*) FROM files WHERE present = 1") == "3");

  const std::string gone = folder + "/peaspetsialist-andmekvaliteet.pdf";
  fs::remove(gone);
  // An import of another folder says nothing about this one.
  const std::string other = dir + "/other";
  fs::create_directories(other);
  import_org(dir, other);
  CHECK(scalar(db, "SELECT count(*) FROM files WHERE present = 1") == "3");
  // The walk of its folder finds it gone; its record stays until pruned.
  import_org(dir, folder);
  CHECK(scalar(db, "SELECT path FROM files WHERE present = 0") == gone);
  CHECK(scalar(db, "SELECT count(*) FROM records") == "3");

  const Ran dry = run_aj(dir, {"prune", "--db", db, "--dry-run"});
  REQUIRE_MESSAGE(dry.code == 0, dry.err);
  CHECK(dry.out == "would remove: " + gone +
                       "\nWould remove 1 path; 1 document (1 record) had no other path and would go with them.\n");
  CHECK(scalar(db, "SELECT count(*) FROM records") == "3");

  const Ran pruned = run_aj(dir, {"prune", "--db", db});
  REQUIRE_MESSAGE(pruned.code == 0, pruned.err);
  CHECK(pruned.out ==
        "removed: " + gone + "\nRemoved 1 path; 1 document (1 record) had no other path and went with them.\n");
  CHECK(scalar(db, "SELECT count(*) FROM records") == "2");
  CHECK(scalar(db, "SELECT count(*) FROM files") == "2");
  CHECK(search_index_intact(db));
  const Ran nothing = run_aj(dir, {"prune", "--db", db});
  CHECK(nothing.out.find("Nothing to prune") == 0);

  const Ran missing = run_aj(dir, {"prune", "--db", dir + "/no-such.sqlite"});
  CHECK(missing.code == 1);
  CHECK_FALSE(fs::exists(dir + "/no-such.sqlite"));
}

TEST_CASE("org: the HTML report's org page draws the chart with Graphviz, or lists it without") {
  const std::string dir = temp_dir("org-report");
  const std::string db = import_org(dir, corpus("org"));
  const std::string out = dir + "/report";
  const Ran drawn = run_aj(dir, {"report", "--db", db, "--format", "html", "--out", out});
  REQUIRE_MESSAGE(drawn.code == 0, drawn.err);
  CHECK(slurp(out + "/index.html").find("<a href=\"org.html\">org chart</a>") != std::string::npos);
  std::string page = slurp(out + "/org.html");
  CHECK(page.find("<img src=\"org.svg\"") != std::string::npos);
  CHECK(slurp(out + "/org.svg").find("Peaspetsialist (andmekvaliteet)") != std::string::npos);
  CHECK(page.find("<code>substitution_not_mutual</code></td><td>Osakonna juhataja") != std::string::npos);

  // Without Graphviz on the PATH: the same chart as nested lists, no stale SVG.
  const char* path = std::getenv("PATH");
  const std::string saved = path ? path : "";
  setenv("PATH", "/nonexistent", 1);
  const Ran listed = run_aj(dir, {"report", "--db", db, "--format", "html", "--out", out});
  setenv("PATH", saved.c_str(), 1);
  REQUIRE_MESSAGE(listed.code == 0, listed.err);
  page = slurp(out + "/org.html");
  CHECK(page.find("Graphviz (dot) is not installed; the chart as a list:") != std::string::npos);
  CHECK(page.find("<li>Osakonna juhataja <span class=\"meta\">— Analüüsiosakond</span>") != std::string::npos);
  CHECK(page.find("<ul>\n<li>Peaspetsialist (andmeanalüüs)") != std::string::npos);
  CHECK_FALSE(fs::exists(out + "/org.svg"));
}
