// reading.h — what the readers share: a section's lines, the value a field
// collected, and the builder that turns values into record fields.
#pragma once

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

// A run of lines under one heading (the preamble has no heading).
struct SectionLines {
  const Section* section = nullptr;   // nullptr for the preamble
  std::vector<int> lines;             // indices into Layout::lines, reading order
  size_t heading_lines = 0;           // the first lines that are the heading (wrapped: more than one)
  std::string heading;                // their text, joined
};

// Collects field values into a Record, joining text with the hyphen
// resolver and filing problems; tracks which lines were taken.
class Builder {
 public:
  Builder(const layout::Layout& layout, const Common& common, const hyphen::Resolver& hyphens);

  void take(int line) { taken_[line] = true; }
  bool taken(int line) const { return taken_[line]; }
  const layout::Line& line(int i) const { return layout_.lines[i]; }
  const layout::Layout& layout() const { return layout_; }
  const Common& common() const { return common_; }

  // Text of pieces joined as one paragraph (hyphens resolved, spaces collapsed).
  std::string join(const Value& v);
  // Pieces grouped into items at item_start, each joined.
  std::vector<std::string> items(const Value& v);

  // Sets a record field from its value; `label` is the label's text as written.
  void set(const std::string& field, const Value& v, const std::string& label);

  void problem(Code code, int page, std::string message, std::string excerpt = {},
               std::optional<Box> box = std::nullopt);
  Record& record() { return record_; }
  bool has(const std::string& field) const;

 private:
  const layout::Layout& layout_;
  const Common& common_;
  const hyphen::Resolver& hyphens_;
  hyphen::Vocabulary vocab_;
  std::vector<bool> taken_;
  std::vector<std::string> fields_set_;
  Record record_;
};

// The readers (readers.cpp): each takes the lines it understands.
void read_preamble(const Grammar& g, const SectionLines& s, Builder& b);
void read_anywhere(const Grammar& g, const SectionLines& s, Builder& b);
void read_fields(const Section& sec, const SectionLines& s, Builder& b);
void read_tasks(const Section& sec, const SectionLines& s, Builder& b);
void read_list(const Section& sec, const SectionLines& s, Builder& b);
void read_text(const Section& sec, const SectionLines& s, Builder& b);

}  // namespace aj::recognize
