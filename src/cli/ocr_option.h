// ocr_option.h — `--ocr auto|off|force` and `--ocr-lang LANGS`, defined once
// for every command that extracts words (import, export, layout, explain), so
// that they read a scanned page alike; the words map to extract::OcrOptions
// through pipeline/ocr_options.h.
#pragma once

#include <CLI/CLI.hpp>

#include "extract/pdf.h"

namespace aj::cli {

// Registers both options on `cmd`, writing into `options` (which must outlive the parse).
void add_ocr_options(CLI::App& cmd, extract::OcrOptions& options);

}  // namespace aj::cli
