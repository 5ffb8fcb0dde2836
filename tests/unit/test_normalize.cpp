// test_normalize.cpp — Unicode clean-up (text.h): bullets, spaces, hyphen
// variants, NFC and Estonian case mapping.
#include <doctest/doctest.h>

#include "normalize/text.h"

namespace n = aj::normalize;

TEST_CASE("normalize: private-use and Unicode bullets are bullet glyphs") {
  for (const char* g : {"\uF0B7", "\uF0A7", "\uF0D8", "\uF076", "\uF0FC", "•", "▪", "◦", "–", "-", "➢"})
    CHECK_MESSAGE(n::is_bullet_glyph(g), g);
  for (const char* g : {"a", "--x", "--", "", "•a", "1.", "\uF0B7\uF0B7"})
    CHECK_FALSE_MESSAGE(n::is_bullet_glyph(g), g);
}

TEST_CASE("normalize: clean maps bullets to one marker") {
  CHECK(n::clean("\uF0B7") == "•");
  CHECK(n::clean("\uF0A7 Kliendikesksus") == "• Kliendikesksus");
  CHECK(n::clean("▪ Tehtud") == "• Tehtud");
  // A lone dash may be a "none" marker ("Alluvad -"): left for the caller.
  CHECK(n::clean("Alluvad -") == "Alluvad -");
  CHECK(n::clean("–") == "–");
  // A private-use glyph inside a word is not a bullet (Symbol-font ≥ etc.).
  CHECK(n::clean("a\uF0B3b") == "a\uF0B3b");
}

TEST_CASE("normalize: clean maps white space and hyphen variants") {
  CHECK(n::clean("kord\u00A0aastas") == "kord aastas");
  CHECK(n::clean("a\tb") == "a b");
  CHECK(n::clean("a\u202Fb\u2009c") == "a b c");
  CHECK(n::clean("IT\u2011lahendused") == "IT-lahendused");
  CHECK(n::clean("e\u2010teenus") == "e-teenus");
  CHECK(n::clean("ki\u00ADri") == "ki\u00ADri");  // kept: at a line end it means something
  CHECK(n::clean("läbi\u00AD\u2010") == "läbi\u00AD");  // Chromium: the soft hyphen, then the hyphen it showed
  CHECK(n::clean("läbi\u00AD-") == "läbi\u00AD");
  CHECK(n::clean("IT-\u00AD") == "IT-\u00AD");          // a hyphen before it is a word's own
  CHECK(n::clean("\uFB01nants") == "finants");
  CHECK(n::clean("a\u200Bb") == "ab");
}

TEST_CASE("normalize: clean composes to NFC") {
  CHECK(n::clean("o\u0303un") == "õun");
  CHECK(n::clean("S\u030Cokk") == "Šokk");
  CHECK(n::clean("Tööülesanded") == "Tööülesanded");
  CHECK(n::clean("plain ascii") == "plain ascii");
}

TEST_CASE("normalize: Estonian case mapping") {
  CHECK(n::lower("ÕUN ŠOKK") == "õun šokk");
  CHECK(n::lower("ÄÖÜŽ") == "äöüž");
  CHECK(n::upper("õun šokk žürii") == "ÕUN ŠOKK ŽÜRII");
  CHECK(n::lower("ABC") == "abc");
  CHECK(n::upper("") == "");
}

TEST_CASE("normalize: strip_soft_hyphens and collapse_spaces") {
  CHECK(n::strip_soft_hyphens("tee\u00ADnis\u00ADtus") == "teenistus");
  CHECK(n::strip_soft_hyphens("õun") == "õun");
  CHECK(n::collapse_spaces("  a \t b\n") == "a b");
  CHECK(n::collapse_spaces("kliendi\u00A0 (nii") == "kliendi (nii");
  CHECK(n::collapse_spaces(" \n\t ").empty());
  CHECK(n::collapse_spaces("õun  šokk") == "õun šokk");
}
