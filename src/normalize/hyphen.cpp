// hyphen.cpp — the line-end hyphen resolver (rules in hyphen.h).
//
// Everything that does not need a dictionary is decided first, from the
// shape of the two fragments and from Estonian orthography (EKI, "Sidekriips"
// and "Poolitamine"): a hyphen after an abbreviation, a digit or a single
// letter is written, and a word is never divided so that one letter stays
// behind. Only then are the document's own words, Hunspell (et_EE) and the
// hyphenation patterns (hyph_et) asked. Both of those speak ISO-8859-15, so
// words are lower-cased with ICU and converted with ucnv. Hunspell's affix
// manager keeps per-lookup state in members (its source calls them "not
// stateless"), and a UConverter is not thread-safe either, so both sit behind
// one mutex: one Resolver may be shared by threads.
#include "normalize/hyphen.h"

#include "normalize/text.h"

#include <hunspell.hxx>
#include <hyphen.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace aj::hyphen {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";

// --- UTF-8 helpers ---------------------------------------------------------

UChar32 cp_at(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 cp_before(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

bool is_alnum(UChar32 c) { return c >= 0 && (u_isalpha(c) || u_isdigit(c)); }

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The word inside a token: leading and trailing punctuation removed, inner
// hyphens kept ("(IT-lahendused)," → "IT-lahendused").
std::string_view word_core(std::string_view tok) {
  int32_t b = 0, e = static_cast<int32_t>(tok.size());
  while (b < e) {
    int32_t next = b;
    if (is_alnum(cp_at(tok, next))) break;
    b = next;
  }
  while (e > b) {
    int32_t prev = e;
    if (is_alnum(cp_before(tok, prev))) break;
    e = prev;
  }
  return tok.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
}

// The leading run of letters and digits ("lahenduste," → "lahenduste",
// "ja/või" → "ja"): the part of the next line's first word that continues
// the broken word.
std::string_view leading_word(std::string_view tok) {
  int32_t i = 0;
  while (i < static_cast<int32_t>(tok.size())) {
    int32_t next = i;
    if (!is_alnum(cp_at(tok, next))) break;
    i = next;
  }
  return tok.substr(0, static_cast<size_t>(i));
}

struct Shape {
  int chars = 0, letters = 0, upper = 0, lower = 0, digits = 0;
  bool upper_after_first = false;  // a capital not in first position: IT, SoM, eID
  bool first_upper = false;
  bool last_digit = false;
};

Shape shape_of(std::string_view w) {
  Shape s;
  int n = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(w.size()); ++n) {
    UChar32 c = cp_at(w, i);
    bool up = c >= 0 && u_isupper(c);
    if (c >= 0 && u_isalpha(c)) {
      ++s.letters;
      if (up) ++s.upper;
      if (u_islower(c)) ++s.lower;
    }
    if (c >= 0 && u_isdigit(c)) ++s.digits;
    if (n == 0) s.first_upper = up;
    if (n > 0 && up) s.upper_after_first = true;
    s.last_digit = c >= 0 && u_isdigit(c);
  }
  s.chars = n;
  return s;
}

bool all_caps(const Shape& s) { return s.letters >= 2 && s.lower == 0; }

// A line-end token that may carry a line-break hyphen: it ends in '-' or
// U+00AD right after a letter or digit. A lone "-" (the "none" of
// "Alluvad -") or "--" is a word, not a hyphen.
bool is_fragment(std::string_view tok) {
  size_t cut;
  if (ends_with(tok, "-")) cut = 1;
  else if (ends_with(tok, kSoftHyphen)) cut = kSoftHyphen.size();
  else return false;
  int32_t i = static_cast<int32_t>(tok.size() - cut);
  if (i == 0) return false;
  return is_alnum(cp_before(tok, i));
}

// Conjunctions that follow the first part of a suspended compound:
// "Koolitus- ja teavitustegevuste", "õuna- või marjaaed".
bool is_conjunction(std::string_view w) {
  static constexpr std::array<std::string_view, 6> kWords = {"ja", "või", "ning", "ega", "ehk", "kui"};
  std::string l = normalize::lower(w);
  for (auto k : kWords)
    if (l == k) return true;
  return false;
}

// Splits "… prev tok" into its last token and the one before it.
void last_two_tokens(std::string_view s, std::string_view& prev, std::string_view& last) {
  size_t sp = s.rfind(' ');
  last = sp == std::string_view::npos ? s : s.substr(sp + 1);
  prev = {};
  if (sp == std::string_view::npos) return;
  std::string_view head = trim(s.substr(0, sp));
  size_t sp2 = head.rfind(' ');
  prev = sp2 == std::string_view::npos ? head : head.substr(sp2 + 1);
}

const icu::Locale& estonian() {
  static const icu::Locale et("et");
  return et;
}

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string file_problem(const std::string& what, const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f) {
    std::fclose(f);
    return {};
  }
  return "cannot read " + what + " " + path + ": " + std::strerror(errno);
}

}  // namespace

