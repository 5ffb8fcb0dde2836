// readers.cpp — the fields, list and text readers, and what every reader
// shares (tasks.cpp holds the tasks reader, preamble.cpp the preamble's).
//
// Values are assigned by position on the page, not by the order Poppler or
// the layout emitted them: a value belongs to the nearest label above it
// (same page, or an earlier page) and, in a row of labels (a grid), to the
// label whose column it stands in. This reads a label | value table, a
// label-row-over-value-row grid and labels stacked over their values alike.
//
// A value never swallows another field's label: a line that some loaded
// grammar would read as a label (looks_like_label) ends the value above it
// and is left for the unassigned-text report; so is a value that stands in
// a table row or grid column whose label is gone, and a stacked value cut
// off from its label by a blank line.
#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <set>

#include "normalize/text.h"
#include "recognize/reading.h"
#include "recognize/values.h"

namespace aj::recognize {
namespace {

constexpr double kSameRow = 3.0;       // points: two lines start on the same row
constexpr double kSameColumn = 4.0;    // points: a value starts at or right of its label

struct LabelMatch {
  bool ok = false;
  std::string label;   // the label as written
  std::string rest;    // what follows it on the line
};

bool starts_with_letter(const std::string& s) {
  static const RE2 letter(R"(^\pL)");
  return RE2::PartialMatch(s, letter);
}

std::string strip_colon(std::string s) {
  s = trim(s);
  if (!s.empty() && s.front() == ':') s.erase(0, 1);
  return trim(s);
}

LabelMatch match_label(const FieldLabel& f, const std::string& text) {
  if (!f.label) return {};   // a sentence field has no label
  const RE2& re = *f.label;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(n);
  if (!re.Match(text, 0, text.size(), RE2::ANCHOR_START, sub.data(), n)) return {};
  size_t end = sub[0].size();
  if (end < text.size() && starts_with_letter(text.substr(end))) return {};  // "Alluvad" is not "Allub"
  LabelMatch m{true, text.substr(0, end), strip_colon(text.substr(end))};
  // A `keep` group marks where the value starts inside the label's match.
  const auto& names = re.NamedCapturingGroups();
  if (auto it = names.find("keep"); it != names.end() && sub[it->second].data() != nullptr) {
    size_t from = sub[it->second].data() - text.data();
    m.label = text.substr(0, from);
    m.rest = text.substr(from);
  }
  if (f.whole_line && !m.rest.empty()) return {};
  return m;
}

struct Hit {
  int line;
  const FieldLabel* field;
  std::string label;
  Value value;
};

// The label a value line belongs to, or -1.
int owner_of(const std::vector<Hit>& hits, const layout::Line& v, const Builder& b) {
  int last = -1;
  for (size_t h = 0; h < hits.size(); ++h)
    if (at_or_above(b.line(hits[h].line), v)) {
      if (last < 0) last = static_cast<int>(h);
      const auto& cur = b.line(hits[last].line);
      const auto& cand = b.line(hits[h].line);
      if (cand.page > cur.page || (cand.page == cur.page && cand.box.y0 > cur.box.y0 + kSameRow))
        last = static_cast<int>(h);
    }
  if (last < 0) return -1;
  // The row of labels the latest one stands in; the value's column picks one.
  const auto& row_line = b.line(hits[last].line);
  int best = -1, leftmost = -1;
  for (size_t h = 0; h < hits.size(); ++h) {
    const auto& l = b.line(hits[h].line);
    if (l.page != row_line.page || std::abs(l.box.y0 - row_line.box.y0) > kSameRow) continue;
    if (leftmost < 0 || l.box.x0 < b.line(hits[leftmost].line).box.x0) leftmost = static_cast<int>(h);
    if (l.box.x0 <= v.box.x0 + kSameColumn && (best < 0 || l.box.x0 > b.line(hits[best].line).box.x0))
      best = static_cast<int>(h);
  }
  return best >= 0 ? best : leftmost;
}

// How many numbers an item number has ("1.6." → 2), 0 when the line has none.
int item_depth(const std::string& text, const Builder& b) {
  re2::StringPiece number;
  if (!b.common().label_number->Match(text, 0, text.size(), RE2::ANCHOR_START, &number, 1)) return 0;
  int depth = 0;
  bool digit = false;
  for (char ch : number) {
    if (std::isdigit(static_cast<unsigned char>(ch)) && !digit) ++depth;
    digit = std::isdigit(static_cast<unsigned char>(ch));
  }
  return depth;
}

int labels_in_row(const std::vector<Hit>& hits, const layout::Line& l, const Builder& b) {
  int n = 0;
  for (const auto& h : hits) {
    const auto& o = b.line(h.line);
    n += o.page == l.page && std::abs(o.box.y0 - l.box.y0) <= kSameRow;
  }
  return n;
}

// A paragraph that goes on with the value above it: the value has a
// parenthesis still open ("direktorile (edaspidi" / "direktor)"), as when
// every wrapped line of a register's text came out as a paragraph.
bool continues(const Value& value, const layout::Line& next) {
  int depth = 0;
  for (const auto& p : value)
    for (char ch : p.text) depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
  return depth > 0 && !next.bullet;
}

bool ends_label(const std::string& text) { return trim(text).ends_with(":"); }

// Several labels stacked in one table cell, each on its line, their values
// beside them line for line ("Ametikoha nimetus:" / "Asend ettevõtte
// struktuuris:" | "Klassijuhataja" / "Direktori …"): a value line level with
// a label line that no field took ("Asend …:") is that label's, not the
// known label's above it.
bool beside_unknown_label(const std::vector<Hit>& hits, const layout::Line& v, const Builder& b) {
  if (v.table < 0 || v.column == 0) return false;
  for (const auto& u : b.layout().lines) {
    if (u.table != v.table || u.row != v.row || u.column != 0 || u.page != v.page ||
        std::abs(u.box.y0 - v.box.y0) > kSameRow || !ends_label(u.text))
      continue;
    const bool known = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return &b.line(h.line) == &u; });
    return !known;
  }
  return false;
}

