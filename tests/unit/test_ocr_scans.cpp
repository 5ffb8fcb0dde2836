// test_ocr_scans.cpp — the seeds as scans of paper (corpus/scans/, made by
// scripts/corpus/make-scans: 200 dpi grey, turned 0.3–0.9°, speckled, JPEG)
// read by OCR into records: how close to their truth (field-F1, as
// shared/tools/score.py counts it), never `ok`, every one saying OCR was
// used; Estonian letters matter (a model without them scores lower); and
// the lexicon's diacritic checks (normalize/ocr_spelling.h).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "corpus_paths.h"
#include "normalize/hyphen.h"
#include "normalize/ocr_spelling.h"
#include "pipeline/pipeline.h"
#include "recognize/score.h"

namespace {

using json = nlohmann::json;

// Field-F1 of the scans' records against the truth beside each, read with
// OCR in `languages`; *statuses collects every record's status and whether
// it carries ocr_used.
double scan_f1(const std::vector<std::string>& pdfs, const std::string& languages,
               std::vector<std::pair<std::string, bool>>* statuses) {
  std::string error;
  auto pipeline = aj::pipeline::Pipeline::create(aj::test::grammars(), &error);
  REQUIRE_MESSAGE(pipeline, error);
  pipeline->set_ocr({aj::extract::OcrMode::auto_detect, languages});
  aj::recognize::Score score;
  for (const auto& pdf : pdfs) {
    std::ifstream in(std::filesystem::path(pdf).replace_extension(".json"));
    REQUIRE_MESSAGE(in, "no truth beside " << pdf);
    const json truth = json::parse(in);
    std::vector<json> got;
    for (const auto& r : pipeline->parse_file(pdf).records) {
      got.push_back(json::parse(aj::to_json(r).dump()));
      bool ocr_used = false;
      for (const auto& p : r.problems) ocr_used = ocr_used || p.code == aj::Code::ocr_used;
      if (statuses) statuses->emplace_back(std::string(aj::status_name(r.status)), ocr_used);
    }
    score.add(std::vector<json>(truth.begin(), truth.end()), got);
  }
  return score.f1();
}

}  // namespace

// The goal is 0.95 (issue 17); this build reaches 0.9716, since the bullets
// Tesseract leaves out are found by their shape (ocr/bullets.h), words it
// runs together over a word space are split, and a word's last mark that
// the ink shows to be a speck is left out or mended (ocr/final_marks.h).
// What still stands between it and the truth: OCR's own misreadings of
// single letters ("an" for "on", "õigüsed"), and long competency texts, one
// wrong letter of which loses the whole item.
TEST_CASE("ocr: the seed scans read near their truth, every record partial with ocr_used") {
  const auto pdfs = aj::test::pdfs_in("scans");
  REQUIRE(pdfs.size() == 5);
  std::vector<std::pair<std::string, bool>> statuses;
  const double f1 = scan_f1(pdfs, "est", &statuses);
  MESSAGE("field-F1 of corpus/scans: " << f1);
  CHECK(f1 >= 0.965);   // the goal is 0.95; the floor keeps what was won
  REQUIRE(statuses.size() == 5);
  for (const auto& [status, ocr_used] : statuses) {
    CHECK(status == "partial");   // OCR'd text is never ok
    CHECK(ocr_used);
  }
}

TEST_CASE("ocr: a model without Estonian letters scores lower on a scan than the Estonian one") {
  const std::vector<std::string> one{aj::test::corpus("scans/003_15a2b8cbd924b2ac.a.scan.pdf")};
  const double est = scan_f1(one, "est", nullptr);
  const double eng = scan_f1(one, "eng", nullptr);
  MESSAGE("003 scan: est " << est << ", eng " << eng);
  CHECK(est >= 0.93);
  CHECK(eng < est - 0.2);
}

TEST_CASE("ocr: item numbers misread are put right by their neighbours in the list") {
  aj::extract::Document doc;
  aj::extract::Page page;
  page.number = 1;
  page.ocr = true;
  double y = 100;
  for (const char* n : {"8.1.", "3.2.", "3.3.", "8.4.", "3.5:", "3.6.", "3.7", "2.4.", "12"}) {
    page.words.push_back(aj::extract::Word{n, aj::Box{70, y, 90, y + 11}, "", 11, true});
    page.words.push_back(aj::extract::Word{"Tekst", aj::Box{95, y, 130, y + 11}, "", 11, false});
    y += 20;
  }
  doc.pages.push_back(page);
  const auto changes = aj::normalize::correct_ocr_item_numbers(doc);
  std::vector<std::string> numbers;
  for (const auto& w : doc.pages[0].words)
    if (w.text != "Tekst") numbers.push_back(w.text);
  // The first item by the two after it, the middle ones by both sides, the
  // last by the two before it, the closing mark by the neighbours'; 2.4 fits
  // no run, and 12 is no item number.
  CHECK(numbers == std::vector<std::string>{"3.1.", "3.2.", "3.3.", "3.4.", "3.5.", "3.6.", "3.7.", "2.4.", "12"});
  CHECK(changes.size() == 4);
}

TEST_CASE("ocr: the lexicon takes a speck's dots off a word, and leaves names, acronyms and words it knows") {
  std::string error;
  const auto lexicon = aj::hyphen::Resolver::load(&error);
  REQUIRE_MESSAGE(lexicon, error);
  using aj::normalize::correct_ocr_word;
  CHECK(correct_ocr_word("toetämine", *lexicon) == "toetamine");
  CHECK(correct_ocr_word("Müude", *lexicon) == "Muude");
  CHECK(correct_ocr_word("(paküb),", *lexicon) == "(pakub),");
  CHECK(correct_ocr_word("keskkönnas", *lexicon) == "keskkonnas");
  // Known words, names and acronyms stay; a plain letter never gains a diacritic.
  for (const char* kept : {"tähelepanu", "Maret", "Holst", "SKAIS", "STAR-is", "2.1.", "kasutajaõigustega"})
    CHECK(correct_ocr_word(kept, *lexicon) == kept);
}
