// internal.h — the steps of layout analysis, shared between its files.
// Not part of the stage's interface (layout.h is).
#pragma once

#include <string>
#include <vector>

#include "layout/layout.h"

namespace aj::layout::detail {

struct Word {
  std::string text;   // normalised
  Box box;
  double size = 0;
  bool bold = false;
  bool space_after = false;
};

struct Seg {
  int page = 0;
  Box box;
  std::vector<Word> words;
};

struct Row {
  int page = 0;
  double y0 = 0, y1 = 0;
  std::vector<Seg> segs;
};

// Step 1: one page's words → rows, each a single segment, top to bottom.
std::vector<Row> build_rows(const extract::Page& page);
// Step 3: splits each row's segment at confirmed column gaps; a column's
// river is followed from a page's last row to the next page's first, so pass
// the document's content rows (furniture set aside) in order.
void split_columns(std::vector<Row>& rows);
// Step 2, on whole rows: which rows are page furniture.
std::vector<bool> find_furniture(const std::vector<Row>& rows, const std::vector<PageInfo>& pages,
                                 const Options& options);
// A segment as a Line (text joined, bullet taken off); table fields unset.
Line to_line(const Seg& seg);
// Steps 4–6 over the document's content rows (furniture removed).
void build_tables(std::vector<Row> rows, Layout& out);

}  // namespace aj::layout::detail