// Gap between two lines of one page wider than a line: a blank line.
bool blank_line_between(const layout::Line& above, const layout::Line& below) {
  return above.page == below.page && below.box.y0 - above.box.y1 > std::max(above.box.height(), below.box.height());
}

// Where a label can stand: outside tables, or in a table's first column.
bool label_position(const layout::Line& l) { return !l.bullet && (l.table < 0 || l.column == 0); }

// Labels stacked on lines of their own ("1.5. Asendaja" / "1.6. Asendab"),
// then their values stacked under them, one value (of one or more lines)
// per label in the labels' order: a value line that does not end a position
// name ("osakonna teenistujad või lennundusteenistuse") goes on into the
// next. When the lines cannot be cut into as many values as there are
// labels, no value is guessed: values_unpaired.
struct Stacked {
  std::map<int, int> owner;   // value line → hit
  std::set<int> unpaired;     // value lines left unread
};

Stacked pair_stacked(const std::vector<Hit>& hits, const std::vector<int>& values, Builder& b) {
  Stacked out;
  auto bare = [&](const Hit& h) { return h.value.empty() && b.line(h.line).table < 0; };
  for (size_t h = 0; h < hits.size();) {
    size_t end = h;
    while (end < hits.size() && bare(hits[end]) && (end == h || hits[end].line == hits[end - 1].line + 1)) ++end;
    if (end - h < 2) {
      h = std::max(end, h + 1);
      continue;
    }
    // The value lines after the run's last label, up to the next label.
    const int from = hits[end - 1].line, to = end < hits.size() ? hits[end].line : INT32_MAX;
    std::vector<int> lines;
    for (int i : values)
      if (i > from && i < to && b.line(i).table < 0) lines.push_back(i);
    const size_t n = end - h;
    std::vector<std::vector<int>> groups;
    if (lines.size() == n) {
      for (int i : lines) groups.push_back({i});
    } else {
      std::vector<int> cur;
      for (int i : lines) {
        cur.push_back(i);
        std::string text = trim(b.line(i).text);
        while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.back() == ';')) text.pop_back();
        const auto words = words_of(text);
        if (!words.empty() && RE2::FullMatch(normalize::lower(words.back()), *b.common().position_head)) {
          groups.push_back(cur);
          cur.clear();
        }
      }
      if (!cur.empty()) groups.push_back(cur);
    }
    if (groups.size() == n) {
      for (size_t k = 0; k < n; ++k)
        for (int i : groups[k]) out.owner[i] = static_cast<int>(h + k);
    } else if (!lines.empty()) {
      for (int i : lines) out.unpaired.insert(i);
      const auto& first = b.line(lines.front());
      b.problem(Code::values_unpaired, first.page,
                std::to_string(n) + " stacked labels over " + std::to_string(lines.size()) +
                    " value lines that do not cut into one value each; the values are left unread",
                first.text, first.box);
    }
    h = end;
  }
  return out;
}

