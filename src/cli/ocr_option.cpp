// ocr_option.cpp — the two OCR options and their one-line checks.
#include "cli/ocr_option.h"

#include "pipeline/ocr_options.h"

namespace aj::cli {

void add_ocr_options(CLI::App& cmd, extract::OcrOptions& options) {
  cmd.add_option_function<std::string>(
         "--ocr", [&options](const std::string& name) { options.mode = *pipeline::ocr_mode_from_name(name); },
         "pages read by OCR (Tesseract): auto, those without a usable text layer; off, none (they stay "
         "no_text_layer); force, every page")
      ->check(CLI::IsMember(pipeline::ocr_mode_names()))
      ->default_str(std::string(pipeline::ocr_mode_name(options.mode)));
  cmd.add_option("--ocr-lang", options.languages,
                 "Tesseract's language models, joined by '+' (est, est+eng); each needs its package "
                 "(tesseract-ocr-est, tesseract-ocr-eng)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (pipeline::valid_ocr_languages(value)) return "";
            return "expected Tesseract language names joined by '+' (est, est+eng), got '" + value + "'";
          },
          "LANG[+LANG]"))
      ->capture_default_str();
}

}  // namespace aj::cli
