// corpus_paths.h — where the tests find the committed corpus and grammars.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "pipeline/pipeline.h"

namespace aj::test {

inline std::string source_dir() { return AJ_SOURCE_DIR; }
inline std::string corpus(const std::string& rel) { return source_dir() + "/corpus/" + rel; }
inline std::string grammars() { return source_dir() + "/grammars"; }

// The PDFs of a corpus folder, sorted.
inline std::vector<std::string> pdfs_in(const std::string& rel) {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::directory_iterator(corpus(rel)))
    if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The seed PDFs (two renderings each), sorted.
inline std::vector<std::string> seed_pdfs() { return pdfs_in("seeds"); }

// A fresh empty folder for one test.
inline std::string temp_dir(const std::string& name) {
  auto dir = std::filesystem::path(AJ_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

// One pipeline over the shipped grammars, built once for all tests.
inline pipeline::Pipeline& test_pipeline() {
  static std::unique_ptr<pipeline::Pipeline> p = [] {
    std::string error;
    auto made = pipeline::Pipeline::create(grammars(), &error);
    REQUIRE_MESSAGE(made, error);
    return made;
  }();
  return *p;
}

}  // namespace aj::test
