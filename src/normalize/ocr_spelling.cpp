// ocr_spelling.cpp — lexicon-checked diacritic swaps for OCR'd words
// (ocr_spelling.h).
#include "normalize/ocr_spelling.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <optional>
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

namespace {

// An item number opening a line: "3.4." as major 3, minor 4, mark ".".
struct ItemNumber {
  extract::Word* word = nullptr;
  int page = 0, major = 0, minor = 0;
  std::string mark;
};

std::optional<ItemNumber> item_number(extract::Word& w, int page) {
  const std::string& t = w.text;
  size_t i = 0;
  auto number = [&](int* out) {
    const size_t start = i;
    while (i < t.size() && i - start < 3 && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
    *out = std::stoi(t.substr(start, i - start));
    return true;
  };
  ItemNumber n{&w, page};
  if (!number(&n.major) || i >= t.size() || t[i] != '.') return std::nullopt;
  ++i;
  if (!number(&n.minor)) return std::nullopt;
  n.mark = t.substr(i);
  if (!(n.mark.empty() || n.mark == "." || n.mark == ":" || n.mark == "," || n.mark == ";")) return std::nullopt;
  return n;
}

}  // namespace

std::vector<OcrCorrection> correct_ocr_item_numbers(extract::Document& doc) {
  std::vector<ItemNumber> items;
  for (extract::Page& page : doc.pages) {
    if (!page.ocr) continue;
    std::vector<ItemNumber> on_page;
    for (extract::Word& w : page.words)
      if (auto n = item_number(w, page.number); n && extract::opens_line(w, page.words, 20)) on_page.push_back(*n);
    std::stable_sort(on_page.begin(), on_page.end(),
                     [](const ItemNumber& a, const ItemNumber& b) { return a.word->box.y0 < b.word->box.y0; });
    items.insert(items.end(), on_page.begin(), on_page.end());
  }
  std::vector<OcrCorrection> changes;
  auto fix = [&](ItemNumber& n, int major, const std::string& mark) {
    const std::string to = std::to_string(major) + "." + std::to_string(n.minor) + mark;
    if (to == n.word->text) return;
    changes.push_back(OcrCorrection{n.page, n.word->text, to});
    n.word->text = to;
    n.major = major;
    n.mark = mark;
  };
  for (size_t i = 0; i < items.size(); ++i) {
    ItemNumber& n = items[i];
    // The two neighbours that agree on a list: before and after, or the two
    // after (the first item), or the two before (the last).
    const ItemNumber* a = nullptr;
    const ItemNumber* b = nullptr;
    if (i > 0 && i + 1 < items.size()) a = &items[i - 1], b = &items[i + 1];
    if (!(a && a->major == b->major && a->minor < n.minor && n.minor < b->minor)) {
      a = b = nullptr;
      if (i + 2 < items.size() && items[i + 1].minor == n.minor + 1 && items[i + 2].minor == n.minor + 2)
        a = &items[i + 1], b = &items[i + 2];
      else if (i >= 2 && items[i - 1].minor == n.minor - 1 && items[i - 2].minor == n.minor - 2)
        a = &items[i - 2], b = &items[i - 1];
      if (a && a->major != b->major) a = b = nullptr;
    }
    if (!a) continue;
    const std::string mark = a->mark == b->mark && n.mark != a->mark ? a->mark : n.mark;
    fix(n, a->major, mark);
  }
  return changes;
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
