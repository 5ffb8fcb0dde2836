// ocr_spelling.cpp — lexicon-checked diacritic swaps for OCR'd words
// (ocr_spelling.h).
#include "normalize/ocr_spelling.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <set>

namespace aj::normalize {
namespace {

// Each letter with a diacritic and what it may have been: a speck over a
// letter reads as its dots (a → ä), and õ and ö pass for each other. A plain
// letter is never given a diacritic: that would turn names the lexicon does
// not know ("Maret", "Holst") into words it does.
const std::vector<std::pair<UChar32, std::vector<UChar32>>>& swaps() {
  static const std::vector<std::pair<UChar32, std::vector<UChar32>>> table = {
      {U'ä', {U'a'}}, {U'ö', {U'o', U'õ'}}, {U'õ', {U'o', U'ö'}}, {U'ü', {U'u'}}, {U'š', {U's'}}, {U'ž', {U'z'}},
  };
  return table;
}

std::string utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// True when the text is only letters, at least three, and not all capitals
// (an acronym such as SKAIS is not in the lexicon and not misread).
bool plain_word(const icu::UnicodeString& u) {
  int letters = 0, upper = 0;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (!u_isalpha(c)) return false;
    ++letters;
    if (u_isupper(c)) ++upper;
    i += U16_LENGTH(c);
  }
  return letters >= 3 && !(upper == letters);
}

}  // namespace

std::string correct_ocr_word(const std::string& word, const hyphen::Resolver& lexicon) {
  // NFC first: Tesseract may give "ä" as "a" and a combining diaeresis.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return word;
  const icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(word), status);
  if (U_FAILURE(status)) return word;
  // The word between the marks around it ("(pakü)," → "pakü").
  int32_t begin = 0, end = u.length();
  while (begin < end && !u_isalpha(u.char32At(begin))) begin += U16_LENGTH(u.char32At(begin));
  while (end > begin && !u_isalpha(u.char32At(u.moveIndex32(end, -1)))) end = u.moveIndex32(end, -1);
  const icu::UnicodeString core = u.tempSubStringBetween(begin, end);
  if (!plain_word(core) || lexicon.accepts(utf8(core))) return word;
  std::set<std::string> found;
  for (int32_t i = 0; i < core.length(); i += U16_LENGTH(core.char32At(i))) {
    const UChar32 c = core.char32At(i);
    const bool upper = u_isupper(c);
    const UChar32 lower = u_tolower(c);
    for (const auto& [letter, variants] : swaps()) {
      if (letter != lower) continue;
      for (UChar32 v : variants) {
        icu::UnicodeString candidate(core);
        candidate.replace(i, U16_LENGTH(c), upper ? u_toupper(v) : v);
        const std::string text = utf8(candidate);
        if (lexicon.lists(text)) found.insert(text);
      }
    }
  }
  if (found.size() != 1) return word;
  icu::UnicodeString out(u, 0, begin);
  out += icu::UnicodeString::fromUTF8(*found.begin());
  out += icu::UnicodeString(u, end);
  return utf8(out);
}

std::vector<OcrCorrection> correct_ocr_diacritics(extract::Document& doc, const hyphen::Resolver& lexicon) {
  std::vector<OcrCorrection> changes;
  for (extract::Page& page : doc.pages) {
    if (!page.ocr) continue;
    for (extract::Word& w : page.words) {
      std::string fixed = correct_ocr_word(w.text, lexicon);
      if (fixed == w.text) continue;
      changes.push_back(OcrCorrection{page.number, w.text, fixed});
      w.text = std::move(fixed);
    }
  }
  return changes;
}

}  // namespace aj::normalize
