// base_form.cpp — the head noun of a position's name taken to its
// nominative: the rules of grammars/lexicon/base_forms.toml tried in order,
// each candidate asked of Hunspell (et_EE). Hunspell is asked in its
// dictionary's encoding (ISO 8859-15 for myspell-et), converted with ICU's
// ucnv; a word with a character the encoding lacks is left as written.
// Answers are cached: the same few hundred titles come back in every
// document.
#include "normalize/base_form.h"

#include <hunspell.hxx>
#include <toml++/toml.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "normalize/text.h"

namespace aj::normalize {
namespace {

struct Ending {
  std::string suffix, replace;
};

size_t letters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < s.size()) {
    const size_t end = std::min(s.find(' ', at), s.size());
    if (end > at) out.emplace_back(s.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

struct BaseForms::Impl {
  std::vector<Ending> cases, stems;
  std::vector<std::string> dropped_parentheses, complements;
  size_t min_letters = 4;

  std::unique_ptr<Hunspell> speller;
  UConverter* cnv = nullptr;   // UTF-8 ↔ the dictionary's encoding
  mutable std::mutex mu;       // guards speller, cnv and the caches
  mutable std::unordered_map<std::string, bool> lemma_cache;
  mutable std::unordered_map<std::string, std::string> head_cache;

  ~Impl() {
    if (cnv) ucnv_close(cnv);
  }

  std::optional<std::string> encode(std::string_view utf8) const {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n = ucnv_fromUChars(cnv, out.data(), int32_t(out.size()), u.getBuffer(), u.length(), &st);
    ucnv_reset(cnv);
    if (U_FAILURE(st)) return std::nullopt;
    out.resize(static_cast<size_t>(n));
    return out;
  }

  std::string decode(const std::string& bytes) const {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString u(bytes.data(), int32_t(bytes.size()), cnv, st);
    ucnv_reset(cnv);
    std::string out;
    if (U_SUCCESS(st)) u.toUTF8String(out);
    return out;
  }

  // A word Hunspell accepts that is its own stem: a dictionary lemma, not an
  // inflected form or a compound of fragments ("spetsialis" stems to "spetsi").
  bool is_lemma(const std::string& word) const {
    if (letters(word) < min_letters) return false;
    if (auto hit = lemma_cache.find(word); hit != lemma_cache.end()) return hit->second;
    bool lemma = false;
    if (auto bytes = encode(word); bytes && speller->spell(*bytes)) {
      const auto stems = speller->stem(*bytes);
      lemma = std::find(stems.begin(), stems.end(), *bytes) != stems.end();
    }
    lemma_cache.emplace(word, lemma);
    return lemma;
  }

  // The last part of a compound as Hunspell splits it (the analysis with the
  // fewest parts), or the word itself.
  std::string last_part(const std::string& word) const {
    auto bytes = encode(word);
    if (!bytes) return word;
    std::string best;
    size_t best_parts = 0;
    for (const std::string& analysis : speller->analyze(*bytes)) {
      std::vector<std::string> parts;
      for (size_t at = analysis.find("pa:"); at != std::string::npos; at = analysis.find("pa:", at + 3)) {
        const size_t end = std::min(analysis.find(' ', at), analysis.size());
        parts.push_back(analysis.substr(at + 3, end - at - 3));
      }
      if (parts.size() >= 2 && (best_parts == 0 || parts.size() < best_parts)) {
        best = parts.back();
        best_parts = parts.size();
      }
    }
    const std::string part = best.empty() ? word : decode(best);
    return !part.empty() && word.size() > part.size() && word.ends_with(part) ? part : word;
  }

  // The nominative of one word (no compound split): the first pair of rules
  // whose candidate is a lemma, else the word.
  std::string nominative(const std::string& word) const {
    for (const Ending& c : cases) {
      if (!word.ends_with(c.suffix) || word.size() == c.suffix.size()) continue;
      const std::string stem = word.substr(0, word.size() - c.suffix.size());
      for (const Ending& s : stems) {
        if (!stem.ends_with(s.suffix) || stem.size() == s.suffix.size()) continue;
        std::string candidate = stem.substr(0, stem.size() - s.suffix.size()) + s.replace;
        if (is_lemma(candidate)) return candidate;
      }
    }
    return word;
  }

  std::string head(const std::string& word) const {
    if (auto hit = head_cache.find(word); hit != head_cache.end()) return hit->second;
    // "sekretär-asjaajajale": the part after the last hyphen carries the case.
    const size_t hyphen = word.rfind('-');
    const std::string before = hyphen == std::string::npos ? "" : word.substr(0, hyphen + 1);
    const std::string after = word.substr(before.size());
    const std::string part = last_part(after);
    const std::string prefix = after.substr(0, after.size() - part.size());
    std::string out = before + prefix + nominative(part);
    head_cache.emplace(word, out);
    return out;
  }
};

BaseForms::BaseForms() : impl_(std::make_unique<Impl>()) {}
BaseForms::~BaseForms() = default;

std::string base_form_rules_file(const std::string& grammar_dir) {
  return (std::filesystem::path(grammar_dir) / "lexicon" / "base_forms.toml").string();
}

std::unique_ptr<BaseForms> BaseForms::load(const std::string& rules_file, std::string* error, const std::string& aff,
                                           const std::string& dic) {
  auto fail = [&](std::string why) -> std::unique_ptr<BaseForms> {
    if (error) *error = std::move(why);
    return nullptr;
  };
  std::unique_ptr<BaseForms> b(new BaseForms());
  Impl& im = *b->impl_;
  try {
    const toml::table t = toml::parse_file(rules_file);
    im.min_letters = static_cast<size_t>(t["min_letters"].value_or(int64_t{4}));
    auto strings = [&](const char* key, std::vector<std::string>& out) {
      if (const auto* a = t[key].as_array())
        for (const auto& v : *a)
          if (auto s = v.value<std::string>()) out.push_back(*s);
    };
    strings("dropped_parentheses", im.dropped_parentheses);
    strings("complements", im.complements);
    auto endings = [&](const char* key, std::vector<Ending>& out) -> bool {
      const auto* a = t[key].as_array();
      if (!a) return false;
      for (const auto& v : *a) {
        const auto* row = v.as_table();
        if (!row || !(*row)["suffix"].is_string()) return false;
        out.push_back({(*row)["suffix"].value_or(std::string()), (*row)["replace"].value_or(std::string())});
      }
      return !out.empty();
    };
    if (!endings("case", im.cases)) return fail(rules_file + ": expected [[case]] tables with a suffix");
    if (!endings("stem", im.stems)) return fail(rules_file + ": expected [[stem]] tables with a suffix");
  } catch (const toml::parse_error& e) {
    return fail(rules_file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  for (const std::string* path : {&aff, &dic}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*path, ec)) return fail("no Hunspell file " + *path + " (package myspell-et)");
  }
  im.speller = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  const char* enc = im.speller->get_dic_encoding();
  UErrorCode st = U_ZERO_ERROR;
  im.cnv = ucnv_open(enc && *enc ? enc : "ISO-8859-1", &st);
  if (U_FAILURE(st)) return fail("unknown encoding \"" + std::string(enc ? enc : "") + "\" in " + aff);
  st = U_ZERO_ERROR;  // unmappable characters fail the word instead of becoming '?'
  ucnv_setFromUCallBack(im.cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  return b;
}

std::string BaseForms::of(std::string_view name) const {
  const Impl& im = *impl_;
  std::string text = collapse_spaces(lower(name));
  while (!text.empty() && std::string_view(".,;:").find(text.back()) != std::string_view::npos) text.pop_back();
  // The qualifier in parentheses is kept (it tells two experts apart), unless
  // it only defines a short name.
  std::string phrase = text, qualifier;
  if (const size_t open = text.find('('); open != std::string::npos) {
    phrase = std::string(trim(std::string_view(text).substr(0, open)));
    qualifier = text.substr(open);
    const std::string inside(trim(std::string_view(qualifier).substr(1)));
    for (const auto& w : im.dropped_parentheses)
      if (inside.starts_with(w)) qualifier.clear();
  }
  // The head is the last word, or the word before a complement ("asetäitjale majandusalal").
  std::vector<std::string> words = words_of(phrase);
  size_t head = words.size();
  if (words.size() >= 2)
    for (const auto& c : im.complements)
      if (words.back().ends_with(c)) {
        head = words.back() == c && words.size() >= 3 ? words.size() - 2 : words.size() - 1;
        break;
      }
  if (head == 0) return text;
  {
    std::lock_guard<std::mutex> lock(im.mu);
    words[head - 1] = im.head(words[head - 1]);
  }
  return joined(words) + (qualifier.empty() ? "" : " " + qualifier);
}

}  // namespace aj::normalize
