// test_directive.cpp — directives (käskkiri) approving job descriptions as
// appendices of one PDF: the split, the directive's facts, range expansion,
// written dates, and a list that disagrees with the PDF.
#include <doctest/doctest.h>

#include <fstream>

#include "corpus_paths.h"
#include "pipeline/pipeline.h"
#include "recognize/directive.h"

namespace {

using json = nlohmann::json;

json read_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in, path);
  return json::parse(in);
}

}  // namespace

TEST_CASE("directive: a directive with three appendices gives three records equal to their truth") {
  auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus("directives/2026-1.pdf"));
  json truth = read_json(aj::test::corpus("directives/2026-1.json"));
  REQUIRE(parsed.records.size() == 3);
  REQUIRE(truth.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    json got = json::parse(aj::to_json(parsed.records[i]).dump());
    for (auto it = truth[i].begin(); it != truth[i].end(); ++it) CHECK_MESSAGE(got[it.key()] == it.value(), it.key());
    CHECK(got["status"] == "ok");
  }
  CHECK(parsed.records[0].source.page_first == 2);
  CHECK(parsed.records[2].source.page_last == 11);
}

TEST_CASE("directive: the directive's facts equal its truth, in every corpus directive") {
  for (const char* name : {"2024-192", "2026-1", "2026-15", "2025-40-mismatch"}) {
    CAPTURE(name);
    auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus(std::string("directives/") + name + ".pdf"));
    REQUIRE(parsed.directive);
    json got = json::parse(aj::to_json(*parsed.directive).dump());
    json want = read_json(aj::test::corpus(std::string("directives/") + name + ".directive.json"));
    for (auto it = want.begin(); it != want.end(); ++it) CHECK_MESSAGE(got[it.key()] == it.value(), it.key());
    json truth = read_json(aj::test::corpus(std::string("directives/") + name + ".json"));
    CHECK(parsed.records.size() == truth.size());
  }
}

TEST_CASE("directive: a list that names more appendices than the PDF holds is a problem, not a guess") {
  auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus("directives/2025-40-mismatch.pdf"));
  REQUIRE(parsed.directive);
  REQUIRE(parsed.records.size() == 2);
  bool flagged = false;
  for (const auto& p : parsed.directive->problems) flagged = flagged || p.code == aj::Code::directive_mismatch;
  CHECK(flagged);
  for (const auto& r : parsed.records) CHECK(r.status == aj::Status::partial);
}

TEST_CASE("directive: a single job description with its own stamp is not split") {
  auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus("seeds/003_15a2b8cbd924b2ac.a.pdf"));
  CHECK_FALSE(parsed.directive);
  REQUIRE(parsed.records.size() == 1);
  CHECK(parsed.records[0].approval->directive_number == "53");
}

TEST_CASE("directive: appendix ranges expand, written dates parse, titles match across case endings") {
  const auto& set = aj::test::test_pipeline().grammars();
  REQUIRE_FALSE(set.directives.empty());
  const auto& g = set.directives.front();
  CHECK(aj::recognize::expand_ranges("lisad 1 kuni 2, 4 ja 7 kuni 10", g) == std::vector<int>{1, 2, 4, 7, 8, 9, 10});
  CHECK(aj::recognize::expand_ranges("lisa 2", g) == std::vector<int>{2});
  CHECK(aj::recognize::expand_ranges("lisad 3-5", g) == std::vector<int>{3, 4, 5});
  CHECK(aj::recognize::parse_written_date("2025. aasta 1. jaanuaril", set.dates) == "2025-01-01");
  CHECK(aj::recognize::parse_written_date("tagasiulatuvalt 2026. aasta 1. märtsist.", set.dates) == "2026-03-01");
  CHECK(aj::recognize::parse_written_date("1. septembrist 2025", set.dates) == "2025-09-01");
  CHECK(aj::recognize::parse_written_date("07.01.2026", set.dates) == "2026-01-07");
  CHECK_FALSE(aj::recognize::parse_written_date("allkirjastamisest", set.dates));
  CHECK(aj::recognize::same_title("talituse juhataja", "Talituse juhataja"));
  CHECK(aj::recognize::same_title("juhtivspetsialisti (PSK)", "Juhtivspetsialist (PSK)"));
  CHECK_FALSE(aj::recognize::same_title("talituse juhataja", "osakonna juhataja"));
}
