// final_marks.h — a word's last mark checked against the ink it stands for
// (internal to src/ocr/).
//
// A scan's specks that sit close to a word survive the cleanup (a letter's
// dots and diacritics sit as close), and the LSTM then reads them as a sure
// mark at the word's end: "Ametijuhend." for "Ametijuhend", "oma:" for
// "oma", and "sujuv;" for "sujuv," or "saavutatud:" for "saavutatud." where
// a speck sits above a real comma or full stop. Print's full stop is a dot
// about a tenth of the line height across (on the seed scans at 300 dpi,
// 24–30 pixels of ink); those specks have 7–12. So the mark's ink, the last
// run of ink columns of the word, is weighed: dots lighter than
// (line height / 11)² pixels are specks. A comma is left alone: its thin
// tail can weigh as little as a speck (tried: real commas were lost).
#pragma once

#include <leptonica/allheaders.h>

#include <string>

namespace aj::ocr {

enum class MarkInk {
  print,    // the mark is what the ink shows: keep it
  speck,    // no dot of print under it: leave it out
  lower,    // ":" or ";" whose upper dot is a speck: "." or ","
};

// Weighs the last mark of a word that ends at pixel column x1, in the text
// line's band y0..y1 of `ink` (1-bit, 1 is ink); `mark` is ".", ":" or ";"
// (anything else is print). A mark whose ink touches the letter before
// it, or is taller than a mark can be, is print: nothing is known.
MarkInk weigh_final_mark(PIX* ink, int x1, int y0, int y1, int body_height, const std::string& mark);

}  // namespace aj::ocr
