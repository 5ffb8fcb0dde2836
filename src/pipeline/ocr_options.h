// ocr_options.h — the OCR settings as the commands name them (`--ocr
// auto|off|force`, `--ocr-lang est|est+eng`): the one mapping from those
// words to extract::OcrOptions, shared by import, export, layout and explain
// (cli/ocr_option.h registers the options), and the settings' part of what
// makes a stored document current (an import with other OCR settings reads
// its documents again, as one with other grammars does).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/pdf.h"

namespace aj::pipeline {

// "auto", "off", "force", in that order (the first is the default).
const std::vector<std::string>& ocr_mode_names();
std::optional<extract::OcrMode> ocr_mode_from_name(std::string_view name);
std::string_view ocr_mode_name(extract::OcrMode mode);

// Tesseract language names joined by '+' ("est", "est+eng"): lower-case
// letters and '_' (as in "est_old"), no empty part. Whether the model is
// installed is learnt when the first page needs it (a no_text_layer problem
// saying how to install it).
bool valid_ocr_languages(std::string_view languages);

// The fingerprint stored with each record: the grammars', and the OCR
// settings when they are not the defaults (so that the archives imported
// with the defaults keep their fingerprints).
std::string parse_fingerprint(const std::string& grammar_fingerprint, const extract::OcrOptions& ocr);

}  // namespace aj::pipeline
