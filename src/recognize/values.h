// values.h — parsers that turn a field's text into the record's structure.
//
// Each takes the field's text (already joined, hyphens resolved, white space
// collapsed) and the shared vocabulary of _common.toml, and returns the
// parsed value together with any problems (value_invalid, list_unsplit).
// They never guess: what they cannot parse they leave null and say so.
#pragma once

#include <string>
#include <vector>

#include "core/record.h"
#include "recognize/grammar.h"

namespace aj::recognize {

struct Positions {
  std::vector<std::string> items;
  Text scope;
  std::vector<std::string> unsplit;   // items that read as several positions run together (list_unsplit)
};
// "Ekspert (kvaliteet ja seire), koordinaator (välisprojektid), talituse
// juhataja ja osakonna juhataja (ülesannetes, …)." → four items and a scope.
// Split at commas and at ja/või/ning after a position's head noun, never
// inside parentheses; the list's closing "." is dropped; "-"/"Puuduvad" → [].
// An item where one head noun is followed by a capitalised word that ends
// in another ("Talitusejuhataja Peaspetsialist": a list whose separators
// were lost with the table's cells) is kept whole and listed in `unsplit`;
// "osakonna juhataja asetäitja" is one position, not two.
Positions parse_positions(const std::string& text, const Common& c);

struct Unit {
  Text department, division, team;
};
// "Arendusosakonna arendustalitus" → Arendusosakond / arendustalitus;
// "…osakond, arendustalitus (tugitiim)" → …osakond / arendustalitus / tugitiim.
Unit parse_unit(const std::string& text, const Common& c);

Education parse_education(const std::string& text, const Common& c);
Experience parse_experience(const std::string& text, const Common& c);

// One entry per language named, in order; problems for levels that are not CEFR.
std::vector<Language> parse_languages(const std::string& text, const Common& c, int page,
                                      std::vector<Problem>& problems);

// Split at commas outside parentheses; the last item loses its final ".".
std::vector<std::string> split_qualities(const std::string& text);

// "dd.mm.yyyy" → "yyyy-mm-dd"; nullopt when it is no real date.
Text iso_date(const std::string& dmy);

// Text helpers shared by the readers.
std::string trim(const std::string& s);
// The words of a collapsed text (split at single spaces).
std::vector<std::string> words_of(const std::string& s);
std::string strip_final_period(const std::string& s);

}  // namespace aj::recognize
