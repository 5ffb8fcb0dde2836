// hyphen.h — resolving hyphens at line ends, per rule 3 of the record contract.
//
// When a paragraph's lines are joined, a line that ends in '-' (or U+00AD)
// raises one question: was the hyphen only a line break (join the two
// fragments and drop it: `läbi-|rääkimiste` → `läbirääkimiste`), does it
// belong to the word (join and keep it: `IT-|lahenduste`, `e-|platvormide`,
// `SKAIS-|i`, `3-|aastane`, `Lõuna-|Eesti`), or is it a suspended compound
// (keep it and the space: `Koolitus-| ja`, `aasta-| ja`)?
//
// Rules, in order (each Decision names the one that fired):
//   suffix           the line ends in a lone '-' after ja/või/ning/…, and the
//                    next line starts in lower case: the hyphen opens the
//                    second member of a suspended compound (`kontoritehnika
//                    ja -|mööbel`) → keep it, joined to the next word.
//   soft_hyphen      the line ends in U+00AD → join, drop it.
//   suspended        the next word is ja/või/ning/ega/ehk/kui, or the
//                    fragment itself is in a `X-, Y-` list → keep `X- `; a
//                    comma opening the next line → keep `X-,`. When
//                    fragment+ja ends in a dictionary word (kasuta-|ja,
//                    analüüsi-|ja), only if the word after "ja" is not a
//                    plain dictionary word (a compound completes a suspended
//                    one: analüüsi- ja planeerimisoskus); with no word after
//                    it, keep `X- ` with certain = false if the fragment is a
//                    word (analüüsi), else go on (teenistu-|ja).
//   (own hyphen)     a left fragment holding a hyphen of its own
//                    (`IT-lahen-|duste`) is asked about its last part only
//                    (`lahen-|duste`); the rules below decide that break.
//   word_hyphen      the left fragment is an abbreviation (a capital after
//                    its first letter: IT, SKAIS, SoM), ends in a digit, is a
//                    single letter, or the right fragment starts with a
//                    capital → join, keep '-'. Not when both fragments are
//                    in capitals (a heading: ÜLESAN-|DED).
//   document         the document itself writes the joined form (join) or
//                    the hyphenated form (keep) elsewhere, not at a line end.
//   lexicon          Hunspell's et_EE lists the joined form as a word of its
//                    own (join); or it accepts the joined form and not the
//                    hyphenated one, i.e. not both fragments (join), or the
//                    reverse (keep).
//   patterns         the et hyphenation patterns (libhyphen) allow a break
//                    at that point of the joined word → join.
//   compound         both fragments are words and Hunspell accepts the
//                    joined compound → join (the patterns never break before
//                    a vowel: muuda=tusette=panekute).
//   default          nothing decided → join, with certain = false, so the
//                    caller files a hyphen_uncertain problem. (Also when the
//                    next line does not start with a word: keep_spaced.)
//   none             `left` is not a fragment at all (a lone "-") → keep_spaced
//                    with the hyphen as a word: "Alluvad -" stays as written.
// The dictionary is a hint, not an oracle: it accepts `koolitusja`, so the
// suspended rule runs before it.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace aj::hyphen {

enum class Verdict {
  join,          // drop the hyphen, no space:    läbi- rääkimiste → läbirääkimiste
  keep_joined,   // keep the hyphen, no space:    IT- lahenduste → IT-lahenduste
  keep_spaced,   // keep the hyphen and a space:  Koolitus- ja → Koolitus- ja
};

struct Decision {
  std::string left, right;   // the fragments as given
  Verdict verdict;
  std::string rule;          // which rule fired (names above)
  bool certain;              // false only for the default rule
  std::string result;        // what the two fragments became
};

// Words the document writes (not at a line end), to consult before the lexicon.
class Vocabulary {
 public:
  void add_text(std::string_view text);     // every word of a line (split at spaces)
  bool has(std::string_view word) const;    // case-insensitive
 private:
  std::set<std::string> words_;
};

class Resolver {
 public:
  // Loads Hunspell (et_EE.aff/.dic) and the hyphenation patterns. Paths
  // default to Debian's myspell-et files. Returns nullptr and sets *error
  // when a file is missing or unreadable.
  static std::unique_ptr<Resolver> load(std::string* error,
                                        const std::string& aff = "/usr/share/hunspell/et_EE.aff",
                                        const std::string& dic = "/usr/share/hunspell/et_EE.dic",
                                        const std::string& patterns = "/usr/share/hyphen/hyph_et_EE.dic");
  ~Resolver();

  // left ends with '-' or U+00AD (possibly followed by nothing else); right
  // is the first word of the next line. left may also be the whole line: its
  // last word is the fragment (Decision::left), the word before it is looked
  // at for a `X-, Y-` list. right may also be the whole next line: its second
  // word tells `analüüsi- ja planeerimisoskus` from `analüüsi-|ja tööd`; the
  // result then holds the whole line.
  Decision decide(std::string_view left, std::string_view right, const Vocabulary& vocab) const;

  // Joins a paragraph's lines into one string, resolving each line-end
  // hyphen; every decision is appended to *log when given.
  std::string join_lines(const std::vector<std::string>& lines, const Vocabulary& vocab,
                         std::vector<Decision>* log = nullptr) const;

  // The two dictionaries, for tests and diagnostics: whether Hunspell accepts
  // a word (compounds included), and the patterns' division of a word in
  // lower case with '=' at each allowed break ("kooli=tus"; "" if the word
  // has a character the patterns' encoding lacks).
  bool accepts(std::string_view word) const;
  // Whether Hunspell lists the word (a form of a dictionary entry), not
  // merely accepts it as a compound of two (tahe+lepanu).
  bool lists(std::string_view word) const;
  std::string hyphenate(std::string_view word) const;

 private:
  Resolver();
  // decide() on one line-end token, with the token before it (for `X-, Y-`)
  // and the word after `right` on the next line (for `analüüsi-| ja X`).
  Decision decide_token(std::string_view prev, std::string_view tok, std::string_view right,
                        std::string_view after, const Vocabulary& vocab) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aj::hyphen
