// fuzz_support.h — what the libFuzzer targets share: the shipped grammars
// and the hyphen resolver, loaded once, and a synthetic document built from
// lines of text (one word per space-separated token, one row per line, at
// positions and in fonts the input's bytes choose), so that targets reach
// the layout and the recognisers without a PDF.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "extract/pdf.h"
#include "normalize/hyphen.h"
#include "recognize/grammar.h"

namespace aj::fuzz {

struct Shipped {
  recognize::GrammarSet grammars;
  std::unique_ptr<hyphen::Resolver> hyphens;

  Shipped() {
    std::string error;
    auto set = recognize::load_grammars(std::string(AJ_SOURCE_DIR) + "/grammars", &error);
    hyphens = hyphen::Resolver::load(&error);
    if (!set || !hyphens) {
      std::fprintf(stderr, "fuzz: %s\n", error.c_str());
      std::abort();
    }
    grammars = std::move(*set);
  }
};

inline const Shipped& shipped() {
  static const Shipped s;
  return s;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// Lines of text as a document: each line a row 14 points below the last
// (a form feed starts a new page); a line that starts with a tab is indented
// and one that starts with '*' is bold; a double space is a column gap.
inline extract::Document document_of(const std::string& text) {
  extract::Document doc;
  doc.pages.push_back(extract::Page{1, 595, 842, {}, false});
  double y = 60;
  for (std::string line : split_lines(text)) {
    if (!line.empty() && line[0] == '\f') {
      doc.pages.push_back(extract::Page{static_cast<int>(doc.pages.size()) + 1, 595, 842, {}, false});
      y = 60;
      line.erase(0, 1);
    }
    double x = 70;
    std::string font = "LiberationSans";
    if (!line.empty() && line[0] == '\t') x += 36, line.erase(0, 1);
    if (!line.empty() && line[0] == '*') font += "-Bold", line.erase(0, 1);
    std::string word;
    auto flush = [&](double gap) {
      if (word.empty()) return;
      const double width = 5.5 * static_cast<double>(word.size());
      doc.pages.back().words.push_back(extract::Word{word, Box{x, y, x + width, y + 11}, font, 11, gap > 0});
      x += width + gap;
      word.clear();
    };
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] != ' ') {
        word += line[i];
        continue;
      }
      const bool wide = i + 1 < line.size() && line[i + 1] == ' ';
      flush(wide ? 60 : 3);
      while (i + 1 < line.size() && line[i + 1] == ' ') ++i;
    }
    flush(3);
    y += 14;
    if (y > 800) {   // a page full: the next one
      doc.pages.push_back(extract::Page{static_cast<int>(doc.pages.size()) + 1, 595, 842, {}, false});
      y = 60;
    }
  }
  return doc;
}

}  // namespace aj::fuzz
