// bounds.h — the limits on what one document may put into a record, so that
// a hostile PDF cannot make the database, the report or the export grow
// without bound, or carry text that is not valid UTF-8 (README, "Bounds").
//
// Text from a PDF is made valid UTF-8 without NUL here (bounded_utf8):
// invalid bytes become U+FFFD, NULs are dropped, and the text is cut on a
// code point boundary. A record's problems are capped in one place
// (cap_problems, called where the pipeline finishes a document): at most
// kProblemsPerCode of one code, the rest summarised in one problem of that
// code that keeps their pages as ranges ("… on pages 51–2000").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"

namespace aj {

constexpr size_t kMetadataBytes = 4096;      // producer, creator, title of a PDF
constexpr size_t kExcerptChars = 500;        // a problem's excerpt, in code points
constexpr size_t kMessageChars = 1000;       // a problem's message, in code points
constexpr size_t kProblemsPerCode = 50;      // problems of one code kept one by one in a record

// `in` as valid UTF-8 without NUL, at most `max_chars` code points and
// `max_bytes` bytes; a cut text ends with "…" (counted in both limits).
std::string bounded_utf8(std::string_view in, size_t max_chars, size_t max_bytes = SIZE_MAX);

// True when `s` is valid UTF-8 (no overlong forms, no surrogates) without NUL.
bool is_clean_utf8(std::string_view s);

// Keeps the first kProblemsPerCode problems of each code (in order) and
// replaces the rest of that code by one summary problem at the place of the
// first one dropped; every message and excerpt is bounded_utf8.
void cap_problems(std::vector<Problem>& problems);

// "3–7, 9, 12–2000": sorted distinct pages as ranges, at most `max_ranges` of
// them, then ", …".
std::string page_ranges(std::vector<int> pages, size_t max_ranges = 20);

}  // namespace aj
