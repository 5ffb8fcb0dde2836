// base_form.h — the base form of a position's name: nominative singular, in
// lower case (lower_et), so that names written in any case join the titles
// they name: "hooldetalituse juhatajale" → "hooldetalituse juhataja",
// "Peaspetsialisti" → "peaspetsialist", "eksperdid (ennetus)" → "ekspert
// (ennetus)".
//
// Only the head noun changes: the last word before a qualifier in
// parentheses (and before a complement such as "… alal"). Its case ending and
// the genitive stem's change are rules kept as data
// (grammars/lexicon/base_forms.toml, which documents them); Hunspell's et_EE
// dictionary picks which rule applies: a candidate must be a lemma it knows.
// A compound is split where Hunspell splits it and only its last part
// changes. A name no rule fits is returned lower-cased as written: the base
// form is a join key, never worse than the name itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace aj::normalize {

class BaseForms {
 public:
  // Loads the rules file and Hunspell (Debian's myspell-et by default).
  // nullptr with *error (the file and what was wrong) when one is missing
  // or the rules do not parse.
  static std::unique_ptr<BaseForms> load(const std::string& rules_file, std::string* error,
                                         const std::string& aff = "/usr/share/hunspell/et_EE.aff",
                                         const std::string& dic = "/usr/share/hunspell/et_EE.dic");
  ~BaseForms();

  // The base form of a position's name as written; "" for "".
  std::string of(std::string_view name) const;

 private:
  BaseForms();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// grammars/lexicon/base_forms.toml under a grammars folder.
std::string base_form_rules_file(const std::string& grammar_dir);

}  // namespace aj::normalize
