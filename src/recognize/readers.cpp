// readers.cpp — how each kind of section hands its lines to fields.
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

// Cuts `text` where `re` matches: what follows goes to *after; the
// pattern's group 1, when it has one, stays at the end of `text`.
bool split_at(const RE2& re, std::string& text, std::string* after) {
  std::vector<re2::StringPiece> sub(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, sub.data(), static_cast<int>(sub.size()))) return false;
  const size_t at = static_cast<size_t>(sub[0].data() - text.data());
  const size_t keep = sub.size() > 1 && sub[1].data() ? sub[1].size() : 0;
  *after = trim(text.substr(at + sub[0].size()));
  text = trim(text.substr(0, at + keep));
  return !after->empty();
}

// A line that starts a sentence with a capital after a line that ended one,
// at the same left edge: a new paragraph the layout could not see (the line
// above filled the column, so it did not end short).
bool opens_sentence(const layout::Line& l, const layout::Line* prev) {
  static const RE2 capital(R"(^\p{Lu})");
  static const RE2 ended(R"([.;:!?)]\s*$)");
  if (!prev || l.para_start || !RE2::PartialMatch(l.text, capital)) return false;
  return prev->page == l.page && std::abs(prev->box.x0 - l.box.x0) < 2.0 && RE2::PartialMatch(prev->text, ended);
}

// "Auditite planeerimine. Auditi … protseduurireeglitele." → its sentences:
// cut after a full stop followed by a capital.
std::vector<std::string> split_sentences(const std::string& text) {
  static const RE2 boundary(R"(\.\s+(\p{Lu}))");
  std::vector<std::string> out;
  std::string rest = text;
  re2::StringPiece capital;
  while (RE2::PartialMatch(rest, boundary, &capital)) {
    const size_t end = static_cast<size_t>(capital.data() - rest.data());
    out.push_back(trim(rest.substr(0, end)));
    rest = rest.substr(end);
  }
  if (!trim(rest).empty()) out.push_back(trim(rest));
  return out;
}

// Whether line `l` opens a task: by its number (consumed from `text`), a
// bullet or a new paragraph, as the section says; tasks of the last two have no number.
bool starts_task(const Section& sec, TaskMarker marker, const layout::Line& l, const layout::Line* prev, Text* number,
                 std::string* text) {
  switch (marker) {
    case TaskMarker::bullet: *text = l.text; return l.bullet;
    case TaskMarker::paragraph: *text = l.text; return l.para_start || l.bullet || opens_sentence(l, prev);
    case TaskMarker::number:
    case TaskMarker::number_or_paragraph: break;
  }
  re2::StringPiece in(l.text), digits;
  if (!RE2::Consume(&in, *sec.task_start, &digits)) return false;
  *number = std::string(digits);
  *text = std::string(in);
  return true;
}

