// rows.cpp — layout steps 1–3: words → rows → segments, and page furniture.
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
// side only (which says nothing about a column there).
enum class Across { crossed, both_sides, one_side };

static Across across(const Row& r, double x) {
  bool left = false, right = false;
  for (const auto& w : r.segs.front().words) {
    if (w.box.x0 < x - 0.5 && w.box.x1 > x + 0.5) return Across::crossed;
    left = left || w.box.x1 <= x + 0.5;
    right = right || w.box.x0 >= x - 0.5;
  }
  return left && right ? Across::both_sides : Across::one_side;
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

// Step 2: split rows into segments at column gaps. A wide gap is a column
// gap when it is very wide, or when it is part of a river of white space:
// the rows above and below it do not run across it either, for several rows
// (a table's gutter runs the table's whole height). Justified text has wide
// gaps too, but the lines around them run straight across.
void split_columns(std::vector<Row>& rows) {
  // Consecutive rows of the same page, no further apart than a blank line.
  auto linked = [&](size_t a, size_t b, double size) {
    return rows[a].page == rows[b].page && std::fabs(rows[b].y0 - rows[a].y0) <= 3 * size;
  };
  std::vector<std::vector<size_t>> cuts(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& ws = rows[r].segs.front().words;
    for (size_t i = 1; i < ws.size(); ++i) {
      const double size = ws[i - 1].size;
      const double gap = ws[i].box.x0 - ws[i - 1].box.x1;
      if (gap <= kCandidateColumnGap * size) continue;
      if (gap > kSureColumnGap * size) {
        cuts[r].push_back(i);
        continue;
      }
      // Walk up and down while no line crosses the boundary; rows with text
      // on both sides are evidence, one-sided rows are passed over.
      const double x = ws[i].box.x0, boundary = x - 1.0;
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

static std::string normalize_digits(const std::string& s) {
  std::string out;
  for (char c : s) out += (c >= '0' && c <= '9') ? '#' : c;
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

// Step 3: page furniture.
std::vector<bool> find_furniture(const std::vector<Row>& rows, const std::vector<PageInfo>& pages,
                                 const Options& options) {
  // Case-insensitive unless a pattern starts with (?-i), as every grammar pattern is (_common.toml).
  RE2::Options case_insensitive;
  case_insensitive.set_case_sensitive(false);
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const auto& p : options.furniture_patterns) patterns.push_back(std::make_unique<RE2>(p, case_insensitive));
  auto in_margin = [&](const Row& r) {
    const auto& pg = pages[r.page - 1];
    return r.y1 < options.margin_fraction * pg.height || r.y0 > (1 - options.margin_fraction) * pg.height;
  };
  std::map<std::string, std::set<int>> seen;  // margin text (digits masked) → pages
  for (const auto& r : rows)
    if (in_margin(r)) seen[normalize_digits(row_text(r))].insert(r.page);
  std::vector<bool> out(rows.size(), false);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!in_margin(rows[i])) continue;
    std::string t = row_text(rows[i]);
    bool match = false;
    for (const auto& p : patterns) match = match || RE2::FullMatch(t, *p);
    // A running header or footer stands on most pages; an approval stamp
    // that opens a few appendices of a directive is not one.
    const size_t repeats = seen[normalize_digits(t)].size();
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
