// final_marks.cpp — the last run of ink columns of a word, split into its
// dots, weighed against print's smallest dot (see final_marks.h).
#include "ocr/final_marks.h"

#include <algorithm>
#include <vector>

namespace aj::ocr {
namespace {

bool inked(PIX* ink, int x, int y) {
  l_uint32 v = 0;
  return pixGetPixel(ink, x, y, &v) == 0 && v != 0;
}

bool column_inked(PIX* ink, int x, int y0, int y1) {
  for (int y = y0; y <= y1; ++y)
    if (inked(ink, x, y)) return true;
  return false;
}

struct Dot {
  int top = 0, bottom = 0, pixels = 0;
};

}  // namespace

MarkInk weigh_final_mark(PIX* ink, int x1, int y0, int y1, int body_height, const std::string& mark) {
  if (!ink || body_height <= 0 || (mark != "." && mark != ":" && mark != ";")) return MarkInk::print;
  const int width = pixGetWidth(ink), height = pixGetHeight(ink);
  y0 = std::max(0, y0);
  y1 = std::min(height - 1, y1);
  // From a little right of the word's box leftwards: white, the mark's
  // columns, then white again before the letter (or the mark touches it).
  int right = std::min(width - 1, x1 + 3);
  const int reach = std::max(4, body_height / 2);
  const int stop = std::max(0, x1 - reach);
  while (right > stop && !column_inked(ink, right, y0, y1)) --right;
  int left = right;
  while (left - 1 > stop && column_inked(ink, left - 1, y0, y1)) --left;
  if (left - 1 <= stop || right <= stop) return MarkInk::print;   // no white before it: touches its letter
  // The run's dots, top to bottom, split at rows without ink.
  std::vector<Dot> dots;
  bool in_dot = false;
  for (int y = y0; y <= y1; ++y) {
    int row = 0;
    for (int x = left; x <= right; ++x) row += inked(ink, x, y);
    if (row == 0) {
      in_dot = false;
      continue;
    }
    if (!in_dot) dots.push_back(Dot{y, y, 0});
    in_dot = true;
    dots.back().bottom = y;
    dots.back().pixels += row;
  }
  if (dots.empty()) return MarkInk::print;
  if (dots.back().bottom - dots.front().top > 0.6 * body_height) return MarkInk::print;   // a letter's height
  const double least = (body_height / 11.0) * (body_height / 11.0);
  int total = 0;
  for (const Dot& d : dots) total += d.pixels;
  if (total < least) return MarkInk::speck;
  const bool two_part = mark == ":" || mark == ";";
  if (two_part && dots.size() >= 2 && dots.front().pixels < least && dots.back().pixels >= least) return MarkInk::lower;
  return MarkInk::print;
}

}  // namespace aj::ocr
