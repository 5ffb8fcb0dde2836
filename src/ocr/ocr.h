// ocr.h — optical character recognition of one page image: words with boxes
// in PDF points and a confidence each (Tesseract's C++ API, Leptonica).
//
// The one narrow interface between the pipeline and Tesseract: extract/
// renders a page that has no text layer and hands its grey pixels here; the
// words come back in the shape born-digital words have (text, box in points
// with a top-left origin), so the same layout analysis reads both. Small skew
// (a sheet fed a little askew, up to a few degrees) is straightened first, so
// lines and table columns come out level; boxes are in the straightened page,
// which differs from the scan by under a point for such angles.
//
// An Engine holds one Tesseract instance (~100 MB with its language model);
// make one per process, lazily, and reuse it: loading costs ~0.3 s. Nothing
// here throws: a missing language model is an error message from create().
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"

namespace aj::ocr {

// 8-bit grey pixels, row-major, `stride` bytes per row, rendered at `dpi`.
struct Image {
  int width = 0, height = 0, stride = 0;
  double dpi = 300;
  const unsigned char* grey = nullptr;   // not owned; outlives read()
};

struct Word {
  std::string text;          // UTF-8 as recognised
  Box box;                   // PDF points, top-left origin
  double confidence = 0;     // 0–100, Tesseract's word confidence
  double size = 0;           // the height of the word's text line, in points (a font-size stand-in)
  bool space_after = false;  // another word follows on the same text line
};

struct Page {
  std::vector<Word> words;
  double skew_degrees = 0;   // the angle straightened before recognition
  int unsure_marks = 0;      // marks (no letter or digit) left out of words as specks
  int speck_marks = 0;       // sure marks at a word's end that the ink shows to be specks: left out or mended
  int split_words = 0;       // words split where two letters stood a word space apart
  int shaped_bullets = 0;    // bullets Tesseract left out, found by their shape (bullets.h)
};

// True when the UTF-8 text holds a letter or a digit of any script; text
// without one is a mark (punctuation, or a speck read as one).
bool has_letter_or_digit(std::string_view utf8);

class Engine {
 public:
  // `languages` as Tesseract names them: "est", "est+eng". nullptr and
  // *error (saying which model is missing and how to install it) when
  // Tesseract cannot load them.
  static std::unique_ptr<Engine> create(const std::string& languages, std::string* error);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  Page read(const Image& image) const;
  const std::string& languages() const;

 private:
  Engine();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aj::ocr
