// ocr_options.cpp — the mode names, the language-list check, the fingerprint suffix.
#include "pipeline/ocr_options.h"

namespace aj::pipeline {

const std::vector<std::string>& ocr_mode_names() {
  static const std::vector<std::string> names{"auto", "off", "force"};
  return names;
}

std::optional<extract::OcrMode> ocr_mode_from_name(std::string_view name) {
  if (name == "auto") return extract::OcrMode::auto_detect;
  if (name == "off") return extract::OcrMode::off;
  if (name == "force") return extract::OcrMode::force;
  return std::nullopt;
}

std::string_view ocr_mode_name(extract::OcrMode mode) {
  switch (mode) {
    case extract::OcrMode::auto_detect: return "auto";
    case extract::OcrMode::off: return "off";
    case extract::OcrMode::force: return "force";
  }
  return "auto";
}

bool valid_ocr_languages(std::string_view languages) {
  size_t part = 0;   // characters of the current name
  for (char c : languages) {
    if (c == '+') {
      if (part == 0) return false;
      part = 0;
    } else if ((c >= 'a' && c <= 'z') || c == '_') {
      ++part;
    } else {
      return false;
    }
  }
  return part > 0;
}

std::string parse_fingerprint(const std::string& grammar_fingerprint, const extract::OcrOptions& ocr) {
  const extract::OcrOptions defaults;
  if (ocr.mode == defaults.mode && ocr.languages == defaults.languages) return grammar_fingerprint;
  return grammar_fingerprint + " ocr=" + std::string(ocr_mode_name(ocr.mode)) +
         (ocr.mode == extract::OcrMode::off ? "" : ":" + ocr.languages);
}

}  // namespace aj::pipeline
