// test_extract_utf16.cpp — Poppler's UTF-16 to UTF-8: plain and Estonian
// letters, a surrogate pair, and lone surrogates (each one U+FFFD, the rest
// of the text kept), so a broken ToUnicode map never yields invalid UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "extract/utf16.h"

using aj::extract::utf8_from_utf16;

TEST_CASE("extract: UTF-16 to UTF-8 of one-, two-, three- and four-byte characters") {
  CHECK(utf8_from_utf16(u"") == "");
  CHECK(utf8_from_utf16(u"Ametijuhend") == "Ametijuhend");
  CHECK(utf8_from_utf16(u"õäöüšž ÕÄÖÜŠŽ") == "õäöüšž ÕÄÖÜŠŽ");
  CHECK(utf8_from_utf16(u"– € ﬁ") == "\xE2\x80\x93 \xE2\x82\xAC \xEF\xAC\x81");
  CHECK(utf8_from_utf16(u"\U0001F600") == "\xF0\x9F\x98\x80");  // a surrogate pair
}

TEST_CASE("extract: a lone surrogate becomes U+FFFD") {
  const std::string replacement = "\xEF\xBF\xBD";
  const char16_t high_alone[] = {u'a', 0xD83D, u'b'};
  const char16_t low_alone[] = {u'a', 0xDE00, u'b'};
  const char16_t high_at_end[] = {u'a', 0xD83D};
  const char16_t two_highs_then_pair[] = {0xD83D, 0xD83D, 0xDE00};
  CHECK(utf8_from_utf16({high_alone, 3}) == "a" + replacement + "b");
  CHECK(utf8_from_utf16({low_alone, 3}) == "a" + replacement + "b");
  CHECK(utf8_from_utf16({high_at_end, 2}) == "a" + replacement);
  CHECK(utf8_from_utf16({two_highs_then_pair, 3}) == replacement + "\xF0\x9F\x98\x80");
}
