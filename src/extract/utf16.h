// utf16.h — UTF-16 (what Poppler's C++ API returns: words, metadata) to
// UTF-8 (what every later stage holds). Its own file so the lone-surrogate
// rule can be tested without a PDF.
#pragma once

#include <string>
#include <string_view>

namespace aj::extract {

// A lone surrogate (a broken ToUnicode map can emit one) becomes U+FFFD, so
// the result is always valid UTF-8.
std::string utf8_from_utf16(std::u16string_view text);

}  // namespace aj::extract
