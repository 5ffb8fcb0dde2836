// pdf.h — the first stage: a PDF's words with their boxes and fonts, per page.
//
// Poppler's C++ API gives words (never lines or blocks) in its own reading
// order, which interleaves table columns; layout/ rebuilds the structure from
// the boxes. Nothing here throws: a PDF that cannot be read yields a Document
// with no pages and a Problem saying why (not a PDF, damaged, encrypted), and
// a page without any text yields a no_text_layer problem for that page.
//
// Poppler keeps process-wide state (GlobalParams) that the first open
// document creates and the last one destroys. Extractor keeps a small
// sentinel document open for its whole life, so that state is built once
// per process instead of once per file (measured: ~2.7× faster on many
// small files). Make one Extractor per process and reuse it.
#pragma once

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_info.h"
#include "core/problem.h"

namespace aj::extract {

struct Word {
  std::string text;       // UTF-8, as the PDF's ToUnicode map says (not yet normalised)
  Box box;                // points, top-left origin
  std::string font;       // base font name without the subset prefix ("LiberationSans-Bold")
  double size = 0;        // font size in points
  bool space_after = false;  // Poppler saw a space after this word on the same line
};

struct Page {
  int number = 0;         // 1-based
  double width = 0, height = 0;
  std::vector<Word> words;
};

struct Document {
  std::vector<Page> pages;
  DocInfo info;
  std::vector<Problem> problems;
  // True when pages could be read (problems may still name empty pages).
  bool readable() const { return !pages.empty(); }
};

class Extractor {
 public:
  Extractor();
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  Document load_file(const std::string& path) const;
  Document load_bytes(std::string_view bytes) const;

 private:
  struct Sentinel;
  std::unique_ptr<Sentinel> sentinel_;
};

// True when the bytes start with the %PDF- signature (after at most 1 KiB of
// junk, which readers tolerate).
bool looks_like_pdf(std::string_view head);

}  // namespace aj::extract
