// pdf.h — the first stage: a PDF's words with their boxes and fonts, per page.
//
// Poppler's C++ API gives words (never lines or blocks) in its own reading
// order, which interleaves table columns; layout/ rebuilds the structure from
// the boxes. Nothing here throws: a PDF that cannot be read yields a Document
// with no pages and a Problem saying why (not a PDF, damaged, encrypted), and
// a page without any text yields a no_text_layer problem for that page.
//
// A page with no text layer (or almost no characters for its area, like a
// scan with a stamp's few letters) is rendered at 300 dpi grey and read by
// OCR (ocr/) unless OcrMode::off; its words replace the page's and carry the
// same fields, so layout/ cannot tell them apart. What OCR did is said as
// problems: ocr_used per OCR'd page (a record built from it is at best
// partial), ocr_low_confidence per doubtful word with its box.
//
// Poppler keeps process-wide state (GlobalParams) that the first open
// document creates and the last one destroys. Extractor keeps a small
// sentinel document open for its whole life, so that state is built once
// per process instead of once per file (measured: ~2.7× faster on many
// small files). Make one Extractor per process and reuse it.
#pragma once

#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_info.h"
#include "core/problem.h"

namespace aj::ocr {
class Engine;
}
namespace poppler {
class document;
class page;
}

namespace aj::extract {

// When pages are read by OCR: auto_detect those without a usable text
// layer, off never (they stay no_text_layer), force every page.
enum class OcrMode { auto_detect, off, force };

struct OcrOptions {
  OcrMode mode = OcrMode::auto_detect;
  std::string languages = "est";   // Tesseract's names: "est", "est+eng"
};

// Called with a page's number just before its image goes to OCR (after the
// blank-page check): an import's worker tells its parent, which gives each
// OCR'd page time of its own (import/workers.h) and counts it on the bar.
using OcrPageHook = std::function<void(int page)>;

// Words Tesseract rates below this (0–100) are ocr_low_confidence.
inline constexpr double kLowOcrConfidence = 50;

struct Word {
  std::string text;       // UTF-8, as the PDF's ToUnicode map says (not yet normalised)
  Box box;                // points, top-left origin
  std::string font;       // base font name without the subset prefix ("LiberationSans-Bold")
  double size = 0;        // font size in points
  bool space_after = false;  // Poppler saw a space after this word on the same line
};

struct Page {
  int number = 0;         // 1-based
  double width = 0, height = 0;   // as displayed (a /Rotate 90 page is its MediaBox turned)
  std::vector<Word> words;
  bool ocr = false;               // the words were recognised from the page's image
};

// True when the two words stand on one line: their vertical extents overlap
// by more than half the smaller one's.
bool same_line(const Word& a, const Word& b);

// True when no other of `words` ends less than `gap` points left of w on its
// line: w opens its line (or a column further right).
bool opens_line(const Word& w, const std::vector<Word>& words, double gap);

struct Document {
  std::vector<Page> pages;
  DocInfo info;
  std::vector<Problem> problems;
  // True when pages could be read (problems may still name empty pages).
  bool readable() const { return !pages.empty(); }
  int ocr_pages() const;
};

class Extractor {
 public:
  Extractor();
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  Document load_file(const std::string& path, const OcrPageHook& before_ocr_page = {}) const;
  Document load_bytes(std::string_view bytes, const OcrPageHook& before_ocr_page = {}) const;

  // OCR settings for the documents loaded after; the engine is made on the
  // first page that needs it (born-digital runs never load a model).
  void set_ocr(OcrOptions options);
  const OcrOptions& ocr_options() const { return ocr_options_; }

 private:
  struct Sentinel;
  std::unique_ptr<Sentinel> sentinel_;
  OcrOptions ocr_options_;
  // Made lazily by the first page needing OCR; the error when it could not be.
  mutable std::unique_ptr<ocr::Engine> ocr_engine_;
  mutable std::string ocr_error_;
  mutable bool ocr_tried_ = false;
  const ocr::Engine* ocr_engine() const;
  Document read(poppler::document* doc, const OcrPageHook& before_ocr_page) const;
  // Replaces a page's words by OCR's when the mode and its text layer call for it.
  void recognise(poppler::page& source, Page& page, std::vector<Problem>& problems,
                 const OcrPageHook& before_ocr_page) const;
};

// True when the bytes start with the %PDF- signature (after at most 1 KiB of
// junk, which readers tolerate).
bool looks_like_pdf(std::string_view head);

}  // namespace aj::extract
