// reading.h — what the readers share: a section's lines, the value a field
// collected, and the builder that turns values into record fields.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/record.h"
#include "layout/layout.h"
#include "normalize/hyphen.h"
#include "recognize/grammar.h"

namespace aj::recognize {

// One line (or the rest of a line after a label) that a field takes.
struct Piece {
  std::string text;
  const layout::Line* line = nullptr;
  bool item_start = false;   // starts a list item (bullet, new paragraph, item number)
  bool bullet = false;
};
using Value = std::vector<Piece>;
// The box around a value's lines on its first page (a task over two lines is
// outlined whole); nullopt when it has no line.
std::optional<Box> box_of(const Value& v);

// What every loaded grammar knows (_common.toml's item numbers included):
// a line that one of them would read as a heading or a label is never text
// of another field, even where the grammar reading the document has no
// place for it.
struct Known {
  std::vector<Pattern> headings;   // every section heading of every grammar (full match)
  std::vector<Pattern> labels;     // every field label of every grammar (at a line's start)
};

// A line that opens a field: a label some grammar knows, alone on its line
// or before ':', or a numbered label ("1.6. Word:"). Only where a label can
// stand: outside tables or in a table's first column.
bool looks_like_label(const layout::Line& l, const Known& known);
// A line that opens a section: some grammar's heading, or a numbered
// heading ("2. Word word", "IV. WORD") of no grammar; it starts a paragraph.
bool looks_like_heading(const layout::Line& l, const Known& known);
// A line that one of the section's field labels opens (where a label can stand).
bool opens_field(const Section& sec, const layout::Line& l);
// The label at the start of `text` ends the line or comes before ':'.
bool label_alone(const RE2& label, const std::string& text);

// A run of lines under one heading (the preamble has no heading).
struct SectionLines {
  const Section* section = nullptr;   // nullptr for the preamble and for an unknown section
  bool unknown = false;               // under a heading no section of the grammar knows (section_unknown)
  std::vector<int> lines;             // indices into Layout::lines, reading order
  size_t heading_lines = 0;           // the first lines that are the heading (wrapped: more than one)
  std::string heading;                // their text, joined
  std::vector<int> repeated;          // the heading again inside (a table's header row on the next page)
};

// Collects field values into a Record, joining text with the hyphen
// resolver and filing problems; tracks which lines were taken.
class Builder {
 public:
  Builder(const layout::Layout& layout, const Common& common, const hyphen::Resolver& hyphens);

  // A line something took, and what took it ("label of title", "skipped by
  // a skip rule of section 'general'"): `explain` prints it line by line.
  void take(int line, std::string why) {
    taken_[line] = true;
    uses_[line] = std::move(why);
  }
  // A line given back: what took it found it is not the field's after all.
  void release(int line, std::string why) {
    taken_[line] = false;
    uses_[line] = std::move(why);
  }
  bool taken(int line) const { return taken_[line]; }
  // The document stops inside this value: it holds the document's last line
  // and that line ends mid-sentence (an excerpt cut off, a lost last page).
  bool cut_off(const Value& v) const;
  // Why a line nothing took stays so (an unknown heading, an unknown label).
  void note(int line, std::string why) {
    if (!taken_[line]) uses_[line] = std::move(why);
  }
  const std::string& use(int line) const { return uses_[line]; }
  const layout::Line& line(int i) const { return layout_.lines[i]; }
  const layout::Layout& layout() const { return layout_; }
  const Common& common() const { return common_; }
  // What all grammars know; set by the recogniser before any reader runs.
  void set_known(const Known& known) { known_ = &known; }
  const Known& known() const { return *known_; }

  // Text of pieces joined as one paragraph (hyphens resolved, spaces collapsed).
  std::string join(const Value& v);
  // Pieces grouped into items at item_start, each joined.
  std::vector<std::string> items(const Value& v);

  // Sets a record field from its value; `label` is the label's text as written.
  void set(const std::string& field, const Value& v, const std::string& label);
  // Sets a field from a reading that is not the document's words as written
  // (a title from a heading): `why` is filed at finish() unless a label sets
  // the field later.
  void infer(const std::string& field, const Value& v, Problem why);
  // Files what infer() left standing.
  void finish();

  void problem(Code code, int page, std::string message, std::string excerpt = {},
               std::optional<Box> box = std::nullopt);
  Record& record() { return record_; }
  bool has(const std::string& field) const;

 private:
  const layout::Layout& layout_;
  const Common& common_;
  const hyphen::Resolver& hyphens_;
  hyphen::Vocabulary vocab_;
  const Known* known_ = nullptr;
  std::vector<bool> taken_;
  std::vector<std::string> uses_;   // per line: what took it, or why nothing did
  std::vector<std::string> fields_set_;
  std::map<std::string, Problem> inferred_;   // field → why its value is a reading
  Record record_;
};

// What the readers share (readers.cpp).
// A line one of the patterns matches in full (a section's skip rules).
bool skipped(const std::vector<Pattern>& skip, const std::string& text);
// Line a starts at or above line b: an earlier page, or the same row or higher.
bool at_or_above(const layout::Line& a, const layout::Line& b);
// A number alone on a line outside tables: a page number, never a value's text.
bool lone_number(const layout::Line& l);
// A line as a piece of a value; `first` (or a bullet, a new paragraph) starts an item.
Piece piece_of(const layout::Line& l, bool first);

// The readers (readers.cpp, tasks.cpp, preamble.cpp): each takes the lines it understands.
// Lines of no document (_common.toml's chrome: a register's metadata rows,
// breadcrumbs): which they are, and taking them before any section is read.
std::vector<bool> chrome_lines(const layout::Layout& layout, const Common& common);
void read_chrome(Builder& b);
void read_preamble(const Grammar& g, const SectionLines& s, Builder& b);
void read_anywhere(const Grammar& g, const SectionLines& s, Builder& b);
void read_fields(const Section& sec, const SectionLines& s, Builder& b);
void read_tasks(const Section& sec, const SectionLines& s, Builder& b);
void read_list(const Section& sec, const SectionLines& s, Builder& b);
void read_text(const Section& sec, const SectionLines& s, Builder& b);

}  // namespace aj::recognize
