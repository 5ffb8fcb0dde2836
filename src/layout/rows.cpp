// rows.cpp — layout steps 1–3: words → rows, page furniture, rows → segments.
// Thresholds are in units of the font size so they hold for 9 pt and 12 pt alike.
#include "layout/internal.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "normalize/text.h"

namespace aj::layout::detail {
namespace {

// A gap wider than this (× font size) may separate columns; it is accepted
// as one when another row of the page has a column starting at the same x,
// or when it is wider than kSureColumnGap. Justified text stretches word
// spaces, so a wide gap alone is no proof.
constexpr double kCandidateColumnGap = 0.75;
constexpr double kSureColumnGap = 2.2;
constexpr double kWideColumnGap = 1.3;
constexpr double kAlignTolerance = 2.5;     // points: two column starts are the same
constexpr double kWordSpace = 0.12;         // × size: a gap this wide is a space
constexpr double kLinePitch = 1.6;          // × size: two lines of one paragraph
constexpr double kSameHeight = 3.0;         // points: a running footer's rows on two pages

bool is_bold_font(const std::string& font) {
  std::string f = font;
  std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return std::tolower(c); });
  return f.find("bold") != std::string::npos || f.find("black") != std::string::npos ||
         f.find("heavy") != std::string::npos;
}

Box unite(Box a, const Box& b) {
  a.x0 = std::min(a.x0, b.x0);
  a.y0 = std::min(a.y0, b.y0);
  a.x1 = std::max(a.x1, b.x1);
  a.y1 = std::max(a.y1, b.y1);
  return a;
}

}  // namespace

// Step 1: words → rows, per page.
std::vector<Row> build_rows(const extract::Page& page) {
  std::vector<Word> words;
  for (const auto& w : page.words) {
    std::string t = normalize::clean(w.text);
    if (normalize::collapse_spaces(t).empty()) continue;
    words.push_back(Word{normalize::collapse_spaces(t), w.box, w.size > 0 ? w.size : w.box.height(),
                         is_bold_font(w.font), w.space_after});
  }
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    double ca = (a.box.y0 + a.box.y1) / 2, cb = (b.box.y0 + b.box.y1) / 2;
    return ca != cb ? ca < cb : a.box.x0 < b.box.x0;
  });
  // A word joins the current row when its centre lies near the row's mean
  // centre. Comparing with the mean (not with the row's growing extent)
  // keeps two columns whose baselines are offset by half a line from being
  // chained into one row.
  std::vector<Row> rows;
  std::vector<std::vector<Word>> row_words;
  std::vector<double> centre_sum;
  for (auto& w : words) {
    const double c = (w.box.y0 + w.box.y1) / 2;
    if (!rows.empty()) {
      Row& r = rows.back();
      const double mean = centre_sum.back() / row_words.back().size();
      if (std::fabs(c - mean) <= 0.4 * std::min(r.y1 - r.y0, w.box.height())) {
        r.y0 = std::min(r.y0, w.box.y0);
        r.y1 = std::max(r.y1, w.box.y1);
        centre_sum.back() += c;
        row_words.back().push_back(std::move(w));
        continue;
      }
    }
    rows.push_back(Row{page.number, w.box.y0, w.box.y1, {}});
    centre_sum.push_back(c);
    row_words.push_back({std::move(w)});
  }
  // Each row's words left to right, as one segment for now (split in step 2).
  for (size_t i = 0; i < rows.size(); ++i) {
    auto& ws = row_words[i];
    std::sort(ws.begin(), ws.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    Seg s{page.number, ws.front().box, {}};
    for (auto& w : ws) {
      s.box = unite(s.box, w.box);
      s.words.push_back(std::move(w));
    }
    rows[i].segs.push_back(std::move(s));
  }
  return rows;
}

static bool is_bullet_word(const Word& w) { return normalize::is_bullet_glyph(w.text); }

// Where a row stands with respect to a vertical line at x: a word crosses
// it, there is text on both sides (with white space at x), or text on one
// side only (which says nothing about a column there). A bullet alone on
// the left is one side too: a list's tab after its bullets is no gutter
// (a heading "6.<tab>TÖÖVAHENDID" over a list is not a table).
enum class Across { crossed, both_sides, one_side };

static Across across(const Row& r, double x) {
  const auto& ws = r.segs.front().words;
  size_t left = 0;
  bool right = false;
  for (const auto& w : ws) {
    if (w.box.x0 < x - 0.5 && w.box.x1 > x + 0.5) return Across::crossed;
    left += w.box.x1 <= x + 0.5;
    right = right || w.box.x0 >= x - 0.5;
  }
  if (left == 1 && is_bullet_word(ws.front())) return Across::one_side;
  return left > 0 && right ? Across::both_sides : Across::one_side;
}

