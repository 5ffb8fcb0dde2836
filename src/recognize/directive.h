// directive.h — one PDF, several job descriptions: the directive (käskkiri)
// and its appendices.
//
// split_document() cuts a layout at the lines that open an appendix's
// approval stamp ("KINNITATUD"); the text before the first stamp is the
// directive when it has the directive's mark ("KÄSKKIRI"). read_directive()
// reads the directive's facts; check_appendices() compares its list of
// appendices with the records found and files directive_mismatch problems
// rather than guessing which is right.
#pragma once

#include <string>
#include <vector>

#include "core/directive.h"
#include "layout/layout.h"
#include "recognize/grammar.h"

namespace aj::recognize {

struct Split {
  const DirectiveGrammar* grammar = nullptr;   // the directive grammar that marked the body, or null
  std::vector<int> body;                       // lines before the first stamp
  std::vector<std::vector<int>> appendices;    // each appendix's lines, from its stamp on
};

Split split_document(const layout::Layout& layout, const GrammarSet& set);

// A layout holding only the given lines (tables and pages are shared).
layout::Layout sublayout(const layout::Layout& layout, const std::vector<int>& lines);

Directive read_directive(const layout::Layout& layout, const std::vector<int>& lines, const DirectiveGrammar& g,
                         const Dates& dates, const std::string& file);

// "2025. aasta 1. jaanuaril", "1. märtsist 2026", "07.01.2026" → ISO date.
Text parse_written_date(const std::string& text, const Dates& dates);
// "lisad 1 kuni 2, 4 ja 7 kuni 10" → 1 2 4 7 8 9 10.
std::vector<int> expand_ranges(const std::string& which, const DirectiveGrammar& g);
// Two titles name the same position: case, and Estonian case endings, aside.
bool same_title(const std::string& a, const std::string& b);

void check_appendices(Directive& directive, std::vector<Record>& records);

}  // namespace aj::recognize
