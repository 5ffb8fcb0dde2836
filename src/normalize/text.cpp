// text.cpp — Unicode clean-up of extracted words and lines (see text.h).
//
// The mappings are done code point by code point on UTF-8, before NFC: ICU's
// normalisers leave the private-use bullets and U+00AD alone and turn U+2011
// into U+2010, never into '-', so nothing here can be left to them. Pure
// ASCII input (most Estonian words are not, but many tokens are) skips ICU.
#include "normalize/text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

namespace aj::normalize {
namespace {

const icu::Locale& estonian() {
  static const icu::Locale et("et");
  return et;
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

// The next code point of s at *i; malformed bytes come back negative.
UChar32 next_cp(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool is_space(UChar32 c) { return c >= 0 && u_isUWhiteSpace(c); }

// Bullets a Word document draws with a real Unicode character.
constexpr std::array<UChar32, 16> kBulletChars = {
    0x2022, 0x25AA, 0x25E6, 0x25AB, 0x25A0, 0x25A1, 0x25CF, 0x25CB, 0x25C6,
    0x25C7, 0x27A2, 0x2713, 0x2023, 0x2043, '-',    0x2013};

// Code points clean() maps to something else, or drops (0 = drop).
// Returns -1 when c stays as it is.
UChar32 mapped(UChar32 c) {
  if (is_space(c)) return ' ';
  switch (c) {
    case 0x2010: case 0x2011: return '-';
    case 0x200B: case 0x2060: case 0xFEFF: return 0;  // zero-width: not a space
    default: return -1;
  }
}

// Presentation-form ligatures (ﬁ, ﬂ …) that some PDFs' ToUnicode maps keep;
// NFC would leave them, and the words they sit in would not match anything.
const char* ligature(UChar32 c) {
  switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: case 0xFB06: return "st";
    default: return nullptr;
  }
}

// Replaces every space-separated token that is a bullet glyph by kBullet,
// except a lone '-' or '–', which may be a "none" marker (the caller knows).
std::string mark_bullets(std::string s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string::npos) end = s.size();
    std::string_view tok(s.data() + pos, end - pos);
    if (tok != "-" && tok != "\u2013" && is_bullet_glyph(tok))
      out += kBullet;
    else
      out += tok;
    if (end < s.size()) out += ' ';
    pos = end + 1;
  }
  return out;
}

}  // namespace

bool is_bullet_glyph(std::string_view token) {
  int32_t i = 0;
  UChar32 c = next_cp(token, i);
  if (c < 0 || static_cast<size_t>(i) != token.size()) return false;  // not exactly one code point
  if (c >= 0xF000 && c <= 0xF0FF) return true;  // Symbol / Wingdings glyphs
  for (UChar32 b : kBulletChars)
    if (c == b) return true;
  return false;
}

std::string clean(std::string_view utf8) {
  std::string mappedText;
  mappedText.reserve(utf8.size());
  bool ascii = true;
  UChar32 last = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(utf8.size());) {
    UChar32 c = next_cp(utf8, i);
    if (c < 0) c = 0xFFFD;  // malformed input: keep a visible trace
    UChar32 m = mapped(c);
    if (m == 0) continue;
    if (m > 0) c = m;
    // Chromium writes the hyphen it shows at a soft hyphen's line break
    // after the U+00AD itself ("läbi" U+00AD U+2010): one soft hyphen.
    if (c == '-' && last == 0xAD) continue;
    last = c;
    if (const char* lig = ligature(c)) {
      mappedText += lig;
      continue;
    }
    if (c >= 0x80) ascii = false;
    append_utf8(mappedText, c);
  }
  if (ascii) return mark_bullets(std::move(mappedText));  // ASCII is already NFC

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return mark_bullets(std::move(mappedText));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(mappedText);
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return mark_bullets(std::move(mappedText));
  status = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return mark_bullets(std::move(mappedText));
  std::string out;
  n.toUTF8String(out);
  return mark_bullets(std::move(out));
}

std::string strip_soft_hyphens(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\xC2' && i + 1 < utf8.size() && utf8[i + 1] == '\xAD') {
      ++i;  // U+00AD is C2 AD; neither byte can start or end another character
      continue;
    }
    out += utf8[i];
  }
  return out;
}

std::string collapse_spaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending = false;  // a space is owed before the next non-space
  for (int32_t i = 0; i < static_cast<int32_t>(utf8.size());) {
    int32_t start = i;
    UChar32 c = next_cp(utf8, i);
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(utf8.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

std::string lower(std::string_view utf8) {
  std::string out;
  if (is_ascii(utf8)) {
    out.assign(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toLower(estonian()).toUTF8String(out);
  return out;
}

std::string upper(std::string_view utf8) {
  std::string out;
  if (is_ascii(utf8)) {
    out.assign(utf8);
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toUpper(estonian()).toUTF8String(out);
  return out;
}

}  // namespace aj::normalize