// Does the row have a word starting at x after a gap (or at its start)?
static bool starts_at(const Row& r, double x) {
  const auto& ws = r.segs.front().words;
  for (size_t i = 0; i < ws.size(); ++i)
    if (std::fabs(ws[i].box.x0 - x) <= kAlignTolerance &&
        (i == 0 || ws[i].box.x0 - ws[i - 1].box.x1 > 0.5 * ws[i - 1].size))
      return true;
  return false;
}

// Step 3: split rows into segments at column gaps. A wide gap is a column
// gap when it is very wide, or when it is part of a river of white space:
// the rows above and below it do not run across it either, for several rows
// (a table's gutter runs the table's whole height). Justified text has wide
// gaps too, but the lines around them run straight across.
void split_columns(std::vector<Row>& rows) {
  // Consecutive rows no further apart than a blank line, or the last row of
  // a page and the first of the next (a table's gutter runs on over a page
  // break; furniture is already set aside).
  auto linked = [&](size_t a, size_t b, double size) {
    if (rows[b].page == rows[a].page + 1) return b == a + 1;
    return rows[a].page == rows[b].page && std::fabs(rows[b].y0 - rows[a].y0) <= 3 * size;
  };
  // A line of a justified paragraph: the lines right above and below it, at
  // line pitch, run across the gap. Justified text stretches a short line's
  // spaces past any column gap, but a gutter has white space above and below.
  auto inside_paragraph = [&](size_t r, double boundary, double size) {
    auto pitch_apart = [&](size_t a, size_t b) {
      return rows[a].page == rows[b].page && rows[b].y0 - rows[a].y0 <= kLinePitch * size;
    };
    return r > 0 && r + 1 < rows.size() && pitch_apart(r - 1, r) && pitch_apart(r, r + 1) &&
           across(rows[r - 1], boundary) == Across::crossed && across(rows[r + 1], boundary) == Across::crossed;
  };
  std::vector<std::vector<size_t>> cuts(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& ws = rows[r].segs.front().words;
    for (size_t i = 1; i < ws.size(); ++i) {
      const double size = ws[i - 1].size;
      const double gap = ws[i].box.x0 - ws[i - 1].box.x1;
      if (gap <= kCandidateColumnGap * size) continue;
      const double x = ws[i].box.x0, boundary = x - 1.0;
      if (gap > kSureColumnGap * size) {
        if (!inside_paragraph(r, boundary, size)) cuts[r].push_back(i);
        continue;
      }
      // Walk up and down while no line crosses the boundary; rows with text
      // on both sides are evidence, one-sided rows are passed over.
      int evidence = 1, support = 0;
      auto visit = [&](size_t k) {
        Across a = across(rows[k], boundary);
        if (a == Across::crossed) return false;
        evidence += a == Across::both_sides;
        support += starts_at(rows[k], x);
        return true;
      };
      for (size_t k = r; k > 0 && linked(k - 1, k, size) && visit(k - 1); --k) {
      }
      for (size_t k = r; k + 1 < rows.size() && linked(k, k + 1, size) && visit(k + 1); ++k) {
      }
      // A narrow gap needs a long river: justified lines line up by chance
      // for two or three rows, a table's gutter runs the table's height.
      const int needed = gap > kWideColumnGap * size ? 3 : 5;
      if (evidence >= needed || (evidence >= needed - 1 && support >= 2)) cuts[r].push_back(i);
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (cuts[r].empty()) continue;
    auto ws = std::move(rows[r].segs.front().words);
    rows[r].segs.clear();
    size_t from = 0;
    auto flush = [&](size_t to) {
      Seg s{rows[r].page, ws[from].box, {}};
      for (size_t k = from; k < to; ++k) {
        s.box = unite(s.box, ws[k].box);
        s.words.push_back(ws[k]);
      }
      rows[r].segs.push_back(std::move(s));
      from = to;
    };
    for (size_t cut : cuts[r]) {
      // A bullet glyph followed by a tab stays with its item.
      if (cut - from == 1 && is_bullet_word(ws[from])) continue;
      flush(cut);
    }
    flush(ws.size());
  }
}

// A running header or footer modulo its page number: each run of digits is
// one '#' ("Lk 9 / 12" and "Lk 10 / 12" are the same furniture).
static std::string mask_numbers(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool digit = c >= '0' && c <= '9';
    if (!digit) out += c;
    else if (out.empty() || out.back() != '#') out += '#';
  }
  return out;
}

static std::string seg_text(const Seg& s) {
  std::string out;
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (i > 0) {
      const auto& p = s.words[i - 1];
      bool space = p.space_after || s.words[i].box.x0 - p.box.x1 > kWordSpace * p.size;
      if (space) out += ' ';
    }
    out += s.words[i].text;
  }
  return out;
}

