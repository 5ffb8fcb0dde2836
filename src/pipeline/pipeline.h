// pipeline.h — the stages wired together: a PDF in, records out.
//
// A Pipeline holds what is costly to build and safe to reuse for every
// document of a run: the Poppler sentinel (extract/), the grammars, the
// hyphen lexicon. parse_*() never throws for a bad document: a PDF that
// cannot be read still yields one record, status failed, whose problems say
// why, so that an import or export reports it and goes on.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/directive.h"
#include "core/record.h"
#include "extract/pdf.h"
#include "layout/layout.h"
#include "recognize/grammar.h"
#include "recognize/recognize.h"

namespace aj::pipeline {

struct Parsed {
  std::vector<Record> records;              // at least one; one per appendix of a directive
  std::optional<Directive> directive;       // when the PDF is a directive approving its appendices
  DocInfo info;                    // PDF metadata (pages, producer, …)
};

class Pipeline {
 public:
  // Loads grammars from `grammar_dir` and the Estonian lexicon; nullptr and
  // *error when either cannot be loaded.
  static std::unique_ptr<Pipeline> create(const std::string& grammar_dir, std::string* error);
  // The same with grammars already loaded (the import reads them first for their fingerprint).
  static std::unique_ptr<Pipeline> create(recognize::GrammarSet grammars, std::string* error);
  ~Pipeline();

  // `before_ocr_page` is called before each page OCR reads (extract/pdf.h).
  Parsed parse_file(const std::string& path, const extract::OcrPageHook& before_ocr_page = {}) const;
  Parsed parse_bytes(std::string_view bytes, const std::string& file_name,
                     const extract::OcrPageHook& before_ocr_page = {}) const;

  // OCR settings for the documents parsed after (the import sets them before forking its workers).
  void set_ocr(extract::OcrOptions options);

  const recognize::GrammarSet& grammars() const;
  const extract::Extractor& extractor() const;
  const layout::Options& layout_options() const;
  // The recognition stage alone, for reading a layout already in memory (the mutation tests).
  const recognize::Recognizer& recognizer() const;

 private:
  Pipeline();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aj::pipeline
