// bullets.h — list bullets Tesseract's page segmentation left out (internal
// to src/ocr/).
//
// A column of bullets set a tab's width left of their items looks to
// Tesseract's layout analysis like a column of noise: on the seed scans it
// returned no word for most of them (001's page 2: none of 17), and a cell of
// three results then reads as one; dashes set as bullets fare the same. The
// bullets are still on the page, as filled round (or square) blobs of about
// half an x-height or as short flat bars, each level with the first word of a
// line to its right. This finds them by that shape.
#pragma once

#include <leptonica/allheaders.h>

#include <vector>

namespace aj::ocr {

// Pixel boxes of the straightened image, as Tesseract reports them.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A text line as Tesseract found it: its box, its baseline under its first
// word, and that word's box.
struct LineStart {
  PixelBox line;
  int baseline = 0;
  PixelBox first_word;
};

struct FoundBullet {
  size_t line = 0;   // index into the lines given
  PixelBox box;
  const char* text = "";   // "•" or "–", as the shape is
};

// The bullets in `ink` (the recognised image made 1-bit) that no word in
// `words` covers: an isolated filled blob, either as wide as tall within
// half again and between a fifth and three quarters of the page's median
// line height across (•), or flat and under 0.9 of that height wide (–);
// its middle between a line's top and its baseline, before the line's first
// word by a gap of a space to a few tabs. At most one per line.
std::vector<FoundBullet> find_dropped_bullets(PIX* ink, const std::vector<LineStart>& lines,
                                              const std::vector<PixelBox>& words);

}  // namespace aj::ocr
