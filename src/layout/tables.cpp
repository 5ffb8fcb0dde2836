// tables.cpp — layout steps 4–6: tables, their rows and cells, paragraphs,
// and the reading order of the final lines.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "layout/internal.h"

namespace aj::layout::detail {
namespace {

constexpr double kColumnTolerance = 4.0;   // points: a line starts at a column edge
constexpr double kIndentReach = 40.0;      // points: an unaligned start this far right of an edge is an indent
constexpr double kParagraphGap = 0.35;     // × size: a vertical gap that ends a paragraph
constexpr double kHangIndent = 0.8;         // × size: continuation lines this far right of the first hang
constexpr double kHangTolerance = 1.5;      // points: a line back at the first line's left edge
constexpr double kPitchStep = 0.12;        // × size: line pitch beyond the column's usual that ends a paragraph
constexpr double kTableGap = 1.8;          // × size: a vertical gap that ends a table
constexpr size_t kEdgeWindow = 6;          // lines either side that define a column's right edge
constexpr double kMergeGap = 2.2;          // × size: wider gaps are always gutters (as in rows.cpp)

double row_size(const Row& r) { return r.segs.front().words.front().size; }

// Index of the column a left edge x falls in, or -1 left of the table.
int column_of(double x, const std::vector<double>& cols) {
  int k = -1;
  for (size_t i = 0; i < cols.size(); ++i)
    if (x >= cols[i] - kColumnTolerance) k = static_cast<int>(i);
  return k;
}

bool aligned(double x, const std::vector<double>& cols) {
  for (double c : cols)
    if (std::fabs(c - x) <= kColumnTolerance) return true;
  return false;
}

double seg_size(const Seg& s) { return s.words.front().size; }

// A segment that starts inside a column, past an indent, right after another
// segment of the same column across a narrow gap: the gap was a justified
// word space that happened to line up with others, not a gutter.
bool stray(const Seg& prev, const Seg& s, const std::vector<double>& cols) {
  int k = column_of(s.box.x0, cols);
  return k >= 0 && s.box.x0 > cols[k] + kIndentReach && column_of(prev.box.x0, cols) == k &&
         s.box.x0 - prev.box.x1 <= kMergeGap * seg_size(prev);
}

// A multi-segment row continues a table when its first segment starts at
// the first column and every other segment starts at a column, a little
// right of one (an indented continuation, such as a bullet item's second
// line), or is a stray piece of the cell before it. A segment at a new
// position means a different table.
bool continues(const Row& r, const std::vector<double>& cols) {
  if (!aligned(r.segs.front().box.x0, cols)) return false;
  for (size_t i = 0; i < r.segs.size(); ++i) {
    const auto& s = r.segs[i];
    int k = column_of(s.box.x0, cols);
    if (k < 0) return false;
    if (s.box.x0 > cols[k] + kIndentReach && !(i > 0 && stray(r.segs[i - 1], s, cols))) return false;
  }
  return true;
}

// Joins stray segments to the cell line before them.
void merge_strays(Row& r, const std::vector<double>& cols) {
  std::vector<Seg> merged;
  for (auto& s : r.segs) {
    if (!merged.empty() && stray(merged.back(), s, cols)) {
      Seg& m = merged.back();
      m.box = Box{std::min(m.box.x0, s.box.x0), std::min(m.box.y0, s.box.y0), std::max(m.box.x1, s.box.x1),
                  std::max(m.box.y1, s.box.y1)};
      for (auto& w : s.words) m.words.push_back(std::move(w));
      continue;
    }
    merged.push_back(std::move(s));
  }
  r.segs = std::move(merged);
}

// A single segment belongs to the table when it lies in a right-hand column,
// or starts in the first column and ends before the second one begins.
bool fits(const Seg& s, const std::vector<double>& cols) {
  int k = column_of(s.box.x0, cols);
  if (k < 0) return false;
  if (k >= 1) return true;
  return s.box.x1 <= cols[1] + kColumnTolerance;
}

// "2.1.", "3.4", "4)" at the start of a line: a numbered item.
bool numbered(const std::string& text) {
  static const RE2 re(R"(^\d{1,2}(\.\d{1,2})*[.)]?\s)");
  return RE2::PartialMatch(text, re);
}

bool ends_sentence(const std::string& t) {
  return !t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == ':' || t.back() == '!' || t.back() == '?');
}

bool starts_upper(const std::string& t) {
  static const RE2 re(R"(^\p{Lu})");
  return RE2::PartialMatch(t, re);
}

bool ends_hyphenated(const std::string& t) {
  return !t.empty() && (t.back() == '-' || (t.size() >= 2 && t.compare(t.size() - 2, 2, "\u00AD") == 0));
}

// How far line b stands below line a, in b's font sizes: the lesser of
// the distances between their tops and between their bottoms, so a tall
// glyph on one line (a Symbol bullet) does not count as spacing. Nothing
// when they are on different pages or in different sizes.
std::optional<double> pitch_between(const Line& a, const Line& b) {
  if (a.page != b.page || std::fabs(a.size - b.size) > 0.1) return std::nullopt;
  return std::min(b.box.y0 - a.box.y0, b.box.y1 - a.box.y1) / std::max(b.size, 1.0);
}

// The line pitch of the column's paragraphs, in font sizes: the smallest
// pitch between consecutive lines that occurs twice (0 when none does).
// Not the median: in a list of one-line items most neighbours are items,
// a pitch apart plus their spacing.
double usual_pitch(const std::vector<Line*>& stream) {
  std::vector<double> pitches;
  for (size_t at = 1; at < stream.size(); ++at) {
    const auto p = pitch_between(*stream[at - 1], *stream[at]);
    if (p && *p > 0.8 && *p < 2.5) pitches.push_back(*p);
  }
  std::sort(pitches.begin(), pitches.end());
  for (size_t i = 0; i + 1 < pitches.size(); ++i)
    if (pitches[i + 1] - pitches[i] <= 0.03) return pitches[i + 1];
  return 0;
}

// Step 6: paragraph starts along one column's lines (in order). A line
// starts a paragraph after a bullet or item number, after a vertical gap
// wider than line spacing or a pitch beyond the column's usual one
// (usual_pitch), or when its first word would have fitted at the
// end of the line above (which therefore ended its paragraph early; this is
// what still separates list items whose bullets were lost). At a page
// break the gap says nothing: a finished sentence followed by a capital
// decides instead. Under a hanging indent (the lines after a paragraph's
// first stand right of it), a line back at the first line's left edge
// starts the next paragraph.
void mark_paragraphs(std::vector<Line*>& stream) {
  const double pitch = usual_pitch(stream);
  // The column's right edge near a line: the widest of its neighbours in
  // the stream (a block may be narrower than the page, a page may hold only
  // a few short lines).
  auto right_edge = [&](size_t at) {
    double edge = 0;
    for (size_t k = at >= kEdgeWindow ? at - kEdgeWindow : 0; k < std::min(stream.size(), at + kEdgeWindow + 1); ++k)
      edge = std::max(edge, stream[k]->box.x1);
    return edge;
  };
  const Line* prev = nullptr;
  bool in_bullet_item = false;
  // The paragraph's first line's left edge, and whether its lines after the
  // first hang to the right of it (a list item's hanging indent).
  double first_x0 = 0;
  bool hanging = false;
  for (size_t at = 0; at < stream.size(); ++at) {
    Line* l = stream[at];
    bool start = !prev || l->bullet || numbered(l->text);
    if (prev && !start) {
      const double size = std::max(l->size, 1.0);
      if (l->page != prev->page) {
        // At a page break the gap says nothing: a finished sentence before a
        // capital, or an item ended by ';', starts a new paragraph (inside a
        // bulleted item, the next bullet will).
        start = !in_bullet_item && ends_sentence(prev->text) && (starts_upper(l->text) || prev->text.back() == ';');
      } else {
        bool gap = l->box.y0 - prev->box.y1 > kParagraphGap * size;
        // Space between paragraphs narrower than kParagraphGap (a browser's
        // list items, 2 pt apart) still shows as a longer pitch than the
        // column's lines usually have.
        const auto here = pitch_between(*prev, *l);
        gap = gap || (pitch > 0 && here && *here > pitch + kPitchStep);
        // Inside a bulleted item the bullets mark the items: a short line
        // there is a manual line break, not the item's end.
        bool would_fit = !in_bullet_item && !ends_hyphenated(prev->text) && l->first_word_width > 0 &&
                         prev->box.x1 + 0.3 * size + l->first_word_width < right_edge(at) - 2.0;
        // Under a hanging indent, a line back at the first line's left edge
        // is the next item's first line, its bullet or number lost or none.
        const bool steps_out = hanging && std::fabs(l->box.x0 - first_x0) <= kHangTolerance;
        start = gap || would_fit || steps_out;
      }
    }
    l->para_start = start;
    if (start) {
      in_bullet_item = l->bullet;
      first_x0 = l->box.x0;
      hanging = false;
    } else if (l->page == prev->page) {
      hanging = l->box.x0 > first_x0 + kHangIndent * std::max(l->size, 1.0);
    }
    prev = l;
  }
}

}  // namespace

