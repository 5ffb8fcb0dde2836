// format.h — the failure report as text (for a terminal: short even for a
// 5,000-file archive) and as JSON (everything, for a program).
//
// Text, top to bottom: the summary (files, records and problems by status
// and severity), the problems by code with each code's one line of meaning,
// the repeated problems (the same code and message in several files: one
// line with the count and the first few files), then the files worst first,
// each with what went wrong, where (page) and the text concerned. A file
// shows at most `max_problems` of its own problems ("… and K more"), leaving
// out the repeated ones already listed; at most `max_files` files are shown.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/report.h"

namespace aj::report {

struct TextLimits {
  int max_files = 100;       // files listed one by one; 0: all
  int max_problems = 5;      // problems shown per file; 0: all
  int repeat_names = 3;      // file names shown per repeated problem
  size_t excerpt = 100;      // code points of an excerpt
};

std::string format_text(const Report& report, const TextLimits& limits);

// Everything in the model: summary, codes, repeats (with every path), and
// every document with problems, worst first, each with its records and all
// its problems (page, box, excerpt).
nlohmann::ordered_json to_json(const Report& report);

}  // namespace aj::report
