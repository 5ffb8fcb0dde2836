// bounds.cpp — UTF-8 repair and the per-code cap on problems.
#include "core/bounds.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace aj {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kReplacement = "\uFFFD";

// The length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
size_t sequence_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  size_t n = 0;
  uint32_t min = 0, c = 0;
  if ((b & 0xE0) == 0xC0) n = 2, min = 0x80, c = b & 0x1F;
  else if ((b & 0xF0) == 0xE0) n = 3, min = 0x800, c = b & 0x0F;
  else if ((b & 0xF8) == 0xF0) n = 4, min = 0x10000, c = b & 0x07;
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string bounded_utf8(std::string_view in, size_t max_chars, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(in.size(), max_bytes));
  size_t chars = 0;
  for (size_t i = 0; i < in.size();) {
    const size_t n = sequence_length(in, i);
    const std::string_view piece = n == 0 ? kReplacement : in.substr(i, n);
    i += n == 0 ? 1 : n;
    if (piece == std::string_view("\0", 1)) continue;
    // Room must stay for the ellipsis if anything is left after this piece.
    const bool last = i >= in.size();
    const size_t reserve_chars = last ? 0 : 1, reserve_bytes = last ? 0 : kEllipsis.size();
    if (chars + 1 + reserve_chars > max_chars || out.size() + piece.size() + reserve_bytes > max_bytes) {
      if (max_chars > chars && max_bytes >= out.size() + kEllipsis.size()) out += kEllipsis;
      return out;
    }
    out += piece;
    ++chars;
  }
  return out;
}

bool is_clean_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = sequence_length(s, i);
    if (n == 0 || s[i] == '\0') return false;
    i += n;
  }
  return true;
}

std::string page_ranges(std::vector<int> pages, size_t max_ranges) {
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  std::string out;
  size_t ranges = 0;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (ranges++ == max_ranges) return out + ", \u2026";
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += "\u2013" + std::to_string(pages[j]);
    i = j + 1;
  }
  return out;
}

void cap_problems(std::vector<Problem>& problems) {
  std::map<Code, size_t> kept_of;
  std::map<Code, std::vector<Problem>> dropped_of;
  std::map<Code, size_t> summary_at;   // where the summary of a code goes in `kept`
  std::vector<Problem> kept;
  for (Problem& p : problems) {
    p.message = bounded_utf8(p.message, kMessageChars);
    p.excerpt = bounded_utf8(p.excerpt, kExcerptChars);
    if (kept_of[p.code]++ < kProblemsPerCode) {
      kept.push_back(std::move(p));
      continue;
    }
    auto& dropped = dropped_of[p.code];
    if (dropped.empty()) {
      summary_at[p.code] = kept.size();
      kept.push_back(p);   // replaced below by the summary
    }
    dropped.push_back(std::move(p));
  }
  for (auto& [code, dropped] : dropped_of) {
    std::vector<int> pages;
    for (const Problem& p : dropped)
      if (p.page > 0) pages.push_back(p.page);
    Problem& summary = kept[summary_at[code]];
    summary.message = std::to_string(dropped.size()) + " more " + std::string(code_name(code)) + " problems" +
                      (pages.empty() ? std::string() : " on pages " + page_ranges(pages)) +
                      ", not listed one by one (at most " + std::to_string(kProblemsPerCode) + " of one code are)";
    summary.excerpt.clear();
    summary.box.reset();
  }
  problems = std::move(kept);
}

}  // namespace aj