void build_tables(std::vector<Row> rows, Layout& out) {
  // Step 4: which rows form tables, and each table's column edges.
  std::vector<int> row_table(rows.size(), -1);
  std::vector<std::vector<double>> cols;
  int open = -1;
  double bottom = 0;
  int open_page = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& r = rows[i];
    bool page_top = i == 0 || rows[i - 1].page != r.page;
    bool near = open >= 0 && ((r.page == open_page && r.y0 - bottom <= kTableGap * row_size(r)) ||
                              (r.page == open_page + 1 && page_top));
    if (r.segs.size() >= 2) {
      if (near && continues(r, cols[open])) {
        merge_strays(r, cols[open]);
      } else {
        open = static_cast<int>(cols.size());
        cols.emplace_back();
        for (const auto& s : r.segs) cols.back().push_back(s.box.x0);
      }
    } else if (!(near && fits(r.segs.front(), cols[open]))) {
      open = -1;
    }
    if (open >= 0) {
      row_table[i] = open;
      bottom = r.y1;
      open_page = r.page;
    }
  }

  // Lines, with their table and column.
  std::vector<std::vector<Line>> row_lines(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    for (const auto& s : rows[i].segs) {
      Line l = to_line(s);
      l.table = row_table[i];
      if (l.table >= 0) l.column = std::max(0, column_of(s.box.x0, cols[l.table]));
      row_lines[i].push_back(std::move(l));
    }

  // Step 6 first (rows need paragraph starts): one stream per table column,
  // and one for all text outside tables.
  std::map<std::pair<int, int>, std::vector<Line*>> streams;
  for (auto& ls : row_lines)
    for (auto& l : ls) streams[{l.table, l.column}].push_back(&l);
  for (auto& [key, stream] : streams) mark_paragraphs(stream);

  // Step 5: table rows start where the first column starts a paragraph, or
  // where every cell of a line changes weight at once (a bold label row over
  // a value row, which Word often sets without any spacing between them).
  std::vector<int> table_row_count(cols.size(), 0);
  std::map<std::pair<int, int>, bool> last_bold;  // (table, column) → weight of its last line
  for (size_t i = 0; i < rows.size(); ++i) {
    int t = row_table[i];
    if (t < 0) continue;
    bool starts = table_row_count[t] == 0;
    for (const auto& l : row_lines[i]) starts = starts || (l.column == 0 && l.para_start);
    bool all_switch = row_lines[i].size() >= 2;
    for (const auto& l : row_lines[i]) {
      auto it = last_bold.find({t, l.column});
      all_switch = all_switch && it != last_bold.end() && it->second != l.bold;
    }
    if (starts || all_switch) ++table_row_count[t];
    for (auto& l : row_lines[i]) {
      l.row = table_row_count[t] - 1;
      last_bold[{t, l.column}] = l.bold;
    }
  }

  // Reading order: a table is emitted whole where its first row stands.
  out.tables.assign(cols.size(), Table{});
  for (size_t t = 0; t < cols.size(); ++t) {
    out.tables[t].columns = cols[t];
    out.tables[t].rows.resize(table_row_count[t]);
  }
  std::vector<bool> emitted(cols.size(), false);
  auto emit = [&](Line l) {
    out.lines.push_back(std::move(l));
    return static_cast<int>(out.lines.size() - 1);
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    int t = row_table[i];
    if (t < 0) {
      for (auto& l : row_lines[i]) emit(std::move(l));
      continue;
    }
    if (emitted[t]) continue;
    emitted[t] = true;
    Table& table = out.tables[t];
    table.page_first = rows[i].page;
    // Gather this table's lines by (row, column), keeping their vertical order.
    std::vector<std::vector<std::vector<Line>>> grid(table.rows.size(),
                                                     std::vector<std::vector<Line>>(table.columns.size()));
    for (size_t j = i; j < rows.size(); ++j) {
      if (row_table[j] != t) continue;
      table.page_last = rows[j].page;
      for (auto& l : row_lines[j]) grid[l.row][l.column].push_back(std::move(l));
    }
    for (size_t r = 0; r < grid.size(); ++r)
      for (size_t c = 0; c < grid[r].size(); ++c) {
        if (grid[r][c].empty()) continue;
        Cell cell{static_cast<int>(c), {}};
        for (auto& l : grid[r][c]) cell.lines.push_back(emit(std::move(l)));
        table.rows[r].cells.push_back(std::move(cell));
      }
  }
}

}  // namespace aj::layout::detail