static std::string row_text(const Row& r) {
  std::string out;
  for (const auto& s : r.segs) {
    if (!out.empty()) out += ' ';
    out += seg_text(s);
  }
  return out;
}

// Step 2: page furniture, found on whole rows before any is split or joined.
// Where it may stand: in the top or bottom margin band, or as the first or
// last row of its page, set off from the text by a blank line, within the
// outer band (a footer set high, 2.6 cm up, sits outside the margin band).
// What it is: a row that matches a furniture pattern, or whose text
// (page numbers masked) stands at the same height on most pages, whatever
// its wording.
std::vector<bool> find_furniture(const std::vector<Row>& rows, const std::vector<PageInfo>& pages,
                                 const Options& options) {
  // Case-insensitive unless a pattern starts with (?-i), as every grammar pattern is (_common.toml).
  RE2::Options case_insensitive;
  case_insensitive.set_case_sensitive(false);
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const auto& p : options.furniture_patterns) patterns.push_back(std::make_unique<RE2>(p, case_insensitive));
  auto within = [&](const Row& r, double fraction) {
    const auto& pg = pages[r.page - 1];
    return r.y1 < fraction * pg.height || r.y0 > (1 - fraction) * pg.height;
  };
  // The first and last row of each page, when a blank line sets them off.
  std::vector<bool> set_off(rows.size(), false);
  for (size_t i = 0; i < rows.size(); ++i) {
    const double height = rows[i].y1 - rows[i].y0;
    const bool first = i == 0 || rows[i - 1].page != rows[i].page;
    const bool last = i + 1 == rows.size() || rows[i + 1].page != rows[i].page;
    const bool gap_below = !last && rows[i + 1].y0 - rows[i].y1 >= height;
    const bool gap_above = !first && rows[i].y0 - rows[i - 1].y1 >= height;
    set_off[i] = (first && gap_below) || (last && gap_above);
  }
  auto candidate = [&](size_t i) {
    return within(rows[i], options.margin_fraction) || (set_off[i] && within(rows[i], options.outer_fraction));
  };
  struct Place {
    int page;
    double y;
  };
  std::map<std::string, std::vector<Place>> seen;  // furniture-place text (numbers masked) → where it stands
  std::vector<std::string> text(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!candidate(i)) continue;
    text[i] = row_text(rows[i]);
    seen[mask_numbers(text[i])].push_back(Place{rows[i].page, rows[i].y0});
  }
  std::vector<bool> out(rows.size(), false);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!candidate(i)) continue;
    bool match = false;
    for (const auto& p : patterns) match = match || RE2::FullMatch(text[i], *p);
    // A running header or footer stands on most pages at one height; an
    // approval stamp that opens a few appendices of a directive is not one.
    std::set<int> repeated_on;
    for (const auto& place : seen[mask_numbers(text[i])])
      if (std::fabs(place.y - rows[i].y0) <= kSameHeight) repeated_on.insert(place.page);
    const size_t repeats = repeated_on.size();
    out[i] = match || (pages.size() > 1 && repeats >= 2 && 2 * repeats >= pages.size());
  }
  return out;
}

Line to_line(const Seg& seg) {
  Line line;
  line.page = seg.page;
  line.box = seg.box;
  Seg rest = seg;
  // A bullet is a word of its own ("\uF0B7", "▪", "-") or glued to the item's
  // first word when the PDF has no space after it ("•Arendatavad").
  const std::string bullet(normalize::kBullet);
  if (rest.words.size() > 1 && is_bullet_word(rest.words.front())) {
    rest.words.erase(rest.words.begin());
    line.bullet = true;
  } else if (!rest.words.empty() && rest.words.front().text.rfind(bullet, 0) == 0 &&
             rest.words.front().text.size() > bullet.size()) {
    rest.words.front().text.erase(0, bullet.size());
    line.bullet = true;
  }
  // LibreOffice sometimes draws an automatic line-end hyphen a point away
  // from its word; Poppler then makes it a word of its own. Glue it back.
  if (rest.words.size() > 1) {
    const auto& last = rest.words.back();
    const auto& prev = rest.words[rest.words.size() - 2];
    if ((last.text == "-" || last.text == "\u00AD") && last.box.x0 - prev.box.x1 < 0.2 * prev.size) {
      rest.words[rest.words.size() - 2].text += last.text;
      rest.words[rest.words.size() - 2].space_after = false;
      rest.words.pop_back();
    }
  }
  line.text = seg_text(rest);
  if (!rest.words.empty()) line.first_word_width = rest.words.front().box.width();
  if (!rest.words.empty()) {
    line.size = rest.words.front().size;
    line.bold = rest.words.front().bold;
  }
  return line;
}

}  // namespace aj::layout::detail