// --- Vocabulary --------------------------------------------------------------

void Vocabulary::add_text(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(" \t\n\r", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view tok = text.substr(pos, end - pos);
    pos = end + 1;
    // A token ending in a hyphen is a fragment or the first part of a
    // suspended compound; it says nothing about how the document spells words.
    if (tok.empty() || ends_with(tok, "-") || ends_with(tok, kSoftHyphen)) continue;
    std::string_view core = word_core(tok);
    if (core.empty()) continue;
    words_.insert(normalize::lower(normalize::strip_soft_hyphens(core)));
  }
}

bool Vocabulary::has(std::string_view word) const {
  if (words_.empty()) return false;
  return words_.count(normalize::lower(word_core(word))) != 0;
}

// --- Resolver ------------------------------------------------------------------

struct Resolver::Impl {
  std::unique_ptr<Hunspell> speller;
  HyphenDict* patterns = nullptr;
  UConverter* spell_cnv = nullptr;    // UTF-16 → the .dic's SET encoding
  UConverter* pattern_cnv = nullptr;  // UTF-16 → the patterns' encoding
  mutable std::mutex mu;              // guards speller and both converters

  ~Impl() {
    if (patterns) hnj_hyphen_free(patterns);
    if (spell_cnv) ucnv_close(spell_cnv);
    if (pattern_cnv) ucnv_close(pattern_cnv);
  }

  // Converts; false when a character has no code in the target set (then no
  // dictionary can know the word). Caller holds mu.
  static bool encode(UConverter* cnv, const icu::UnicodeString& u, std::string& out) {
    out.resize(static_cast<size_t>(u.length()) * 4 + 4);
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                                u.length(), &st);
    ucnv_reset(cnv);
    if (U_FAILURE(st)) return false;
    out.resize(static_cast<size_t>(n));
    return true;
  }

  struct Spelling {
    bool known = false;     // the word could be asked at all
    bool ok = false;
    bool compound = false;  // accepted only by compounding (koolitus+ja)
  };

  // Hunspell needs 10–100 µs for a compound (it tries every split), and the
  // same words come back in document after document, so answers are cached.
  static constexpr size_t kCacheMax = 100000;
  mutable std::unordered_map<std::string, Spelling> cache;  // guarded by mu

  Spelling spell(std::string_view utf8) const {
    std::string key(utf8);
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    Spelling r;
    std::string bytes;
    if (encode(spell_cnv, to_unicode(utf8), bytes)) {
      int info = 0;
      r.known = true;
      r.ok = speller->spell(bytes, &info);
      r.compound = (info & SPELL_COMPOUND) != 0;
    }
    if (cache.size() >= kCacheMax) cache.clear();
    cache.emplace(std::move(key), r);
    return r;
  }

  // The patterns' hyphenation vector for a lower-cased word; empty when the
  // word cannot be encoded. `split` receives the encoded length of `head`.
  std::vector<char> hyphenation(const icu::UnicodeString& head, const icu::UnicodeString& tail,
                                size_t* split) const {
    std::string a, b;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!encode(pattern_cnv, head, a) || !encode(pattern_cnv, tail, b)) return {};
    }
    if (split) *split = a.size();
    a += b;
    if (a.empty() || a.size() > 200) return {};
    std::vector<char> hy(a.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(patterns, a.data(), static_cast<int>(a.size()), hy.data(), nullptr, &rep,
                          &pos, &cut);
    if (rep) {  // only non-standard patterns allocate these; hyph_et has none
      for (size_t i = 0; i < a.size(); ++i) std::free(rep[i]);
      std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    hy.resize(a.size());
    return hy;
  }

  // Does `word` end in a word the dictionary lists as such (not a compound)
  // of at least `min_chars` code points, after a prefix it accepts
  // (talituse+juhataja, kasutaja)?
  bool ends_in_listed_word(const std::string& word, int min_chars) const {
    std::vector<int32_t> starts;  // code point offsets
    for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
      starts.push_back(i);
      cp_at(word, i);
    }
    const int n = static_cast<int>(starts.size());
    for (int k = 0; k + min_chars <= n; ++k) {
      std::string_view tail(word.data() + starts[static_cast<size_t>(k)],
                            word.size() - static_cast<size_t>(starts[static_cast<size_t>(k)]));
      Spelling t = spell(tail);
      if (!t.ok || t.compound) continue;
      if (k == 0 || spell(std::string_view(word.data(), static_cast<size_t>(starts[static_cast<size_t>(k)]))).ok)
        return true;
    }
    return false;
  }

  // Do the patterns allow a break between left and right (already lowered)?
  bool break_allowed(std::string_view left, std::string_view right) const {
    icu::UnicodeString l = to_unicode(left), r = to_unicode(right);
    size_t split = 0;
    std::vector<char> hy = hyphenation(l, r, &split);
    return !hy.empty() && split > 0 && (hy[split - 1] & 1);
  }
};

