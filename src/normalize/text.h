// text.h — Unicode clean-up of extracted text, with ICU.
//
// Poppler hands us words as the PDF's ToUnicode maps say. Word documents put
// list bullets in the private-use area (Symbol U+F0B7, Wingdings U+F0A7 …),
// write no-break spaces, and sometimes U+2010/U+2011 hyphens or U+00AD soft
// hyphens. Everything downstream (grammars, hyphen rules, the record's text
// rules) assumes the forms produced here:
//   - NFC;
//   - every white-space character (NBSP, tabs, U+2000…U+200A, U+202F) → ' ';
//   - U+2010, U+2011 → '-' (ICU's NFKC maps U+2011 to U+2010, not to '-',
//     so this is done by hand, before normalising);
//   - a token that is a bullet glyph → kBullet (see is_bullet_glyph);
//   - U+00AD is kept: at a line end it marks a line-break hyphen, which the
//     hyphen resolver joins; inside a word strip_soft_hyphens() removes it.
//     A hyphen right after it is dropped: it is the glyph a browser showed
//     for the soft hyphen at the break (Chromium: U+00AD U+2010).
#pragma once

#include <string>
#include <string_view>

namespace aj::normalize {

// The one marker all bullet glyphs become.
inline constexpr std::string_view kBullet = "\u2022";

// True when the whole token is a list bullet: a private-use glyph of Word's
// Symbol/Wingdings fonts (any U+F000…U+F0FF), • ▪ ◦ ▫ ■ □ ● ○ ◆ ◇ ➢ ✓ ‣ ⁃ or a
// lone '-' / '–'. Whether a lone dash is a bullet or a "none" marker is the
// caller's call (it depends on where it stands); this only says it can be one.
bool is_bullet_glyph(std::string_view token);

// NFC plus the mappings above, applied to one extracted word or a line.
std::string clean(std::string_view utf8);

// Removes U+00AD everywhere.
std::string strip_soft_hyphens(std::string_view utf8);

// Rule 2 of the contract: runs of white space → one space, trimmed.
std::string collapse_spaces(std::string_view utf8);

// Case helpers over ICU with the Estonian locale (õ ä ö ü š ž are letters).
std::string lower(std::string_view utf8);
std::string upper(std::string_view utf8);

}  // namespace aj::normalize
