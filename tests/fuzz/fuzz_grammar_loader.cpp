// fuzz_grammar_loader.cpp — libFuzzer target: no grammar file, however
// broken, crashes the loader, and no grammar it accepts crashes recognition.
//
// The input is one grammar file, loaded beside the shipped _common.toml and
// numbered-inline.toml (so that a fuzzed directive grammar has job
// descriptions to read); an input holding a NUL byte is two files,
// _common.toml before it and the grammar after it. When the set loads, it reads two corpus PDFs' layouts
// (analysed once, at start): split at appendix stamps, recognise each part,
// read the directive and its ranges, so patterns the schema accepted are
// also run the way the readers use their groups. Run by scripts/fuzz (clang,
// ASan, UBSan); not part of ctest.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/pdf.h"
#include "layout/layout.h"
#include "normalize/hyphen.h"
#include "recognize/directive.h"
#include "recognize/grammar.h"
#include "recognize/recognize.h"

namespace {

using namespace aj;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fixture {
  std::string common = read(std::string(AJ_SOURCE_DIR) + "/grammars/_common.toml");
  std::string numbered = read(std::string(AJ_SOURCE_DIR) + "/grammars/numbered-inline.toml");
  std::unique_ptr<hyphen::Resolver> hyphens;
  std::vector<layout::Layout> layouts;

  Fixture() {
    std::string error;
    hyphens = hyphen::Resolver::load(&error);
    if (!hyphens) {
      fprintf(stderr, "fuzz: %s\n", error.c_str());
      abort();
    }
    extract::Extractor extractor;
    for (const char* pdf : {"/corpus/directives/2026-15.pdf", "/corpus/other/transpordiamet-hooldeinsener.pdf"})
      layouts.push_back(layout::analyse(extractor.load_file(std::string(AJ_SOURCE_DIR) + pdf)));
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// What the pipeline does with a layout, over a fuzzed grammar set.
void recognise(const recognize::GrammarSet& set, const layout::Layout& layout) {
  const recognize::Recognizer recognizer(set, *fixture().hyphens);
  recognizer.read_document(layout, {}, "fuzz.pdf");   // directive split, appendices, status
  for (const auto& d : set.directives) recognize::expand_ranges("lisad 1 kuni 2, 4 ja 7 kuni 10, 99999999999", d);
  recognize::parse_written_date("2025. aasta 1. jaanuaril", set.dates);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<recognize::GrammarText> files;
  if (auto nul = input.find('\0'); nul != std::string::npos) {
    files.push_back({"_common.toml", input.substr(0, nul)});
    files.push_back({"fuzz.toml", input.substr(nul + 1)});
  } else {
    files.push_back({"_common.toml", fixture().common});
    files.push_back({"fuzz.toml", input});
  }
  files.push_back({"numbered-inline.toml", fixture().numbered});
  std::vector<recognize::GrammarError> errors;
  auto set = recognize::load_grammar_texts(files, &errors);
  // Every failure says why, naming a file.
  if (!set && (errors.empty() || errors[0].file.empty())) abort();
  if (set)
    for (const auto& layout : fixture().layouts) recognise(*set, layout);
  return 0;
}
