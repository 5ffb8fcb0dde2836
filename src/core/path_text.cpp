// path_text.cpp — the "\xHH" escaping of file names (see path_text.h).
#include "core/path_text.h"

#include <cstdio>
#include <filesystem>

namespace aj {
namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

int hex_value(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

bool escape_at(std::string_view s, size_t i) {
  return i + 3 < s.size() && s[i] == '\\' && s[i + 1] == 'x' && is_hex(s[i + 2]) && is_hex(s[i + 3]);
}

// The length of the valid UTF-8 sequence at s[i] (no overlong forms, no
// surrogates, at most U+10FFFF), or 0.
size_t utf8_length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) > 0x9F) return 0;   // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) > 0x8F) return 0;   // above U+10FFFF
    return 4;
  }
  return 0;
}

void append_escape(std::string& out, unsigned char c) {
  char hex[5];
  std::snprintf(hex, sizeof hex, "\\x%02X", c);
  out += hex;
}

}  // namespace

std::string path_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const auto c = static_cast<unsigned char>(raw[i]);
    const size_t n = utf8_length(raw, i);
    if (n == 0 || c < 0x20 || c == 0x7F || escape_at(raw, i)) {
      append_escape(out, c);
      ++i;
    } else {
      out.append(raw.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string path_bytes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (escape_at(text, i)) {
      out += static_cast<char>(hex_value(text[i + 2]) * 16 + hex_value(text[i + 3]));
      i += 4;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string path_argument(const std::string& arg) {
  std::error_code ec;
  if (std::filesystem::symlink_status(arg, ec).type() != std::filesystem::file_type::not_found) return arg;
  std::string bytes = path_bytes(arg);
  if (bytes != arg && std::filesystem::symlink_status(bytes, ec).type() != std::filesystem::file_type::not_found)
    return bytes;
  return arg;
}

}  // namespace aj
