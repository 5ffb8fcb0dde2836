// test_corpus.cpp — every corpus PDF exports exactly its truth record.
//
// The truth files sit beside the PDFs (corpus/seeds/*.json, corpus/variants/*.json,
// corpus/other/*.json). A record is compared field by field; a failure lists each differing JSON path with the
// expected and the actual value, so a grammar author sees what broke.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "corpus_paths.h"
#include "pipeline/pipeline.h"
#include "recognize/directive.h"

namespace {

using json = nlohmann::json;

void diff(const json& want, const json& got, const std::string& path, std::vector<std::string>& out) {
  if (want.is_object() && got.is_object()) {
    for (auto it = want.begin(); it != want.end(); ++it)
      diff(it.value(), got.contains(it.key()) ? got[it.key()] : json(), path + "." + it.key(), out);
    return;
  }
  if (want.is_array() && got.is_array()) {
    for (size_t i = 0; i < std::max(want.size(), got.size()); ++i)
      diff(i < want.size() ? want[i] : json(), i < got.size() ? got[i] : json(), path + "[" + std::to_string(i) + "]",
           out);
    return;
  }
  if (want != got) out.push_back(path + "\n      want: " + want.dump() + "\n      got:  " + got.dump());
}

// Each PDF's records equal the truth beside it, with status ok and no problem.
void check_truths(const std::vector<std::string>& pdfs) {
  for (const auto& pdf : pdfs) {
    CAPTURE(pdf);
    std::string truth_path = std::filesystem::path(pdf).replace_extension(".json").string();
    std::ifstream in(truth_path);
    REQUIRE_MESSAGE(in, "no truth beside " << pdf);
    json truth = json::parse(in);
    REQUIRE(truth.is_array());
    auto parsed = aj::test::test_pipeline().parse_file(pdf);
    REQUIRE(parsed.records.size() == truth.size());
    for (size_t i = 0; i < truth.size(); ++i) {
      json got = json::parse(aj::to_json(parsed.records[i]).dump());
      std::vector<std::string> differences;
      diff(truth[i], got, "", differences);
      std::string report;
      for (const auto& d : differences) report += "\n    " + d;
      CHECK_MESSAGE(differences.empty(), pdf << " differs from its truth in " << differences.size() << " places:"
                                             << report);
      CHECK(got["status"] == "ok");
      CHECK(got["problems"].empty());
    }
  }
}

}  // namespace

TEST_CASE("corpus: every seed PDF (both renderings) exports its truth, status ok") {
  auto pdfs = aj::test::seed_pdfs();
  REQUIRE(pdfs.size() >= 10);
  check_truths(pdfs);
}

// Chromium's prints of the seeds as HTML (scripts/corpus/build_html.py):
// labels wrapped in a narrow column, list bullets drawn as shapes (items
// told apart only by 2 pt of extra line pitch), soft hyphens written as
// U+00AD U+2010; and variants: 12 pt (a heading wrapped in its table cell,
// a line broken after "ja -"), 10 pt, 4 pt between list items.
TEST_CASE("corpus: the seeds printed by Chromium from HTML export the same truth, status ok") {
  auto pdfs = aj::test::pdfs_in("renderings");
  REQUIRE(pdfs.size() == 9);
  check_truths(pdfs);
}

// corpus/org/ (scripts/corpus/make-org): one unit's linked job descriptions,
// whose names the organisation views resolve (test_org.cpp).
TEST_CASE("corpus: the org set of one unit exports its truth, status ok") {
  auto pdfs = aj::test::pdfs_in("org");
  REQUIRE(pdfs.size() == 3);
  check_truths(pdfs);
}

