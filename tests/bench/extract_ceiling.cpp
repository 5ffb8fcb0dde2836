// extract_ceiling.cpp — scripts/bench's line (e): what Poppler's text
// extraction alone can do here, the ceiling of the import's extract stage.
//
//   aj_extract_ceiling FILE.pdf…        (or "-": one path a line on stdin)
//
// Opens each file and, for every page, asks Poppler's C++ API for its words
// with their boxes and fonts — the call src/extract/pdf.cpp makes
// (text_list with text_list_include_font) — and drops them; nothing else:
// no layout, no normalisation, no database. Prints the pages and words it
// read, so the work cannot be optimised away and the bench can check it saw
// every page. Exit 0, or 1 when a file would not open.
#include <poppler-document.h>
#include <poppler-page.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

// Words on every page of one file; -1 when Poppler cannot open it.
long long words_of(const std::string& path, long long* pages) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc || doc->is_locked()) return -1;
  long long words = 0;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    ++*pages;
    words += static_cast<long long>(page->text_list(poppler::page::text_list_include_font).size());
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.size() == 1 && paths[0] == "-") {
    paths.clear();
    for (std::string line; std::getline(std::cin, line);)
      if (!line.empty()) paths.push_back(line);
  }
  if (paths.empty()) {
    std::cerr << "usage: aj_extract_ceiling FILE.pdf… (or - to read the paths from stdin)\n";
    return 2;
  }
  long long pages = 0, words = 0;
  int failed = 0;
  for (const auto& p : paths) {
    const long long n = words_of(p, &pages);
    if (n < 0) {
      std::cerr << "aj_extract_ceiling: " << p << ": Poppler could not open it\n";
      ++failed;
      continue;
    }
    words += n;
  }
  std::cout << paths.size() << " files, " << pages << " pages, " << words << " words\n";
  return failed ? 1 : 0;
}
