// recognize.h — the fourth stage: an analysed layout → a job-description Record.
//
// Every grammar of the set is scored against the document (detect patterns
// and section headings found); the best one reads it and is recorded in
// Record::grammar. Its sections are cut at their headings; each section's
// reader (fields, tasks, list, text — see grammar.h) hands the lines it
// takes to the record's fields; text is joined with the hyphen resolver.
// What no field took is reported as text_unassigned, so nothing is lost
// silently. Record::status follows from the problems: ok only when every
// required section and field was found and no text was left over.
#pragma once

#include <string>

#include "core/record.h"
#include "layout/layout.h"
#include "normalize/hyphen.h"
#include "recognize/grammar.h"

namespace aj::recognize {

class Recognizer {
 public:
  Recognizer(const GrammarSet& grammars, const hyphen::Resolver& hyphens);

  // Builds one record from the whole layout (source.file/index/pages set).
  Record recognize(const layout::Layout& layout, const std::string& file_name) const;

  // Which grammar would read this layout, and its score (0 when none fits).
  std::pair<const Grammar*, int> choose(const layout::Layout& layout) const;

 private:
  const GrammarSet& set_;
  const hyphen::Resolver& hyphens_;
};

}  // namespace aj::recognize