// corpus/variants/ (scripts/make-corpus variants): the seeds and directive
// 2026-1 as Word exports them with its Symbol-font bullet (U+F0B7) on every
// list in plain paragraphs, and justified, hyphenated, with a right-aligned
// "Lk N / M" footer set 2.6 cm up, outside the margin band.
TEST_CASE("corpus: Symbol-bullet and justified renderings with a high footer export their truth, status ok") {
  auto pdfs = aj::test::pdfs_in("variants");
  REQUIRE(pdfs.size() == 11);
  check_truths(pdfs);
  const std::string directive = aj::test::corpus("variants/2026-1.justified.pdf");
  auto parsed = aj::test::test_pipeline().parse_file(directive);
  REQUIRE(parsed.directive);
  std::ifstream in(std::filesystem::path(directive).replace_extension(".directive.json"));
  REQUIRE(in);
  const json want = json::parse(in);
  const json got = json::parse(aj::to_json(*parsed.directive).dump());
  for (auto it = want.begin(); it != want.end(); ++it) CHECK_MESSAGE(got[it.key()] == it.value(), it.key());
}

TEST_CASE("corpus: another agency's numbered layout exports its truth, partial for the lines no field takes") {
  // corpus/other/: numbered "N.N. Label: value" lines, no tables (grammars/numbered-inline.toml).
  const std::string pdf = aj::test::corpus("other/transpordiamet-hooldeinsener.pdf");
  std::ifstream in(std::filesystem::path(pdf).replace_extension(".json"));
  REQUIRE(in);
  json truth = json::parse(in);
  auto parsed = aj::test::test_pipeline().parse_file(pdf);
  REQUIRE(parsed.records.size() == 1);
  json got = json::parse(aj::to_json(parsed.records[0]).dump());
  std::vector<std::string> differences;
  diff(truth[0], got, "", differences);
  std::string report;
  for (const auto& d : differences) report += "\n    " + d;
  CHECK_MESSAGE(differences.empty(), "differs from its truth in " << differences.size() << " places:" << report);
  CHECK(parsed.records[0].grammar == "numbered-inline");
  // The work place and "Muud nõuded" are labels no field knows, the
  // acknowledgement line text no field took: reported, never glued on.
  CHECK(got["status"] == "partial");
  std::string unknown_labels, unassigned;
  for (const auto& p : parsed.records[0].problems) {
    CHECK(p.code != aj::Code::task_without_results);   // the family has no expected results
    if (p.code == aj::Code::label_unknown) unknown_labels += p.excerpt + "\n";
    if (p.code == aj::Code::text_unassigned) unassigned += p.excerpt + "\n";
  }
  CHECK(unknown_labels.find("1.7. Töökoht: Tartu") != std::string::npos);
  CHECK(unknown_labels.find("5.4. Muud nõuded") != std::string::npos);
  CHECK(unassigned.find("Ametijuhendiga tutvunud") != std::string::npos);
}

// Real-looking documents of the archives that are not job descriptions (a letter with
// "Teie | Meie" rows, a government order, an occupational standard with label | value
// tables): no grammar may take them for one.
TEST_CASE("corpus: a letter, a government order and a standard fail with no_grammar_matched") {
  for (const char* rel : {"bad/letter.pdf", "bad/government-order.pdf", "bad/occupational-standard.pdf"}) {
    CAPTURE(rel);
    auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus(rel));
    REQUIRE(parsed.records.size() == 1);
    const auto& r = parsed.records[0];
    CHECK(r.status == aj::Status::failed);
    bool unmatched = false;
    for (const auto& p : r.problems) unmatched = unmatched || p.code == aj::Code::no_grammar_matched;
    CHECK(unmatched);
  }
}

TEST_CASE("corpus: files that are not job descriptions are never ok") {
  for (const char* rel : {"bad/truncated.pdf", "bad/encrypted.pdf", "bad/not-a-pdf.pdf", "bad/scanned.pdf",
                          "bad/unknown-layout.pdf"}) {
    CAPTURE(rel);
    auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus(rel));
    REQUIRE(parsed.records.size() == 1);
    const auto& r = parsed.records[0];
    CHECK(r.status != aj::Status::ok);
    CHECK_FALSE(r.problems.empty());
    CHECK(r.source.file == std::filesystem::path(rel).filename().string());
  }
}
