// test_ocr.cpp — OCR of a page without a text layer (corpus/bad/scanned.pdf):
// words with boxes on the page, Estonian letters kept, and what OCR did said as problems.
#include <doctest/doctest.h>

#include "corpus_paths.h"
#include "extract/pdf.h"

using aj::Code;
using aj::extract::Extractor;
using aj::extract::OcrMode;

TEST_CASE("ocr: a scanned page is read by OCR with boxes on the page, diacritics and an ocr_used problem") {
  Extractor ex;
  ex.set_ocr({OcrMode::auto_detect, "est"});
  auto doc = ex.load_file(aj::test::corpus("bad/scanned.pdf"));
  REQUIRE(doc.readable());
  CHECK(doc.ocr_pages() == 1);
  const auto& page = doc.pages.front();
  REQUIRE(page.words.size() > 50);
  std::string text;
  for (const auto& w : page.words) {
    CHECK(w.box.x0 >= 0);
    CHECK(w.box.x1 <= page.width + 1);
    CHECK(w.box.y1 <= page.height + 1);
    text += w.text + " ";
  }
  // A model that drops diacritics fails here.
  for (const char* letter : {"õ", "ä", "ü"}) CHECK_MESSAGE(text.find(letter) != std::string::npos, letter);
  bool used = false, no_text = false;
  for (const auto& p : doc.problems) {
    used = used || (p.code == Code::ocr_used && p.page == 1 && p.severity == aj::Severity::warning);
    no_text = no_text || p.code == Code::no_text_layer;
  }
  CHECK(used);
  CHECK_FALSE(no_text);
}

TEST_CASE("ocr: with OCR off a scanned page stays no_text_layer, and a born-digital page is never OCR'd") {
  Extractor ex;
  ex.set_ocr({OcrMode::off, "est"});
  auto off = ex.load_file(aj::test::corpus("bad/scanned.pdf"));
  REQUIRE(off.problems.size() == 1);
  CHECK(off.problems[0].code == Code::no_text_layer);
  ex.set_ocr({OcrMode::auto_detect, "est"});
  auto seed = ex.load_file(aj::test::corpus("seeds/000_eaa2ca7fc8e25303.a.pdf"));
  CHECK(seed.ocr_pages() == 0);
  CHECK(seed.problems.empty());
}

TEST_CASE("ocr: missing language data is a no_text_layer problem saying so, not a crash") {
  Extractor ex;
  ex.set_ocr({OcrMode::auto_detect, "no-such-language"});
  auto doc = ex.load_file(aj::test::corpus("bad/scanned.pdf"));
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].code == Code::no_text_layer);
  CHECK(doc.problems[0].message.find("no-such-language") != std::string::npos);
}
