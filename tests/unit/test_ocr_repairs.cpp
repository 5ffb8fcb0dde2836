// test_ocr_repairs.cpp — what src/ocr/ puts right after Tesseract: bullets
// it left out, found by their shape (ocr/bullets.h: drawn blobs beside drawn
// lines' first words, and a scan whose bullets Tesseract drops, 001's page
// 2), and words it ran together over a word space.
#include <doctest/doctest.h>

#include <leptonica/allheaders.h>

#include <algorithm>

#include "corpus_paths.h"
#include "extract/pdf.h"
#include "ocr/bullets.h"
#include "ocr/final_marks.h"
#include "ocr/pix.h"

using aj::ocr::find_dropped_bullets;
using aj::ocr::LineStart;
using aj::ocr::PixelBox;
using aj::ocr::PixPtr;

namespace {

// The ink of a page scanned at 300 dpi (1-bit, 1 is ink): these rectangles.
PixPtr page_with(const std::vector<PixelBox>& ink) {
  PixPtr pix(pixCreate(800, 400, 1));
  for (const PixelBox& b : ink)
    for (int y = b.y0; y < b.y1; ++y)
      for (int x = b.x0; x < b.x1; ++x) pixSetPixel(pix.get(), x, y, 1);
  return pix;
}

// A line 44 px high (an 11-point line at 300 dpi) whose first word starts at x.
LineStart line_at(int x, int top) { return LineStart{PixelBox{x, top, 700, top + 44}, top + 34, PixelBox{x, top, x + 150, top + 44}}; }

}  // namespace

TEST_CASE("ocr repairs: a filled dot or a dash before a line's first word is a bullet, other blobs are not") {
  const std::vector<LineStart> lines{line_at(200, 20), line_at(200, 100), line_at(200, 180), line_at(200, 260)};
  std::vector<PixelBox> words;
  for (const auto& l : lines) words.push_back(l.first_word);
  SUBCASE("a dot and a dash, each level with its line") {
    const auto pix = page_with({{130, 34, 148, 52}, {120, 120, 150, 124}});
    const auto found = find_dropped_bullets(pix.get(), lines, words);
    REQUIRE(found.size() == 2);
    CHECK(std::string(found[0].text) == "\u2022");
    CHECK(found[0].line == 0);
    CHECK(std::string(found[1].text) == "\u2013");
    CHECK(found[1].line == 1);
  }
  SUBCASE("a ring, a tall bar, a blob too large, one below the baseline and one too far left are not") {
    PixPtr pix = page_with({{130, 34, 148, 52},                    // a dot …
                            {30, 194, 48, 212},                     // … a dot 152 px (3.5 lines) before its word: still one
                            {120, 260, 160, 300}});                 // a blob 40 px across: too large
    for (int y = 36; y < 50; ++y)                                   // hollow out the first: a ring (o, ☐)
      for (int x = 132; x < 146; ++x) pixSetPixel(pix.get(), x, y, 0);
    const auto found = find_dropped_bullets(pix.get(), lines, words);
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 2);
    const auto far = page_with({{0, 194, 18, 212}, {130, 118 + 44, 148, 118 + 62}});   // 182 px before; below its line
    CHECK(find_dropped_bullets(far.get(), lines, words).empty());
  }
  SUBCASE("a dot a word covers is that word's, not a bullet") {
    const auto pix = page_with({{130, 34, 148, 52}});
    std::vector<PixelBox> covering = words;
    covering.push_back(PixelBox{125, 20, 155, 64});
    CHECK(find_dropped_bullets(pix.get(), lines, covering).empty());
  }
}

TEST_CASE("ocr repairs: the items of a scanned result cell whose bullets Tesseract drops come out one by one") {
  aj::extract::Extractor ex;
  ex.set_ocr({aj::extract::OcrMode::auto_detect, "est"});
  const auto doc = ex.load_file(aj::test::corpus("scans/001_ada39cec4ddc1188.a.scan.pdf"));
  REQUIRE(doc.readable());
  REQUIRE(doc.pages.size() >= 2);
  int bullets = 0;
  for (const auto& w : doc.pages[1].words) bullets += w.text == "\u2022";
  CHECK(bullets >= 15);   // the seed's page 2 has 17
  bool said = false;
  for (const auto& p : doc.problems)
    said = said || (p.code == aj::Code::ocr_used && p.page == 2 && p.message.find("bullets found by their shape") != std::string::npos);
  CHECK(said);
}

TEST_CASE("ocr repairs: words Tesseract runs together over a word space are two words, and said so") {
  aj::extract::Extractor ex;
  ex.set_ocr({aj::extract::OcrMode::auto_detect, "est"});
  std::vector<std::string> words;
  auto read = [&](const std::string& rel) {
    auto doc = ex.load_file(aj::test::corpus(rel));
    REQUIRE(doc.readable());
    words.clear();
    for (const auto& page : doc.pages)
      for (const auto& w : page.words) words.push_back(w.text);
    return doc;
  };
  auto has = [&](const std::string& w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  read("scans/003_15a2b8cbd924b2ac.a.scan.pdf");
  CHECK(has("KINNITATUD"));   // capitals stand closer than a space: left whole
  const auto doc = read("scans/001_ada39cec4ddc1188.a.scan.pdf");
  CHECK_FALSE(has("saadatööalast"));   // Tesseract's reading of "saada tööalast"
  CHECK(has("tööalast"));
  CHECK_FALSE(has("Igatööülesande"));
  CHECK(has("tööülesande"));
  bool said = false;
  for (const auto& p : doc.problems)
    said = said || (p.code == aj::Code::ocr_used && p.message.find("split at a word space") != std::string::npos);
  CHECK(said);
}

TEST_CASE("ocr repairs: a word's last mark is weighed against print's smallest dot") {
  using aj::ocr::MarkInk;
  using aj::ocr::weigh_final_mark;
  // A letter (x 100–139) and, a gap on, what Tesseract read as the mark;
  // the line is 44 px high (11 points at 300 dpi), so print's dot has 16 px.
  auto weigh = [](const std::vector<PixelBox>& mark, const std::string& text) {
    std::vector<PixelBox> ink{{100, 10, 140, 35}};
    ink.insert(ink.end(), mark.begin(), mark.end());
    const auto pix = page_with(ink);
    return weigh_final_mark(pix.get(), 151, 0, 44, 44, text);
  };
  CHECK(weigh({{145, 30, 151, 36}}, ".") == MarkInk::print);                      // a full stop: 36 px
  CHECK(weigh({{145, 30, 147, 32}}, ".") == MarkInk::speck);                      // a speck: 4 px
  CHECK(weigh({{145, 14, 147, 16}}, ":") == MarkInk::speck);                      // a speck read as ':'
  CHECK(weigh({{145, 14, 147, 16}, {145, 30, 151, 36}}, ":") == MarkInk::lower);  // a speck over a full stop
  CHECK(weigh({{145, 14, 151, 20}, {145, 30, 151, 36}}, ":") == MarkInk::print);  // a colon
  CHECK(weigh({{145, 30, 147, 32}}, ",") == MarkInk::print);                      // commas are left alone
  CHECK(weigh({{140, 30, 142, 32}}, ".") == MarkInk::print);                      // touching its letter: unknown
}
