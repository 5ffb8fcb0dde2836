// fuzz_hyphen.cpp — libFuzzer target: the line-end hyphen resolver on any
// lines. The input's lines are a paragraph: join_lines() resolves every
// line-end hyphen (with the words of the input as the document's
// vocabulary), and decide() is asked about the first two lines as they are.
// What it checks beyond "no crash": every decision names its rule. Not part
// of ctest.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  aj::fuzz::shipped();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto lines = aj::fuzz::split_lines(input);
  const auto& resolver = *aj::fuzz::shipped().hyphens;
  aj::hyphen::Vocabulary vocab;
  for (const auto& line : lines) vocab.add_text(line);
  std::vector<aj::hyphen::Decision> log;
  resolver.join_lines(lines, vocab, &log);
  for (const auto& d : log)
    if (d.rule.empty()) __builtin_trap();
  if (lines.size() >= 2) resolver.decide(lines[0], lines[1], vocab);
  for (const auto& line : lines) {
    resolver.accepts(line);
    resolver.hyphenate(line);
  }
  return 0;
}
