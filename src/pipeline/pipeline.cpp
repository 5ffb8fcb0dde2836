// pipeline.cpp — extract → layout → recognise; an unreadable file is a failed record.
#include "pipeline/pipeline.h"

#include <filesystem>

#include "core/bounds.h"
#include "core/path_text.h"
#include "core/status.h"
#include "normalize/hyphen.h"
#include "normalize/ocr_spelling.h"
#include "pipeline/layout_options.h"
#include "recognize/recognize.h"

namespace aj::pipeline {

struct Pipeline::Impl {
  extract::Extractor extractor;
  recognize::GrammarSet grammars;
  std::unique_ptr<hyphen::Resolver> hyphens;
  std::unique_ptr<recognize::Recognizer> recognizer;
  layout::Options layout_options;
};

Pipeline::Pipeline() : impl_(std::make_unique<Impl>()) {}
Pipeline::~Pipeline() = default;

std::unique_ptr<Pipeline> Pipeline::create(const std::string& grammar_dir, std::string* error) {
  auto grammars = recognize::load_grammars(grammar_dir, error);
  if (!grammars) return nullptr;
  return create(std::move(*grammars), error);
}

std::unique_ptr<Pipeline> Pipeline::create(recognize::GrammarSet grammars, std::string* error) {
  auto hyphens = hyphen::Resolver::load(error);
  if (!hyphens) return nullptr;
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->impl_->grammars = std::move(grammars);
  p->impl_->hyphens = std::move(hyphens);
  p->impl_->recognizer = std::make_unique<recognize::Recognizer>(p->impl_->grammars, *p->impl_->hyphens);
  p->impl_->layout_options = pipeline::layout_options(p->impl_->grammars);
  return p;
}

namespace {

// The records of a readable document.
Parsed read_records(const Pipeline& p, const recognize::Recognizer& rec, const extract::Document& doc,
                    const std::string& file) {
  Parsed out;
  out.info = doc.info;
  recognize::Document read = rec.read_document(layout::analyse(doc, p.layout_options()), doc.problems, file);
  out.records = std::move(read.records);
  out.directive = std::move(read.directive);
  return out;
}

// OCR'd words get their diacritics checked against the lexicon and their
// item numbers against their sequence first (normalize/ocr_spelling.h);
// each page's corrections are named in its ocr_used problem.
extract::Document with_ocr_corrections(extract::Document doc, const hyphen::Resolver& lexicon) {
  auto changes = normalize::correct_ocr_diacritics(doc, lexicon);
  for (auto& c : normalize::correct_ocr_item_numbers(doc)) changes.push_back(std::move(c));
  for (Problem& problem : doc.problems) {
    if (problem.code != Code::ocr_used) continue;
    std::string list;
    int n = 0;
    for (const auto& c : changes)
      if (c.page == problem.page && ++n <= 5) list += (list.empty() ? "" : ", ") + ("«" + c.from + "» → «" + c.to + "»");
    if (n > 0)
      problem.message += "; corrected by the lexicon or the item numbers' sequence: " + std::to_string(n) +
                         (n == 1 ? " word: " : " words: ") + list +
                         (n > 5 ? ", …" : "");
  }
  return doc;
}

Parsed finish(const Pipeline& p, const recognize::Recognizer& rec, const hyphen::Resolver& lexicon,
              const extract::Document& doc, const std::string& name) {
  const std::string file = path_text(std::filesystem::path(name).filename().string());
  if (!doc.readable()) {
    Parsed out;
    out.info = doc.info;
    Record r;
    r.source = Source{file, 1, 1, std::max(1, doc.info.pages)};
    r.problems = doc.problems;
    derive_status(r);
    out.records.push_back(std::move(r));
    return out;
  }
  if (doc.ocr_pages() > 0) return read_records(p, rec, with_ocr_corrections(doc, lexicon), file);
  return read_records(p, rec, doc, file);
}

// Where every record's problems are final: capped and cleaned (core/bounds.h).
Parsed bounded(Parsed parsed) {
  for (Record& r : parsed.records) cap_problems(r.problems);
  return parsed;
}

}  // namespace

Parsed Pipeline::parse_file(const std::string& path, const extract::OcrPageHook& before_ocr_page) const {
  return bounded(finish(*this, *impl_->recognizer, *impl_->hyphens, impl_->extractor.load_file(path, before_ocr_page), path));
}

Parsed Pipeline::parse_bytes(std::string_view bytes, const std::string& file_name,
                             const extract::OcrPageHook& before_ocr_page) const {
  return bounded(finish(*this, *impl_->recognizer, *impl_->hyphens, impl_->extractor.load_bytes(bytes, before_ocr_page), file_name));
}

void Pipeline::set_ocr(extract::OcrOptions options) { impl_->extractor.set_ocr(std::move(options)); }

const recognize::GrammarSet& Pipeline::grammars() const { return impl_->grammars; }
const extract::Extractor& Pipeline::extractor() const { return impl_->extractor; }
const layout::Options& Pipeline::layout_options() const { return impl_->layout_options; }
const recognize::Recognizer& Pipeline::recognizer() const { return *impl_->recognizer; }

}  // namespace aj::pipeline