// A paragraph that states a field in a sentence ("1.3. Sekretär-asjaajaja
// allub vallavanemale."): the first of the section's sentence patterns that
// matches it, its group `value` the value. Takes the paragraph's lines.
bool read_sentence(const Section& sec, const SectionLines& s, size_t k, Builder& b) {
  const layout::Line& first = b.line(s.lines[k]);
  std::vector<int> lines{s.lines[k]};
  std::string text = first.text;
  for (size_t j = k + 1; j < s.lines.size(); ++j) {
    const auto& n = b.line(s.lines[j]);
    if (n.para_start || n.bullet || b.taken(s.lines[j]) || n.table != first.table || n.column != first.column) break;
    lines.push_back(s.lines[j]);
    text += " " + n.text;
  }
  for (const auto& f : sec.fields) {
    if (!f.sentence) continue;
    const RE2& re = *f.sentence;
    std::vector<re2::StringPiece> sub(re.NumberOfCapturingGroups() + 1);
    if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, sub.data(), static_cast<int>(sub.size()))) continue;
    const auto& value = sub[re.NamedCapturingGroups().at("value")];
    if (value.data() == nullptr || trim(std::string(value)).empty()) continue;
    for (int i : lines) b.take(i, "sentence stating " + f.field);
    b.set(f.field, Value{Piece{trim(std::string(value)), &first, true, false}}, "");
    return true;
  }
  return false;
}

}  // namespace

bool skipped(const std::vector<Pattern>& skip, const std::string& text) {
  for (const auto& p : skip)
    if (RE2::FullMatch(text, *p)) return true;
  return false;
}

// (page, y) ordering of where a line starts.
bool at_or_above(const layout::Line& a, const layout::Line& b) {
  return a.page < b.page || (a.page == b.page && a.box.y0 <= b.box.y0 + kSameRow);
}

// A number alone on a line outside tables: a page number in a register's
// text ("… ülesannete täitmine." / "2" / "3.4 …"), never a value's text.
bool lone_number(const layout::Line& l) {
  static const RE2 number(R"(\d{1,3})");
  return l.table < 0 && RE2::FullMatch(l.text, number);
}

Piece piece_of(const layout::Line& l, bool first) {
  return Piece{l.text, &l, first || l.bullet || l.para_start, l.bullet};
}

bool label_alone(const RE2& label, const std::string& text) {
  re2::StringPiece whole;
  if (!label.Match(text, 0, text.size(), RE2::ANCHOR_START, &whole, 1)) return false;
  size_t end = whole.size();
  while (end < text.size() && text[end] == ' ') ++end;
  return end == text.size() || text[end] == ':';
}

bool opens_field(const Section& sec, const layout::Line& l) {
  if (!label_position(l)) return false;
  return std::any_of(sec.fields.begin(), sec.fields.end(), [&](const FieldLabel& f) { return match_label(f, l.text).ok; });
}

bool looks_like_label(const layout::Line& l, const Known& known) {
  // An item number and at most four words before a colon: "1.7. Töökoht:", "5.4. Muud nõuded:".
  static const RE2 numbered(R"(^\d{1,2}(\.\d{1,2})+\.?\s+[^\s:]+(\s+[^\s:]+){0,3}\s*:)");
  // A table cell that is an item number and at most four words, as in a grid's row of labels: "1.4 Kes asendab".
  static const RE2 numbered_cell(R"(^\d{1,2}(\.\d{1,2})+\.?\s+\p{Lu}[^\s:]*(\s+[^\s:]+){0,3}$)");
  if (l.table >= 0 && l.para_start && !l.text.ends_with(".") && RE2::FullMatch(l.text, numbered_cell)) return true;
  if (!label_position(l)) return false;
  if (RE2::PartialMatch(l.text, numbered)) return true;
  for (const auto& p : known.labels)
    if (label_alone(*p, l.text)) return true;
  return false;
}

bool looks_like_heading(const layout::Line& l, const Known& known) {
  // One item number, then words with no sentence punctuation: "2. Peamised ülesanded", "IV. ÕIGUSED".
  static const RE2 numbered(R"(^(\d{1,2}\.|[IVX]{1,4}\.)\s+\p{Lu}[^.;,:!?]{0,80}$)");
  if (!l.para_start || !label_position(l)) return false;
  if (RE2::FullMatch(l.text, numbered)) return true;
  for (const auto& p : known.headings)
    if (RE2::FullMatch(l.text, *p)) return true;
  return false;
}

