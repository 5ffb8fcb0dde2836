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

// Gap between two lines of one page wider than a line: a blank line.
bool blank_line_between(const layout::Line& above, const layout::Line& below) {
  return above.page == below.page && below.box.y0 - above.box.y1 > std::max(above.box.height(), below.box.height());
}

// Where a label can stand: outside tables, or in a table's first column.
bool label_position(const layout::Line& l) { return !l.bullet && (l.table < 0 || l.column == 0); }

}  // namespace

bool label_alone(const RE2& label, const std::string& text) {
  re2::StringPiece whole;
  if (!label.Match(text, 0, text.size(), RE2::ANCHOR_START, &whole, 1)) return false;
  size_t end = whole.size();
  while (end < text.size() && text[end] == ' ') ++end;
  return end == text.size() || text[end] == ':';
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
    // Another grammar's label, or a numbered one: it ends the value above
    // and is left for the report (label_unknown), never glued on.
    if (!matched && !looks_like_label(l, b.known())) values.push_back(i);
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
  std::vector<bool> closed(hits.size(), false);
  for (int i : values) {
    const auto& v = b.line(i);
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
    if (lab.table < 0 && v.table < 0) {
      const int depth = item_depth(lab.text, b);
      if (depth > 0 && (item_depth(v.text, b) == depth || (v.para_start && !h.value.empty()))) continue;
    }
    b.take(i, "value of " + h.field->field);
    // A label cell's second line ("Isikuomadused ja / väärtushoiakud").
    if (v.table >= 0 && v.table == lab.table && v.row == lab.row && v.column == lab.column &&
        b.layout().tables[v.table].columns.size() >= 2 && labels_in_row(hits, lab, b) == 1) {
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

// Whether line `l` opens a task: by its number (consumed from `text`), a
// bullet or a new paragraph, as the section says; tasks of the last two have no number.
bool starts_task(const Section& sec, const layout::Line& l, Text* number, std::string* text) {
  switch (sec.task_marker) {
    case TaskMarker::bullet: *text = l.text; return l.bullet;
    case TaskMarker::paragraph: *text = l.text; return l.para_start || l.bullet;
    case TaskMarker::number: break;
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
    if (starts_task(sec, l, &number, &text)) {
      b.take(i, "task " + number.value_or(std::to_string(tasks.size() + 1)) + " starts");
      tasks.push_back(TaskDraft{i, number, {Piece{text, &l, true, false}}, {}});
      continue;
    }
    if (tasks.empty() || looks_like_label(l, b.known())) continue;  // unassigned
    TaskDraft& t = tasks.back();
    const std::string task = "task " + t.number.value_or(std::to_string(tasks.size()));
    re2::StringPiece rest(l.text);
    if (sec.result_label && RE2::Consume(&rest, *sec.result_label)) {
      t.inline_results = true;
      b.take(i, "result label and result of " + task);
      t.results.push_back(Piece{std::string(rest), &l, true, false});
    } else if (t.inline_results) {
      b.take(i, "result of " + task);
      t.results.push_back(Piece{l.text, &l, l.bullet, l.bullet});
    } else {
      b.take(i, "text of " + task);
      t.text.push_back(piece_of(l, false));
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
    tasks[owner].results.push_back(piece_of(v, tasks[owner].results.empty()));
  }
  for (auto& t : tasks) {
    Task task{t.number, b.join(t.text), b.items(t.results)};
    if (task.results.empty() && sec.expect_results)
      b.problem(Code::task_without_results, b.line(t.line).page,
                "task " + t.number.value_or(std::to_string(b.record().tasks.size() + 1)) + " has no expected results",
                task.text, box_of(t.text));
    b.record().tasks.push_back(std::move(task));
  }
}

void read_list(const Section& sec, const SectionLines& s, Builder& b) {
  Value v;
  for (int i : s.lines) {
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (!skipped(sec.skip, l.text) && looks_like_label(l, b.known())) continue;  // unassigned
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
  b.set(sec.field, v, "");
}

void read_text(const Section& sec, const SectionLines& s, Builder& b) {
  Value v;
  for (int i : s.lines) {
    if (b.taken(i)) continue;
    const bool skip = skipped(sec.skip, b.line(i).text);
    if (!skip && looks_like_label(b.line(i), b.known())) continue;  // unassigned
    b.take(i, skip ? "skipped by a skip rule of section '" + sec.name + "'" : "text of " + sec.field);
    if (!skip) v.push_back(piece_of(b.line(i), v.empty()));
  }
  if (!v.empty()) b.set(sec.field, v, "");
}

void read_preamble(const Grammar& g, const SectionLines& s, Builder& b) {
  std::string joined;
  std::vector<std::pair<size_t, int>> starts;  // offset in `joined` → line
  for (int i : s.lines) {
    const auto& l = b.line(i);
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
  if (!g.approval || joined.empty()) return;
  const RE2& re = *g.approval;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(n);
  if (!re.Match(joined, 0, joined.size(), RE2::UNANCHORED, sub.data(), n)) return;
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
}

}  // namespace aj::recognize
