// pipeline.cpp — extract → layout → recognise, with failures as records.
#include "pipeline/pipeline.h"

#include <filesystem>

#include "core/bounds.h"
#include "normalize/hyphen.h"
#include "recognize/directive.h"
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
  p->impl_->layout_options.furniture_patterns = p->impl_->grammars.common.furniture;
  return p;
}

namespace {

Parsed finish(const Pipeline& p, const recognize::Recognizer& rec, extract::Document doc, const std::string& name) {
  Parsed out;
  out.info = doc.info;
  const std::string file = std::filesystem::path(name).filename().string();
  if (!doc.readable()) {
    Record r;
    r.source = Source{file, 1, 1, std::max(1, doc.info.pages)};
    r.status = Status::failed;
    r.problems = doc.problems;
    out.records.push_back(std::move(r));
    return out;
  }
  auto layout = layout::analyse(doc, p.layout_options());
  bool has_text = false;
  for (const auto& page : doc.pages) has_text = has_text || !page.words.empty();
  // Page-level problems (a page without text) go to the record on that page.
  auto finish_record = [&](Record r, int page_first, int page_last) {
    for (const auto& prob : doc.problems)
      if (prob.page == 0 || (prob.page >= page_first && prob.page <= page_last)) r.problems.insert(r.problems.begin(), prob);
    if (!has_text) r.status = Status::failed;
    else if (!r.problems.empty() && r.status == Status::ok) r.status = Status::partial;
    return r;
  };

  auto split = recognize::split_document(layout, p.grammars());
  if (split.appendices.size() < 2 && !split.grammar) {
    Record r = rec.recognize(layout, file);
    out.records.push_back(finish_record(std::move(r), 1, static_cast<int>(doc.pages.size())));
    return out;
  }
  // A directive, or several stamped job descriptions: one record per appendix.
  for (size_t k = 0; k < split.appendices.size(); ++k) {
    const auto& lines = split.appendices[k];
    Record r = rec.recognize(recognize::sublayout(layout, lines), file);
    const int first = layout.lines[lines.front()].page, last = layout.lines[lines.back()].page;
    r.source = Source{file, static_cast<int>(k + 1), first, last};
    out.records.push_back(finish_record(std::move(r), first, last));
  }
  if (split.grammar) {
    out.directive = recognize::read_directive(layout, split.body, *split.grammar, p.grammars().dates, file);
    recognize::check_appendices(*out.directive, out.records);
  }
  if (out.records.empty()) {
    // A directive whose appendices are not in this PDF: still one (failed) record, saying so.
    Record r;
    r.source = Source{file, 1, 1, static_cast<int>(doc.pages.size())};
    r.status = Status::failed;
    r.problems.push_back(Problem::make(Code::no_grammar_matched, 1, "a directive with no job description appended"));
    out.records.push_back(std::move(r));
  }
  return out;
}

// Where every record's problems are final: capped and cleaned (core/bounds.h).
Parsed bounded(Parsed parsed) {
  for (Record& r : parsed.records) cap_problems(r.problems);
  return parsed;
}

}  // namespace

Parsed Pipeline::parse_file(const std::string& path) const {
  return bounded(finish(*this, *impl_->recognizer, impl_->extractor.load_file(path), path));
}

Parsed Pipeline::parse_bytes(std::string_view bytes, const std::string& file_name) const {
  return bounded(finish(*this, *impl_->recognizer, impl_->extractor.load_bytes(bytes), file_name));
}

const recognize::GrammarSet& Pipeline::grammars() const { return impl_->grammars; }
const extract::Extractor& Pipeline::extractor() const { return impl_->extractor; }
const layout::Options& Pipeline::layout_options() const { return impl_->layout_options; }

}  // namespace aj::pipeline