void read_tasks(const Section& sec, const SectionLines& s, Builder& b) {
  struct TaskDraft {
    int line;
    Text number;
    Value text, results;
    bool inline_results = false;
  };
  std::vector<TaskDraft> tasks;
  std::vector<int> result_lines;
  TaskMarker marker = sec.task_marker;
  if (marker == TaskMarker::number_or_paragraph) {
    const bool numbered = std::any_of(s.lines.begin(), s.lines.end(), [&](int i) {
      re2::StringPiece in(b.line(i).text);
      return !b.taken(i) && RE2::Consume(&in, *sec.task_start);
    });
    marker = numbered ? TaskMarker::number : TaskMarker::paragraph;
  }
  for (int i : s.lines) {
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (skipped(sec.skip, l.text)) {
      b.take(i, "skipped by a skip rule of section '" + sec.name + "'");
      continue;
    }
    if (l.table >= 0 && l.column >= 1) {
      result_lines.push_back(i);
      continue;
    }
    Text number;
    std::string text;
    // "3.2 teostab …; - dokumendid …": the line's result, cut off the task's text.
    auto split_result = [&](TaskDraft& t, Piece& p) {
      std::string result;
      if (!sec.result_split || !split_at(*sec.result_split, p.text, &result)) return;
      t.inline_results = true;
      t.results.push_back(Piece{result, &l, true, true});
    };
    if (starts_task(sec, marker, l, i > 0 ? &b.line(i - 1) : nullptr, &number, &text)) {
      b.take(i, "task " + number.value_or(std::to_string(tasks.size() + 1)) + " starts");
      tasks.push_back(TaskDraft{i, number, {Piece{text, &l, true, false}}, {}});
      split_result(tasks.back(), tasks.back().text.back());
      continue;
    }
    re2::StringPiece rest(l.text);
    const bool result_label = sec.result_label && RE2::PartialMatch(l.text, *sec.result_label);
    if (tasks.empty() || lone_number(l) || (!result_label && looks_like_label(l, b.known()))) continue;  // unassigned
    TaskDraft& t = tasks.back();
    const std::string task = "task " + t.number.value_or(std::to_string(tasks.size()));
    if (sec.bullet_results && l.bullet) {
      t.inline_results = true;
      b.take(i, "result of " + task + " (a bullet under it)");
      t.results.push_back(Piece{l.text, &l, true, true});
    } else if (sec.result_label && RE2::Consume(&rest, *sec.result_label)) {
      t.inline_results = true;
      b.take(i, "result label and result of " + task);
      t.results.push_back(Piece{std::string(rest), &l, true, false});
    } else if (t.inline_results) {
      b.take(i, "result of " + task);
      t.results.push_back(Piece{l.text, &l, l.bullet, l.bullet});
    } else {
      b.take(i, "text of " + task);
      t.text.push_back(piece_of(l, false));
      split_result(t, t.text.back());
    }
  }
  // Results in the right-hand column belong to the last task started above them.
  for (int i : result_lines) {
    const auto& v = b.line(i);
    int owner = -1;
    for (size_t t = 0; t < tasks.size(); ++t)
      if (at_or_above(b.line(tasks[t].line), v)) owner = static_cast<int>(t);
    if (owner < 0) continue;
    b.take(i, "result of task " + tasks[owner].number.value_or(std::to_string(owner + 1)));
    Piece p = piece_of(v, tasks[owner].results.empty());
    // A result that runs on over a page break is one result.
    static const RE2 ended(R"([.;:!?]\s*$)");
    if (const auto& r = tasks[owner].results; !r.empty() && r.back().line && r.back().line->page < v.page &&
                                               !RE2::PartialMatch(r.back().text, ended))
      p.item_start = false;
    tasks[owner].results.push_back(std::move(p));
  }
  // A task the document stops in is not a whole task: its lines are left
  // for the unassigned-text report.
  if (!tasks.empty() && (b.cut_off(tasks.back().text) || b.cut_off(tasks.back().results))) {
    for (const auto* v : {&tasks.back().text, &tasks.back().results})
      for (const auto& p : *v)
        if (p.line) b.release(static_cast<int>(p.line - b.layout().lines.data()), "the document stops inside this task");
    tasks.pop_back();
  }
  for (auto& t : tasks) {
    Task task{t.number, b.join(t.text), b.items(t.results)};
    if (sec.results_after_sentence && task.results.empty()) {
      auto sentences = split_sentences(task.text);
      if (sentences.size() > 1) {
        task.text = sentences.front();
        task.results.assign(sentences.begin() + 1, sentences.end());
      }
    }
    if (task.results.empty() && sec.expect_results)
      b.problem(Code::task_without_results, b.line(t.line).page,
                "task " + t.number.value_or(std::to_string(b.record().tasks.size() + 1)) + " has no expected results",
                task.text, b.line(t.line).box);
    b.record().tasks.push_back(std::move(task));
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

namespace {

// A heading's title in the nominative: "GRUPIJUHI" → "grupijuht". Capitals
// are lowered (a title is written in lower case); the last word's genitive
// ending is replaced by the first [titles] rule that matches it. Sets
// *guessed when a rule changed the word.
std::string nominative_title(std::string title, const Common& c, bool* guessed) {
  *guessed = false;
  // Only the words before a parenthesis: "GRUPIJUHI (teenuse omanik)".
  size_t end = title.find(" (");
  if (end == std::string::npos) end = title.size();
  std::string head = title.substr(0, end);
  const std::string rest = title.substr(end);
  if (normalize::upper(head) == head) head = normalize::lower(head);
  title = head + rest;
  for (const auto& [nominative, genitive] : c.genitive_titles) {
    re2::StringPiece m;
    const size_t from = head.rfind(' ') == std::string::npos ? 0 : head.rfind(' ') + 1;
    const std::string word = head.substr(from);
    if (!genitive->Match(word, 0, word.size(), RE2::UNANCHORED, &m, 1)) continue;
    const size_t at = from + static_cast<size_t>(m.data() - word.data());
    *guessed = true;
    return head.substr(0, at) + nominative + rest;
  }
  return title;
}

bool has_lowercase(const std::string& s) { return normalize::upper(s) != s; }

}  // namespace

// Sets the title from a heading line and takes the lines it used; a heading
// that names the institution ("SÜG Sihtasutuse ametijuhend") names no title.
void title_from_heading(const std::string& as_written, const std::vector<int>& lines, Builder& b) {
  bool guessed = false;
  const std::string title = nominative_title(as_written, b.common(), &guessed);
  for (int i : lines) b.take(i, "title heading");
  const auto words = words_of(as_written.substr(0, as_written.find(" (")));
  if (b.has("title") || words.empty() ||
      (b.common().institution_word && RE2::FullMatch(normalize::lower(words.back()), *b.common().institution_word)))
    return;
  const auto& first = b.line(lines.front());
  // Until a label names the position, the heading's words are a reading, not a field as written.
  b.infer("title", Value{Piece{title, nullptr, true, false}},
          Problem::make(Code::value_inferred, first.page,
                        "title '" + title + "' taken from the heading" + (guessed ? ", put in the nominative" : "") +
                            "; no label names the position",
                        as_written, first.box));
}

// A preamble line that names the position ("GRUPIJUHI AMETIJUHEND", with a
// "(teenuse omanik)" line under it), or the line under a stacked title block
// (TRANSPORDIAMET / … OSAKONNA / … EKSPERDI / AMETIJUHEND) whose last line
// is the title. A label read later ("Teenistuskoha nimetus") replaces it.
bool read_title(const Grammar& g, const SectionLines& s, size_t k, Builder& b) {
  const int i = s.lines[k];
  const std::string& text = b.line(i).text;
  for (const auto& p : g.title) {
    std::string title;
    if (!RE2::FullMatch(text, *p, &title) || trim(title).empty()) continue;
    std::vector<int> used{i};
    if (k + 1 < s.lines.size()) {
      const std::string& next = b.line(s.lines[k + 1]).text;
      if (next.size() > 2 && next.front() == '(' && next.back() == ')') {
        title += " " + next;
        used.push_back(s.lines[k + 1]);
      }
    }
    title_from_heading(trim(title), used, b);
    return true;
  }
  if (!g.title_block || !RE2::FullMatch(text, *g.title_block)) return false;
  // The block: the capitals-only lines right above, without digits.
  static const RE2 digit(R"(\d)");
  std::vector<int> block;
  for (size_t j = k; j-- > 0;) {
    const auto& l = b.line(s.lines[j]);
    if (b.taken(s.lines[j]) || has_lowercase(l.text) || RE2::PartialMatch(l.text, digit)) break;
    block.insert(block.begin(), s.lines[j]);
  }
  b.take(i, "under the title block");
  if (block.size() < 2) return true;
  title_from_heading(b.line(block.back()).text, block, b);
  return true;
}

std::vector<bool> chrome_lines(const layout::Layout& layout, const Common& common) {
  const auto& lines = layout.lines;
  std::vector<bool> out(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (std::none_of(common.chrome.begin(), common.chrome.end(),
                     [&](const Pattern& p) { return RE2::FullMatch(lines[i].text, *p); }))
      continue;
    out[i] = true;
    // In a table, the row it labels goes with it ("Viit" | "2.1-2/26/004"),
    // on its page (a last row may run on into what the next page starts with).
    if (lines[i].table < 0 || lines[i].column != 0) continue;
    for (size_t j = 0; j < lines.size(); ++j)
      if (lines[j].table == lines[i].table && lines[j].row == lines[i].row && lines[j].page == lines[i].page)
        out[j] = true;
  }
  return out;
}

void read_chrome(Builder& b) {
  const auto chrome = chrome_lines(b.layout(), b.common());
  for (size_t i = 0; i < chrome.size(); ++i)
    if (chrome[i] && !b.taken(static_cast<int>(i))) b.take(static_cast<int>(i), "set aside: no document's text (chrome)");
}

void read_preamble(const Grammar& g, const SectionLines& s, Builder& b) {
  std::string joined;
  std::vector<std::pair<size_t, int>> starts;  // offset in `joined` → line
  for (size_t k = 0; k < s.lines.size(); ++k) {
    const int i = s.lines[k];
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (read_title(g, s, k, b)) continue;
    if (skipped(g.preamble_skip, l.text)) {
      b.take(i, "skipped by the preamble's skip rule (preamble_skip)");
      continue;
    }
    if (g.contract_appendix && RE2::PartialMatch(l.text, *g.contract_appendix)) {
      b.take(i, "contract_appendix mark");
      b.record().contract_appendix = true;
      continue;
    }
    if (!joined.empty()) joined += ' ';
    starts.emplace_back(joined.size(), i);
    joined += l.text;
  }
  if (joined.empty()) return;
  for (const auto& pattern : g.approval) {
    const RE2& re = *pattern;
    const int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> sub(n);
    if (!re.Match(joined, 0, joined.size(), RE2::UNANCHORED, sub.data(), n)) continue;
    auto group = [&](const char* name) -> Text {
      const auto& names = re.NamedCapturingGroups();
      auto it = names.find(name);
      if (it == names.end() || sub[it->second].data() == nullptr) return std::nullopt;
      return trim(std::string(sub[it->second]));
    };
    Approval a{group("authority"), std::nullopt, group("directive_number"), group("appendix")};
    if (auto d = group("date")) {
      a.date = iso_date(*d);
      if (!a.date) b.problem(Code::value_invalid, b.line(starts.front().second).page, "'" + *d + "' is not a date", *d);
    }
    b.record().approval = a;
    size_t from = sub[0].data() - joined.data(), to = from + sub[0].size();
    for (size_t k = 0; k < starts.size(); ++k) {
      size_t end = k + 1 < starts.size() ? starts[k + 1].first : joined.size();
      if (starts[k].first < to && end > from) b.take(starts[k].second, "approval stamp");
    }
    return;
  }
}

}  // namespace aj::recognize