Resolver::Resolver() : impl_(std::make_unique<Impl>()) {}
Resolver::~Resolver() = default;

std::unique_ptr<Resolver> Resolver::load(std::string* error, const std::string& aff,
                                         const std::string& dic, const std::string& patterns) {
  auto fail = [&](std::string msg) -> std::unique_ptr<Resolver> {
    if (error) *error = std::move(msg);
    return nullptr;
  };
  for (auto [what, path] : {std::pair<const char*, const std::string*>{"Hunspell affix file", &aff},
                            {"Hunspell dictionary", &dic},
                            {"hyphenation patterns", &patterns}}) {
    std::string p = file_problem(what, *path);
    if (!p.empty()) return fail(p);
  }

  std::unique_ptr<Resolver> r(new Resolver());
  Impl& im = *r->impl_;
  im.speller = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  const char* enc = im.speller->get_dic_encoding();
  UErrorCode st = U_ZERO_ERROR;
  im.spell_cnv = ucnv_open(enc && *enc ? enc : "ISO-8859-1", &st);
  if (U_FAILURE(st))
    return fail("unknown encoding \"" + std::string(enc ? enc : "") + "\" in " + aff);

  im.patterns = hnj_hyphen_load(patterns.c_str());
  if (!im.patterns) return fail("cannot load hyphenation patterns from " + patterns);
  std::string cset = im.patterns->utf8 ? "UTF-8" : std::string(trim(im.patterns->cset));
  st = U_ZERO_ERROR;
  im.pattern_cnv = ucnv_open(cset.c_str(), &st);
  if (U_FAILURE(st)) return fail("unknown encoding \"" + cset + "\" in " + patterns);

  for (UConverter* c : {im.spell_cnv, im.pattern_cnv}) {
    st = U_ZERO_ERROR;  // report unmappable characters instead of writing '?'
    ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  }
  return r;
}

bool Resolver::accepts(std::string_view word) const { return impl_->spell(word).ok; }

bool Resolver::lists(std::string_view word) const {
  const Impl::Spelling s = impl_->spell(word);
  return s.ok && !s.compound;
}

std::string Resolver::hyphenate(std::string_view word) const {
  icu::UnicodeString u = to_unicode(word);
  u.toLower(estonian());
  std::vector<char> hy = impl_->hyphenation(u, icu::UnicodeString(), nullptr);
  if (hy.empty()) return {};
  // hyph_et is single-byte, so byte i of the encoded word is code point i.
  std::string out;
  int32_t i = 0, k = 0;
  while (i < u.length()) {
    UChar32 c = u.char32At(i);
    icu::UnicodeString one(c);
    one.toUTF8String(out);
    if (static_cast<size_t>(k) + 1 < hy.size() && (hy[static_cast<size_t>(k)] & 1)) out += '=';
    i += U16_LENGTH(c);
    ++k;
  }
  return out;
}

Decision Resolver::decide(std::string_view left, std::string_view right, const Vocabulary& vocab) const {
  std::string_view prev, tok;
  last_two_tokens(trim(left), prev, tok);
  right = trim(right);
  std::string_view after;
  if (size_t sp = right.find(' '); sp != std::string_view::npos) {
    after = trim(right.substr(sp + 1));
    after = after.substr(0, after.find(' '));
  }
  return decide_token(prev, tok, right, after, vocab);
}

