// test_explain.cpp — `ametijuhend explain`, through the real binary: every
// grammar's score with the lines that gave it, the grammar that read the
// document, and for every line what took it or why nothing did, agreeing
// with the record's status and problems.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_store_support.h"

namespace {

using aj::test::run_aj;

nlohmann::json explain(const std::string& dir, const std::vector<std::string>& args) {
  std::vector<std::string> all{"explain", "--format", "json"};
  all.insert(all.end(), args.begin(), args.end());
  auto r = run_aj(dir, all);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return nlohmann::json::parse(r.out);
}

// A use that says nothing took the line ("record 2: unassigned: …" in a directive).
bool left(std::string use) {
  if (use.starts_with("record ")) use = use.substr(use.find(": ") + 2);
  return use.starts_with("unassigned") || use.starts_with("unread") || use.starts_with("a label no") ||
         use.starts_with("a heading no");
}

}  // namespace

TEST_CASE("explain: the scores and their lines, the grammar that reads, and what took each line") {
  auto dir = aj::test::temp_dir("explain-seed");
  const auto j = explain(dir, {aj::test::corpus("seeds") + "/000_eaa2ca7fc8e25303.a.pdf"});
  int readers = 0;
  for (const auto& g : j["grammars"]) {
    CHECK(g["score"].get<size_t>() == g["hits"].size());
    for (const auto& h : g["hits"]) CHECK_FALSE(h["text"].get<std::string>().empty());
    if (g["reads"].get<bool>()) {
      ++readers;
      CHECK(g["name"] == "ska-label-table");
    }
  }
  CHECK(readers == 1);
  REQUIRE(j["records"].size() == 1);
  CHECK(j["records"][0]["status"] == "ok");

  std::map<std::string, std::string> use_of;   // text → use
  for (const auto& l : j["lines"]) {
    const std::string use = l["use"];
    CHECK_MESSAGE(!left(use), l["text"].get<std::string>(), ": ", use);   // ok: every line went somewhere known
    use_of[l["text"]] = use;
  }
  CHECK(use_of["1. Üldosa"] == "heading of section 'general'");
  CHECK(use_of["Teenistuskoht"] == "label of title");
  CHECK(use_of["Ekspert (ohvriabi ärianalüüsid)"] == "value of title");
  CHECK(use_of["Vahetu juht"] == "label of direct_manager");
  CHECK(use_of["Talituse juhataja"].starts_with("value of "));
  CHECK(use_of["2.1. Ohvriabi kasutatavate IT-lahenduste"] == "task 2.1 starts");
  CHECK(use_of["Vajadused on tähtaegselt väljaselgitatud"] == "result of task 2.1");
}

TEST_CASE("explain: text no field took is shown as unassigned, as the record's problems say") {
  auto dir = aj::test::temp_dir("explain-unassigned");
  const auto j = explain(dir, {aj::test::corpus("mixed") + "/unassigned.pdf"});
  REQUIRE(j["records"].size() == 1);
  CHECK(j["records"][0]["status"] == "partial");
  std::set<int> pages_left;
  for (const auto& l : j["lines"])
    if (left(l["use"])) pages_left.insert(l["page"].get<int>());
  REQUIRE_FALSE(pages_left.empty());
  for (const auto& p : j["records"][0]["problems"])
    if (p["code"] == "text_unassigned") CHECK(pages_left.count(p["page"].get<int>()) == 1);
}

TEST_CASE("explain: --grammar reads with the grammar named, and an unknown name is an error listing the names") {
  auto dir = aj::test::temp_dir("explain-forced");
  const std::string pdf = aj::test::corpus("seeds") + "/000_eaa2ca7fc8e25303.a.pdf";
  const auto j = explain(dir, {"--grammar", "ska-grid", pdf});
  for (const auto& g : j["grammars"]) CHECK(g["reads"].get<bool>() == (g["name"] == "ska-grid"));
  CHECK(j["records"][0]["grammar"] == "ska-grid");

  auto r = run_aj(dir, {"explain", "--grammar", "ska-gird", pdf});
  CHECK(r.code == 1);
  CHECK(r.err.find("no grammar named 'ska-gird'") != std::string::npos);
  CHECK(r.err.find("ska-grid") != std::string::npos);

  r = run_aj(dir, {"explain", pdf});   // the text form
  CHECK(r.code == 0);
  CHECK(r.out.find("<- reads this document") != std::string::npos);
  CHECK(r.out.find("label of title") != std::string::npos);
}

TEST_CASE("explain: over the corpus, a record is ok only when explain shows no line left") {
  auto dir = aj::test::temp_dir("explain-corpus");
  for (const std::string folder : {"seeds", "renderings", "other", "directives", "mixed"})
    for (const auto& pdf : aj::test::pdfs_in(folder)) {
      const auto j = explain(dir, {pdf});
      bool all_ok = true;
      for (const auto& r : j["records"]) all_ok = all_ok && r["status"] == "ok";
      bool any_left = false;
      for (const auto& l : j["lines"]) any_left = any_left || left(l["use"]);
      INFO(pdf);
      if (all_ok) CHECK_FALSE(any_left);
      if (any_left) CHECK_FALSE(all_ok);
    }
}