void read_fields(const Section& sec, const SectionLines& s, Builder& b) {
  std::vector<Hit> hits;
  std::vector<int> values;
  for (size_t k = 0; k < s.lines.size(); ++k) {
    const int i = s.lines[k];
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (skipped(sec.skip, l.text)) {
      b.take(i, "skipped by a skip rule of section '" + sec.name + "'");
      continue;
    }
    const bool label_cell = l.table >= 0 && b.layout().tables[l.table].columns.size() >= 2;
    // A label cell may wrap ("Teenistuskoha / eesmärk"): when the line alone
    // is no label, match it joined with the cell's next lines that are none.
    auto is_label = [&](const std::string& t) {
      for (const auto& f : sec.fields)
        if (match_label(f, t).ok) return true;
      return false;
    };
    std::vector<int> cell{i};
    std::string text = l.text;
    if (label_cell && l.column == 0 && !is_label(l.text))
      for (size_t j = k + 1; j < s.lines.size(); ++j) {
        const auto& n = b.line(s.lines[j]);
        if (n.table != l.table || n.row != l.row || n.column != 0 || b.taken(s.lines[j])) break;
        // A line that is a label of its own starts the next label, unless
        // it completes this one ("Erialane / töökogemus", "1.1. / Ametinimetus").
        const std::string joined = text + " " + n.text;
        if (is_label(n.text) && !is_label(joined)) break;
        cell.push_back(s.lines[j]);
        text = joined;
        if (is_label(text)) break;
      }
    bool matched = false;
    for (const auto& f : sec.fields) {
      if (!f.label) continue;
      LabelMatch m = match_label(f, text);
      // In a table's right-hand columns only a whole cell is a label (grids);
      // "Eritingimused määratakse …" is the value of the label "Eritingimused".
      if (!m.ok || (label_cell && l.column >= 1 && !m.rest.empty())) continue;
      Hit h{i, &f, m.label, {}};
      // In a label | value table the whole first cell is the label.
      if (label_cell && l.column == 0) {
        for (int c : cell) b.take(c, "label of " + f.field);
        h.label = text;
      } else {
        b.take(i, "label of " + f.field);
        if (!m.rest.empty()) h.value.push_back(Piece{m.rest, &l, true, false});
      }
      hits.push_back(std::move(h));
      matched = true;
      break;
    }
    if (!matched && l.para_start) matched = read_sentence(sec, s, k, b);
    // Another grammar's label, or a numbered one: it ends the value above
    // and is left for the report (label_unknown), never glued on.
    if (!matched && !looks_like_label(l, b.known()) && !lone_number(l)) values.push_back(i);
  }
  // In a table, a label stands beside its value (other text in its row) or
  // over it (a grid: its row holds only labels).
  auto beside = [&](const Hit& h) {
    const auto& lab = b.line(h.line);
    for (int i : values) {
      const auto& o = b.line(i);
      if (o.table == lab.table && o.row == lab.row && o.column != lab.column) return true;
    }
    return false;
  };
  const Stacked stacked = pair_stacked(hits, values, b);
  std::vector<bool> closed(hits.size(), false);
  for (int i : values) {
    const auto& v = b.line(i);
    if (auto it = stacked.owner.find(i); it != stacked.owner.end()) {
      Hit& h = hits[it->second];
      b.take(i, "value of " + h.field->field + " (stacked labels, paired in order)");
      h.value.push_back(Piece{v.text, &v, h.value.empty(), false});
      continue;
    }
    if (stacked.unpaired.count(i)) continue;
    // A label no field knows, in a table's label column, is no one's value.
    if (beside_unknown_label(hits, v, b) || (v.table >= 0 && v.column == 0 && ends_label(v.text))) continue;
    int o = owner_of(hits, v, b);
    if (o < 0) continue;  // before any label: left for the unassigned-text report
    Hit& h = hits[o];
    const auto& lab = b.line(h.line);
    if (lab.table >= 0 && b.layout().tables[lab.table].columns.size() >= 2) {
      // Beside its value, a label owns its own row only (a row whose label
      // cell is empty or unknown is no one's); over it, only its column, in
      // its own table or, from a table's last row, in the table below.
      const auto& table = b.layout().tables[lab.table];
      const bool below = v.table == lab.table + 1 && lab.row + 1 == static_cast<int>(table.rows.size());
      if (beside(h) ? v.table == lab.table && v.row != lab.row
                    : v.table >= 0 && ((v.table != lab.table && !below) || v.column != lab.column))
        continue;
    }
    // Labels stacked over their values: a blank line ends the value, and so
    // does a line set like the labels (bold after a plain value; a bold
    // "Name:" is a sub-heading of the value); what follows, up to the next
    // label, has lost its label.
    if (lab.table < 0 && v.table < 0 && h.field->whole_line) {
      if (closed[o]) continue;
      const layout::Line* prev = h.value.empty() ? nullptr : h.value.back().line;
      const bool set_as_label = lab.bold && v.bold && prev && !prev->bold && !v.text.ends_with(':');
      if (prev && (blank_line_between(*prev, v) || set_as_label)) {
        closed[o] = true;
        continue;
      }
    }
    // A label in a label | value table owns only lines of a table: a
    // paragraph after the table is not its last row's value.
    if (lab.table >= 0 && b.layout().tables[lab.table].columns.size() >= 2 && v.table < 0) continue;
    // A numbered label outside tables ("1.6. Asendab: …") owns one
    // paragraph: the next item of its list ("1.7. Töökoht: Tartu", a label
    // no field knows) and a later paragraph are not its value.
    // So does "Label: value" on one line: its value is that paragraph.
    // What follows a paragraph it does not own is not its value either.
    if (lab.table < 0 && v.table < 0 && !h.field->whole_line) {
      if (closed[o]) continue;
      const int depth = item_depth(lab.text, b);
      const bool own_line = !h.value.empty() && h.value.front().line == &lab;
      const bool next_paragraph = v.para_start && !h.value.empty() && !continues(h.value, v);
      if ((own_line && next_paragraph) || (depth > 0 && (item_depth(v.text, b) == depth || next_paragraph))) {
        closed[o] = true;
        continue;
      }
    }
    b.take(i, "value of " + h.field->field);
    // A label cell's second line ("Isikuomadused ja / väärtushoiakud").
    if (v.table >= 0 && v.table == lab.table && v.row == lab.row && v.column == lab.column &&
        b.layout().tables[v.table].columns.size() >= 2 && labels_in_row(hits, lab, b) == 1 && !ends_label(h.label) &&
        !ends_label(v.text)) {
      h.label += " " + v.text;
      b.take(i, "label of " + h.field->field);
      continue;
    }
    h.value.push_back(piece_of(v, h.value.empty()));
  }
  for (const auto& h : hits) b.set(h.field->field, h.value, h.label);
}