Decision Resolver::decide_token(std::string_view prev, std::string_view tok, std::string_view right,
                                std::string_view after, const Vocabulary& vocab) const {
  Decision d;
  d.left.assign(tok);
  d.right.assign(right);

  // suffix: "kontoritehnika ja -|mööbel": a lone hyphen after a conjunction
  // opens the second member of a suspended compound (Estonian writes the
  // shared first part once); a browser breaks the line after it.
  int32_t at = 0;
  if (tok == "-" && is_conjunction(word_core(prev)) && !right.empty() && u_islower(cp_at(right, at))) {
    d.verdict = Verdict::keep_joined;
    d.rule = "suffix";
    d.certain = true;
    d.result = d.left + d.right;
    return d;
  }
  if (!is_fragment(tok)) {  // not a hyphen at all ("-" meaning none): two words
    d.verdict = Verdict::keep_spaced;
    d.rule = "none";
    d.certain = true;
    d.result = d.left + " " + d.right;
    return d;
  }
  const bool soft = ends_with(tok, kSoftHyphen);
  std::string_view stem = tok.substr(0, tok.size() - (soft ? kSoftHyphen.size() : 1));

  auto finish = [&](Verdict v, const char* rule, bool certain) {
    d.verdict = v;
    d.rule = rule;
    d.certain = certain;
    d.result.assign(stem);
    if (v != Verdict::join) d.result += '-';
    if (v == Verdict::keep_spaced && !right.empty()) d.result += ' ';
    d.result += right;
    return d;
  };

  // soft_hyphen: U+00AD is by definition a break the typesetter may drop.
  if (soft) return finish(Verdict::join, "soft_hyphen", true);

  std::string_view fcore = word_core(stem);
  std::string_view rword = right.substr(0, right.find(' '));
  std::string_view rcore = leading_word(rword);

  if (rcore.empty()) {
    // "katseaja-" + ", vahe-": the comma shows a written hyphen.
    if (!rword.empty() && (rword.front() == ',' || rword.front() == ';'))
      return finish(Verdict::keep_joined, "suspended", true);
    // The next line does not start with a word: nothing to join.
    return finish(Verdict::keep_spaced, "default", false);
  }

  // suspended: "Koolitus- ja teavitustegevuste". Hunspell's compounding
  // accepts "koolitusja", so the question is whether fragment+ja ends in a
  // listed word: an agent noun broken before its last syllable (kasuta-|ja,
  // talitusejuhata-|ja). Many stems are both a noun's genitive and a verb's
  // imperative (analüüsi), so then the word after "ja" decides: a suspended
  // compound is completed by a compound (analüüsi- ja planeerimisoskus).
  if (is_conjunction(rcore)) {
    const char after_conj = rword.size() > rcore.size() ? rword[rcore.size()] : ' ';
    const bool closes = after_conj == '.' || after_conj == ',' || after_conj == ';' ||
                        after_conj == ':' || after_conj == ')';  // "kasuta-|ja." is no conjunction
    if (!closes) {
      std::string joined = std::string(fcore) + std::string(rcore);
      if (!impl_->ends_in_listed_word(joined, shape_of(rcore).chars + 3))
        return finish(Verdict::keep_spaced, "suspended", true);
      std::string_view acore = word_core(after);
      if (!acore.empty()) {
        Impl::Spelling sa = impl_->spell(acore);
        if (!(sa.ok && !sa.compound)) return finish(Verdict::keep_spaced, "suspended", true);
      } else if (impl_->spell(fcore).ok) {  // "teenistu-|ja": no word, so no first part
        return finish(Verdict::keep_spaced, "suspended", false);
      }
    }
  }
  if (ends_with(prev, "-,"))  // "katseaja-, vahe-, aasta-|…": a list of first parts
    return finish(Verdict::keep_spaced, "suspended", true);

  // A fragment that holds a hyphen of its own (IT-lahen-|duste, e-plat-|vormide)
  // was broken inside its last part: that part alone is the question, and
  // the word's own hyphen stays in the stem.
  if (const size_t own = fcore.rfind('-'); own != std::string_view::npos && own + 1 < fcore.size())
    fcore.remove_prefix(own + 1);

  // word_hyphen: EKI writes a hyphen after a letter, digit or abbreviation
  // (e-platvorm, 3-aastane, IT-lahendus, SKAIS-i) and in name compounds
  // (Lõuna-Eesti). A single letter is also never left alone at a line end
  // by the division rules, so "e-" cannot be a line break.
  Shape fs = shape_of(fcore), rs = shape_of(rcore);
  if (fs.last_digit) return finish(Verdict::keep_joined, "word_hyphen", true);
  if (fs.chars == 1 && fs.letters == 1)
    return finish(Verdict::keep_joined, "word_hyphen", true);
  // A heading set in capitals ("ÜLESAN-|DED") says nothing about abbreviations.
  const bool caps_text = all_caps(fs) && all_caps(rs);
  if (!caps_text && (fs.upper_after_first || rs.first_upper))
    return finish(Verdict::keep_joined, "word_hyphen", true);

  std::string joined = std::string(fcore) + std::string(rcore);
  std::string hyphenated = std::string(fcore) + "-" + std::string(rcore);

  // document: how this document writes the word elsewhere.
  bool doc_joined = vocab.has(joined), doc_hyph = vocab.has(hyphenated);
  if (doc_joined != doc_hyph)
    return finish(doc_joined ? Verdict::join : Verdict::keep_joined, "document", true);

  // The dictionaries are asked in lower case: Hunspell is unsure of
  // compounds in capitals, and the patterns only know lower case.
  const std::string lf = normalize::lower(fcore), lr = normalize::lower(rcore);
  const std::string lj = lf + lr;

  // lexicon. A word the dictionary lists as such (not by compounding:
  // käivitamine, kasutaja) is joined outright. Otherwise Hunspell is asked
  // about the joined form and the hyphenated one; it checks a hyphenated word
  // part by part, so the latter is asked as "are both fragments words".
  // That the fragments are words and the whole is not proves little (its
  // compounding misses inflected compounds: hetkesuundumustest), so "keep"
  // also needs the patterns to forbid a break there.
  Impl::Spelling sj = impl_->spell(caps_text ? std::string_view(lj) : std::string_view(joined));
  if (sj.known && sj.ok && !sj.compound) return finish(Verdict::join, "lexicon", true);
  Impl::Spelling sf = impl_->spell(caps_text ? std::string_view(lf) : fcore);
  Impl::Spelling sr = impl_->spell(caps_text ? std::string_view(lr) : rcore);
  const bool parts_known = sf.known && sr.known, parts_ok = sf.ok && sr.ok;
  const bool pattern_break = impl_->break_allowed(lf, lr);
  if (sj.known && parts_known) {
    if (sj.ok && !parts_ok) return finish(Verdict::join, "lexicon", true);
    if (!sj.ok && parts_ok && !pattern_break) return finish(Verdict::keep_joined, "lexicon", true);
  }

  // In a heading in capitals an abbreviation looks like any word: IT-|LAHENDUSTE
  // passes the patterns. Go on only if the fragment is a word.
  if (!caps_text || sf.ok) {
    // patterns: hyph_et knows Estonian syllables (kom=munikatsiooni=teh…).
    if (pattern_break) return finish(Verdict::join, "patterns", true);
    // compound: the patterns carry a consonant over to a following vowel
    // (muuda=tusette=panekute), so they never allow the break at a compound
    // boundary before a vowel. When both fragments are words and the joined
    // form is a compound Hunspell knows, the break is that boundary, and
    // Estonian writes compounds solid.
    if (sj.ok && parts_ok) return finish(Verdict::join, "compound", true);
  }
  return finish(Verdict::join, "default", false);
}

