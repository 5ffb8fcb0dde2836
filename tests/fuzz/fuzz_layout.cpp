// fuzz_layout.cpp — libFuzzer target: layout analysis of any words in any
// places. The input is a run of 10-byte records, each one word: page (of 3),
// x and y (signed 16-bit, so off the page too), width and height, font size,
// bold or not, and a word of the vocabulary below (bullets, a page number,
// Estonian text). The words go through layout::analyse with the shipped
// grammars' options, as the pipeline calls it. Not part of ctest.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_support.h"
#include "layout/layout.h"
#include "pipeline/layout_options.h"

namespace {

const char* const kWords[] = {"Ametijuhend", "1.", "Ülesanded", "•", "\uf0b7", "-", "Lk", "3", "/", "12",
                              "Ametikoha", "nimetus:", "juhataja", "IT-", "lahenduste", "õigus", "ja",
                              "Kinnitatud", "(", ")", "2024", "Allkiri", "  ", "", "Š", "ž"};

int16_t i16(const uint8_t* p) {
  int16_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  aj::fuzz::shipped();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  aj::extract::Document doc;
  for (int n = 1; n <= 3; ++n) doc.pages.push_back(aj::extract::Page{n, 595, 842, {}, false});
  constexpr size_t kRecord = 10;
  for (size_t at = 0; at + kRecord <= size; at += kRecord) {
    const uint8_t* r = data + at;
    const double x = i16(r + 1) / 8.0, y = i16(r + 3) / 8.0;
    const double w = r[5] / 2.0, h = r[6] / 8.0, font_size = r[7] / 8.0;
    aj::extract::Word word;
    word.text = kWords[r[8] % (sizeof kWords / sizeof *kWords)];
    word.box = aj::Box{x, y, x + w, y + h};
    word.font = r[9] & 1 ? "Arial-BoldMT" : "ArialMT";
    word.size = font_size;
    word.space_after = r[9] & 2;
    doc.pages[r[0] % 3].words.push_back(std::move(word));
  }
  const auto layout = aj::layout::analyse(doc, aj::pipeline::layout_options(aj::fuzz::shipped().grammars));
  // Every line names a page of the document.
  for (const auto& line : layout.lines)
    if (line.page < 1 || line.page > 3) __builtin_trap();
  return 0;
}