void read_anywhere(const Grammar& g, const SectionLines& s, Builder& b) {
  for (size_t k = 0; k < s.lines.size(); ++k) {
    int i = s.lines[k];
    if (b.taken(i)) continue;
    for (const auto& f : g.anywhere) {
      LabelMatch m = match_label(f, b.line(i).text);
      if (!m.ok) continue;
      b.take(i, "label of " + f.field + " (a label read anywhere)");
      Value v{Piece{m.rest, &b.line(i), true, false}};
      // The rest of its paragraph.
      for (size_t j = k + 1; j < s.lines.size(); ++j) {
        const auto& n = b.line(s.lines[j]);
        if (b.taken(s.lines[j]) || n.para_start || n.bullet || n.table != b.line(i).table ||
            n.column != b.line(i).column || looks_like_label(n, b.known()))
          break;
        b.take(s.lines[j], "value of " + f.field);
        v.push_back(piece_of(n, false));
      }
      b.set(f.field, v, m.label);
      break;
    }
  }
}

void read_list(const Section& sec, const SectionLines& s, Builder& b) {
  Value v;
  for (int i : s.lines) {
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (!skipped(sec.skip, l.text) && (looks_like_label(l, b.known()) || lone_number(l))) continue;  // unassigned
    if (skipped(sec.skip, l.text)) {
      b.take(i, "skipped by a skip rule of section '" + sec.name + "'");
      continue;
    }
    b.take(i, "item of " + sec.field);
    Piece p = piece_of(l, v.empty());
    re2::StringPiece in(p.text);
    if (sec.item_number && RE2::Consume(&in, *sec.item_number)) {
      p.text = std::string(in);
      p.item_start = true;
    }
    v.push_back(std::move(p));
  }
  // The item the document stops in is not a whole item.
  if (b.cut_off(v))
    while (!v.empty()) {
      const bool first = v.back().item_start;
      b.release(static_cast<int>(v.back().line - b.layout().lines.data()), "the document stops inside this item");
      v.pop_back();
      if (first) break;
    }
  b.set(sec.field, v, "");
}

void read_text(const Section& sec, const SectionLines& s, Builder& b) {
  Value v;
  for (int i : s.lines) {
    if (b.taken(i)) continue;
    const bool skip = skipped(sec.skip, b.line(i).text);
    if (!skip && (looks_like_label(b.line(i), b.known()) || lone_number(b.line(i)))) continue;  // unassigned
    b.take(i, skip ? "skipped by a skip rule of section '" + sec.name + "'" : "text of " + sec.field);
    if (!skip) v.push_back(piece_of(b.line(i), v.empty()));
  }
  if (!v.empty()) b.set(sec.field, v, "");
}

}  // namespace aj::recognize
