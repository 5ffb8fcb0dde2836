// bullets.cpp — bullets found by their shape where Tesseract returned no
// word for them (see bullets.h for why).
#include "ocr/bullets.h"

#include <algorithm>

#include "ocr/pix.h"

namespace aj::ocr {
namespace {

bool overlaps(const PixelBox& a, const PixelBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// The share of the box's pixels that are ink: a filled disc is π/4 ≈ 0.79,
// a filled square 1; a letter, a ring (o) or a check box far less.
double ink_share(PIX* ink, const PixelBox& b) {
  const int w = b.x1 - b.x0, h = b.y1 - b.y0;
  BOX* box = boxCreate(b.x0, b.y0, w, h);
  PixPtr clip(box ? pixClipRectangle(ink, box, nullptr) : nullptr);
  boxDestroy(&box);
  l_int32 count = 0;
  if (!clip || pixCountPixels(clip.get(), &count, nullptr) != 0) return 0;
  return static_cast<double>(count) / (static_cast<double>(w) * h);
}

// What a blob's size and proportions make it: a bullet (•, ▪: about as wide
// as tall, a fifth to three quarters of a line high), a dash (–: flat, at
// least 2.5 times as wide as thick, under 0.9 of a line wide), or neither.
const char* bullet_shape(const PixelBox& b, double line_height) {
  const int w = b.x1 - b.x0, h = b.y1 - b.y0;
  const int small = std::min(w, h), large = std::max(w, h);
  if (small >= 0.2 * line_height && large <= 0.75 * line_height && large <= 1.5 * small) return "\u2022";
  if (w >= 0.2 * line_height && w <= 0.9 * line_height && h <= 0.15 * line_height && w >= 2.5 * h) return "\u2013";
  return nullptr;
}

}  // namespace

std::vector<FoundBullet> find_dropped_bullets(PIX* ink, const std::vector<LineStart>& lines,
                                              const std::vector<PixelBox>& words) {
  std::vector<FoundBullet> out;
  if (lines.empty() || !ink || pixGetDepth(ink) != 1) return out;
  std::vector<int> heights;
  for (const LineStart& l : lines) heights.push_back(l.line.y1 - l.line.y0);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const double line_height = heights[heights.size() / 2];
  if (line_height <= 0) return out;

  BoxaPtr blobs(pixConnCompBB(ink, 8));
  if (!blobs) return out;
  std::vector<bool> taken(lines.size(), false);
  const l_int32 n = boxaGetCount(blobs.get());
  for (l_int32 i = 0; i < n; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(blobs.get(), i, &x, &y, &w, &h) != 0) continue;
    const PixelBox blob{x, y, x + w, y + h};
    const char* glyph = bullet_shape(blob, line_height);
    if (!glyph) continue;
    if (std::any_of(words.begin(), words.end(), [&](const PixelBox& b) { return overlaps(blob, b); })) continue;
    if (ink_share(ink, blob) < 0.6) continue;
    // The line whose first word follows nearest on its right, level with it.
    const double middle = y + h / 2.0;
    size_t best = lines.size();
    int best_gap = 0;
    for (size_t j = 0; j < lines.size(); ++j) {
      const LineStart& l = lines[j];
      const int gap = l.first_word.x0 - blob.x1;
      if (taken[j] || gap < 0.15 * line_height || gap > 4 * line_height) continue;
      if (middle < l.line.y0 || middle > l.baseline) continue;
      if (best == lines.size() || gap < best_gap) best = j, best_gap = gap;
    }
    if (best == lines.size()) continue;
    taken[best] = true;
    out.push_back(FoundBullet{best, blob, glyph});
  }
  return out;
}

}  // namespace aj::ocr
