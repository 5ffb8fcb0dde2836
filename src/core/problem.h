// problem.h — every problem the pipeline can meet, as one flat enum.
//
// A stage never throws across its interface: it returns what it could build
// together with a list of Problem values. Each code has a stable snake_case
// name (what the database, the JSON export and the report print) and a
// default severity. Codes are never renumbered or renamed once released;
// new ones go at the end of their group.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aj {

// A rectangle on a page, in PDF points, origin top-left, y growing downward.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

enum class Severity { error, warning, info };

// The flat list of problem codes (see problem.cpp for one line of meaning each).
enum class Code {
  // file level: no record can be built
  file_unreadable,       // the file could not be read from disk
  not_a_pdf,             // the bytes are not a PDF (no %PDF- signature)
  pdf_damaged,           // Poppler could not open the PDF (truncated, corrupt)
  pdf_encrypted,         // the PDF needs a password to open
  no_text_layer,         // a page has no text (scanned image) and OCR is off or could not read it
  timed_out,             // the worker exceeded the per-document time limit
  out_of_memory,         // the worker ran out of its address space (--max-memory)
  worker_crashed,        // the worker process died (signal given in the message)
  // document level
  no_grammar_matched,    // no grammar recognised enough of the document
  section_missing,       // a required section was not found
  field_missing,         // a required field is missing or empty
  text_unassigned,       // text that no field took (box and excerpt given)
  hyphen_uncertain,      // a line-end hyphen no rule decided; joined by default
  task_without_results,  // a task has no expected results
  list_unsplit,          // a position list could not be split with confidence
  value_invalid,         // a value failed its parser (CEFR level, date, number)
  directive_mismatch,    // a directive's list of appendices disagrees with its appendices
  section_unknown,       // a heading no section of the grammar knows; its lines are left unread
  label_unknown,         // a label no field of its section knows; its value is left unread
  value_inferred,        // a value derived, not read as written (a heading's genitive title put in the nominative)
  values_unpaired,       // stacked labels whose stacked values could not be paired with them in order
  grammar_generic,       // read by a grammar of the common vocabulary, not of the document's family
  ocr_used,              // a page's words come from OCR (pages, mean confidence): at best partial
  ocr_low_confidence,    // an OCR'd word below the confidence threshold (box and text given)
};

std::string_view code_name(Code);
std::optional<Code> code_from_name(std::string_view);
Severity default_severity(Code);
std::string_view code_meaning(Code);
std::string_view severity_name(Severity);
std::vector<Code> all_codes();

struct Problem {
  Code code;
  Severity severity;
  int page = 0;                 // 1-based; 0 when not tied to a page
  std::string message;          // what was expected, what was found
  std::optional<Box> box;       // where on the page, when known
  std::string excerpt;          // the text concerned, when there is some

  static Problem make(Code c, int page, std::string message, std::string excerpt = {},
                      std::optional<Box> box = std::nullopt) {
    return Problem{c, default_severity(c), page, std::move(message), box, std::move(excerpt)};
  }
};

}  // namespace aj
