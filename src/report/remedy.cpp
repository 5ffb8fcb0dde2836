// remedy.cpp — the table behind remedy.h. "{G}" stands for the grammar's
// file (grammars/NAME.toml), or "the grammar" when the record names none.
#include "report/remedy.h"

#include <array>
#include <utility>

namespace aj::report {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kRemedies{{
    {"file_unreadable", "check the file's permissions and path, then import again"},
    {"not_a_pdf", "the file is not a PDF: convert it to PDF or remove it from the folder"},
    {"pdf_damaged", "open the PDF in a viewer; if it is damaged, get a fresh copy and import again"},
    {"pdf_encrypted", "ask for a copy without a password (or remove it) and import again"},
    {"no_text_layer", "the page is a scanned image: get the original digital PDF, or OCR it first"},
    {"timed_out", "import the file alone with a higher --timeout; if it still stops, report it"},
    {"out_of_memory", "import the file alone with a higher --max-memory (the machine must have that much to spare)"},
    {"worker_crashed", "import the file alone; if it crashes again, report it with the file"},
    {"no_grammar_matched",
     "a new layout: add a grammar under grammars/ (docs/grammars.md); run `ametijuhend explain FILE` to see the lines"},
    {"section_missing",
     "add the heading the document uses to that section in {G}; run `ametijuhend explain FILE` to see the headings"},
    {"field_missing", "add the label the document uses as a synonym of the field in {G}; see `ametijuhend explain FILE`"},
    {"text_unassigned",
     "if the text belongs to a field, add its label or heading to {G}; `ametijuhend explain FILE` shows what took each line"},
    {"hyphen_uncertain", "check the joined word in the PDF; add it to the hyphen word lists if it recurs"},
    {"task_without_results", "check the task in the PDF; if results sit under another label, add it to {G}"},
    {"list_unsplit", "check the list in the PDF; a separator the grammar does not know goes in {G}"},
    {"value_invalid", "check the value in the PDF; if it is written another valid way, teach the parser or {G}"},
    {"directive_mismatch", "compare the directive's list of appendices with the appendices in the PDF"},
    {"section_unknown",
     "add the heading to a section of {G} (or a new section); `ametijuhend explain FILE` shows its lines"},
    {"label_unknown", "add the label as a synonym of a field of that section in {G}; see `ametijuhend explain FILE`"},
}};

}  // namespace

std::string what_to_do(std::string_view code, std::string_view grammar) {
  std::string text = "run `ametijuhend explain FILE` to see what was read and why";
  for (const auto& [name, remedy] : kRemedies)
    if (name == code) text = remedy;
  const std::string where = grammar.empty() ? "the grammar" : "grammars/" + std::string(grammar) + ".toml";
  for (size_t at = text.find("{G}"); at != std::string::npos; at = text.find("{G}"))
    text.replace(at, 3, where);
  return text;
}

}  // namespace aj::report
