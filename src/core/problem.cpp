// problem.cpp — names, meanings and default severities of the problem codes.
#include "core/problem.h"

#include <array>

namespace aj {
namespace {

struct CodeInfo {
  Code code;
  std::string_view name;
  Severity severity;
  std::string_view meaning;
};

constexpr std::array kCodes{
    CodeInfo{Code::file_unreadable, "file_unreadable", Severity::error, "the file could not be read from disk"},
    CodeInfo{Code::not_a_pdf, "not_a_pdf", Severity::error, "the file does not start with the %PDF- signature"},
    CodeInfo{Code::pdf_damaged, "pdf_damaged", Severity::error, "Poppler could not open the PDF (truncated or corrupt)"},
    CodeInfo{Code::pdf_encrypted, "pdf_encrypted", Severity::error, "the PDF is locked with a user password"},
    CodeInfo{Code::no_text_layer, "no_text_layer", Severity::error, "a page has no text layer (a scanned image) and OCR is off (--ocr off) or could not read it"},
    CodeInfo{Code::timed_out, "timed_out", Severity::error, "the document took longer than the per-document time limit"},
    CodeInfo{Code::out_of_memory, "out_of_memory", Severity::error,
             "the worker parsing the document ran out of its memory limit (--max-memory)"},
    CodeInfo{Code::worker_crashed, "worker_crashed", Severity::error, "the worker process parsing the document died"},
    CodeInfo{Code::no_grammar_matched, "no_grammar_matched", Severity::error, "no grammar recognised enough of the document"},
    CodeInfo{Code::section_missing, "section_missing", Severity::warning, "a section the grammar requires was not found"},
    CodeInfo{Code::field_missing, "field_missing", Severity::warning, "a required field is missing or empty"},
    CodeInfo{Code::text_unassigned, "text_unassigned", Severity::warning, "text that no field took"},
    CodeInfo{Code::hyphen_uncertain, "hyphen_uncertain", Severity::info, "a line-end hyphen no rule decided; joined by default"},
    CodeInfo{Code::task_without_results, "task_without_results", Severity::warning, "a task has no expected results"},
    CodeInfo{Code::list_unsplit, "list_unsplit", Severity::warning, "a list of positions could not be split with confidence"},
    CodeInfo{Code::value_invalid, "value_invalid", Severity::warning, "a value failed its parser (CEFR level, date, number)"},
    CodeInfo{Code::directive_mismatch, "directive_mismatch", Severity::warning, "a directive's list of appendices disagrees with the appendices found"},
    CodeInfo{Code::section_unknown, "section_unknown", Severity::warning, "a heading no section of the grammar knows (with its text and box); its lines are left unread"},
    CodeInfo{Code::label_unknown, "label_unknown", Severity::warning, "a label no field of its section knows (with its text and box); its value is left unread"},
    CodeInfo{Code::value_inferred, "value_inferred", Severity::warning, "a value derived rather than read as written (a title taken from a heading, put in the nominative), with the text it came from"},
    CodeInfo{Code::values_unpaired, "values_unpaired", Severity::warning, "labels stacked over a run of values that could not be paired with them in order; the values are left unread"},
    CodeInfo{Code::grammar_generic, "grammar_generic", Severity::warning, "read by a grammar of the common vocabulary (generic = true), not of the document's own family: its fields are a best reading, to be checked"},
    CodeInfo{Code::ocr_used, "ocr_used", Severity::warning, "the page's words were recognised by OCR from its image (mean word confidence given): check the values"},
    CodeInfo{Code::ocr_low_confidence, "ocr_low_confidence", Severity::warning, "an OCR'd word below the confidence threshold (with its text and box)"},
};

const CodeInfo& info(Code c) {
  for (const auto& i : kCodes)
    if (i.code == c) return i;
  return kCodes[0];  // unreachable: every enumerator is listed
}

}  // namespace

std::string_view code_name(Code c) { return info(c).name; }
Severity default_severity(Code c) { return info(c).severity; }
std::string_view code_meaning(Code c) { return info(c).meaning; }

std::optional<Code> code_from_name(std::string_view name) {
  for (const auto& i : kCodes)
    if (i.name == name) return i.code;
  return std::nullopt;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::vector<Code> all_codes() {
  std::vector<Code> out;
  for (const auto& i : kCodes) out.push_back(i.code);
  return out;
}

}  // namespace aj
