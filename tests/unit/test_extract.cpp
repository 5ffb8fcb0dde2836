// test_extract.cpp — the extraction stage on real PDFs: words with boxes and
// fonts, and problems (not crashes) for unreadable files.
#include <doctest/doctest.h>

#include <filesystem>

#include "corpus_paths.h"
#include "extract/pdf.h"

using aj::Code;
using aj::extract::Extractor;

TEST_CASE("extract: a seed PDF gives pages of words with boxes, fonts and sizes") {
  Extractor ex;
  auto doc = ex.load_file(aj::test::corpus("seeds/002_98af8cde75bf8c02.a.pdf"));
  REQUIRE(doc.readable());
  CHECK(doc.problems.empty());
  CHECK(doc.info.pages == static_cast<int>(doc.pages.size()));
  CHECK(doc.info.pages >= 2);
  const auto& p1 = doc.pages.front();
  CHECK(p1.width == doctest::Approx(595.3).epsilon(0.01));   // A4
  REQUIRE(!p1.words.empty());
  bool bold_label = false, pua_bullet = false;
  for (const auto& w : p1.words) {
    CHECK(w.box.x1 > w.box.x0);
    CHECK(w.box.y1 > w.box.y0);
    CHECK(w.size > 5);
    CHECK(w.font.find('+') == std::string::npos);   // subset prefix stripped
    bold_label = bold_label || (w.text == "Ametinimetus" && w.font.find("Bold") != std::string::npos);
    pua_bullet = pua_bullet || w.text == "\uF0B7";
  }
  CHECK(bold_label);
  CHECK(pua_bullet);   // Word's Symbol bullet comes through as U+F0B7
}

TEST_CASE("extract: a truncated PDF is pdf_damaged, not a crash") {
  auto doc = Extractor().load_file(aj::test::corpus("bad/truncated.pdf"));
  CHECK_FALSE(doc.readable());
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].code == Code::pdf_damaged);
}

TEST_CASE("extract: a user-password PDF is pdf_encrypted") {
  auto doc = Extractor().load_file(aj::test::corpus("bad/encrypted.pdf"));
  CHECK_FALSE(doc.readable());
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].code == Code::pdf_encrypted);
  CHECK(doc.info.encrypted);
}

TEST_CASE("extract: a text file named .pdf is not_a_pdf, a missing file is file_unreadable") {
  Extractor ex;
  auto doc = ex.load_file(aj::test::corpus("bad/not-a-pdf.pdf"));
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].code == Code::not_a_pdf);
  auto missing = ex.load_file(aj::test::corpus("bad/no-such-file.pdf"));
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].code == Code::file_unreadable);
}

TEST_CASE("extract: with OCR off a scanned page has no_text_layer with its page number") {
  Extractor ex;
  ex.set_ocr({aj::extract::OcrMode::off, "est"});
  auto doc = ex.load_file(aj::test::corpus("bad/scanned.pdf"));
  CHECK(doc.readable());
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].code == Code::no_text_layer);
  CHECK(doc.problems[0].page == 1);
}

TEST_CASE("extract: one Extractor reads many documents in a row") {
  Extractor ex;
  for (const auto& pdf : aj::test::seed_pdfs()) {
    auto doc = ex.load_file(pdf);
    CHECK_MESSAGE(doc.readable(), pdf);
    CHECK_MESSAGE(doc.problems.empty(), pdf);
  }
}

// corpus/rotated/ (scripts/corpus/make-rotations): seeds whose pages carry
// /Rotate 90, 180 or 270 over a drawing turned the other way, so they display
// upright. `<seed>.rot<T>.pdf` is read from `<seed>.pdf`.
namespace {

std::string original_of(const std::string& rotated) {
  std::string name = std::filesystem::path(rotated).filename().string();
  name.erase(name.rfind(".rot"));
  return aj::test::corpus("seeds/" + name + ".pdf");
}

}  // namespace

TEST_CASE("extract: a page under /Rotate 90, 180 or 270 gives the upright page's words, boxes and size") {
  auto rotated = aj::test::pdfs_in("rotated");
  REQUIRE(rotated.size() == 3);
  Extractor ex;
  for (const auto& pdf : rotated) {
    CAPTURE(pdf);
    auto turned = ex.load_file(pdf);
    auto upright = ex.load_file(original_of(pdf));
    REQUIRE(turned.pages.size() == upright.pages.size());
    CHECK(turned.problems.empty());
    for (size_t p = 0; p < turned.pages.size(); ++p) {
      const auto& t = turned.pages[p];
      const auto& u = upright.pages[p];
      CHECK(t.width == doctest::Approx(u.width));
      CHECK(t.height == doctest::Approx(u.height));
      REQUIRE(t.words.size() == u.words.size());
      for (size_t i = 0; i < t.words.size(); ++i) {
        CHECK(t.words[i].text == u.words[i].text);
        CHECK(t.words[i].box.x0 == doctest::Approx(u.words[i].box.x0).epsilon(0.005));
        CHECK(t.words[i].box.y1 == doctest::Approx(u.words[i].box.y1).epsilon(0.005));
      }
    }
  }
}

TEST_CASE("extract: a rotated job description yields the same records as its upright original") {
  for (const auto& pdf : aj::test::pdfs_in("rotated")) {
    CAPTURE(pdf);
    auto turned = aj::test::test_pipeline().parse_file(pdf);
    auto upright = aj::test::test_pipeline().parse_file(original_of(pdf));
    REQUIRE(turned.records.size() == upright.records.size());
    for (size_t i = 0; i < turned.records.size(); ++i) {
      auto got = aj::to_json(turned.records[i]);
      auto want = aj::to_json(upright.records[i]);
      CHECK(got["source"]["file"] == std::filesystem::path(pdf).filename().string());
      got.erase("source");
      want.erase("source");
      CHECK(got == want);
      CHECK(got["status"] == "ok");
    }
  }
}
