// fuzz_values.cpp — libFuzzer target: the value parsers on any text, with the
// shipped grammars' vocabulary: position lists, units, education,
// experience, languages and their CEFR levels, qualities, dates (numeric and
// written), and a directive's appendix ranges. Not part of ctest.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "recognize/directive.h"
#include "recognize/values.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  aj::fuzz::shipped();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace r = aj::recognize;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto& set = aj::fuzz::shipped().grammars;
  const r::Common& c = set.common;
  r::parse_positions(text, c);
  r::parse_unit(text, c);
  r::parse_education(text, c);
  r::parse_experience(text, c);
  std::vector<aj::Problem> problems;
  r::parse_languages(text, c, 1, problems);
  r::split_qualities(text);
  r::iso_date(text);
  r::parse_written_date(text, set.dates);
  r::strip_final_period(r::trim(text));
  r::words_of(text);
  for (const auto& d : set.directives) r::expand_ranges(text, d);
  if (auto nul = text.find('\0'); nul != std::string::npos)
    r::same_title(text.substr(0, nul), text.substr(nul + 1));
  return 0;
}