std::string Resolver::join_lines(const std::vector<std::string>& lines, const Vocabulary& vocab,
                                 std::vector<Decision>* log) const {
  std::string out;
  for (const std::string& raw : lines) {
    std::string line = normalize::collapse_spaces(raw);
    if (line.empty()) continue;
    if (out.empty()) {
      out = std::move(line);
      continue;
    }
    size_t sp = out.rfind(' ');
    size_t start = sp == std::string::npos ? 0 : sp + 1;
    std::string_view tok(out.data() + start, out.size() - start);
    if (!is_fragment(tok) && tok != "-") {   // a lone '-' may open a suffix ("ja -|mööbel")
      out += ' ';
      out += line;
      continue;
    }
    std::string_view prev, last;
    last_two_tokens(out, prev, last);
    size_t rend = line.find(' ');
    std::string_view right(line.data(), rend == std::string::npos ? line.size() : rend);
    std::string_view after;
    if (rend != std::string::npos) {
      after = std::string_view(line).substr(rend + 1);
      after = after.substr(0, after.find(' '));
    }
    Decision d = decide_token(prev, tok, right, after, vocab);
    out.replace(start, std::string::npos, d.result);
    if (rend != std::string::npos) out.append(line, rend, std::string::npos);
    if (log && d.rule != std::string_view("none")) log->push_back(std::move(d));   // no hyphen question was asked
  }
  // Soft hyphens left inside words (or at the paragraph's end) are invisible.
  if (out.find(kSoftHyphen) != std::string::npos) out = normalize::strip_soft_hyphens(out);
  return out;
}

}  // namespace aj::hyphen
