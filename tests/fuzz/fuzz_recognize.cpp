// fuzz_recognize.cpp — libFuzzer target: the recognisers and the directive
// reader on any text laid out as a document (fuzz_support.h says how lines
// become words: a form feed a page, a tab an indent, '*' bold, two spaces a
// column gap). The layout goes through read_document() with the shipped
// grammars, as the pipeline does: grammar detection, directive split and
// appendices, sections, fields, values, status. What it checks beyond "no
// crash": the status rule's promises (ok ⇒ no problem; failed ⇒ an error).
// Not part of ctest.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "layout/layout.h"
#include "pipeline/layout_options.h"
#include "recognize/recognize.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  aj::fuzz::shipped();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& shipped = aj::fuzz::shipped();
  static const aj::recognize::Recognizer recognizer(shipped.grammars, *shipped.hyphens);
  const auto doc = aj::fuzz::document_of(std::string(reinterpret_cast<const char*>(data), size));
  const auto layout = aj::layout::analyse(doc, aj::pipeline::layout_options(shipped.grammars));
  const auto read = recognizer.read_document(layout, {}, "fuzz.pdf");
  for (const auto& record : read.records) {
    bool error = false;
    for (const auto& p : record.problems) error = error || p.severity == aj::Severity::error;
    if (record.status == aj::Status::ok && !record.problems.empty()) __builtin_trap();
    if (record.status == aj::Status::failed && !error) __builtin_trap();
  }
  return 0;
}
