// test_hyphen.cpp — line-end hyphens resolved as the seed truth says (rule 3),
// each decision with the rule that made it. The left/right pairs are the
// seeds' own line ends (shared/seeds/*.txt), with the line text before the
// fragment where it matters, and the word-hyphen cases the contract names.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize/hyphen.h"

using aj::hyphen::Decision;
using aj::hyphen::Resolver;
using aj::hyphen::Verdict;
using aj::hyphen::Vocabulary;

namespace {

const Resolver& resolver() {
  static const std::unique_ptr<Resolver> r = [] {
    std::string error;
    auto p = Resolver::load(&error);
    REQUIRE_MESSAGE(p != nullptr, error);
    return p;
  }();
  return *r;
}

struct Case {
  const char* left;
  const char* right;
  const char* result;
  Verdict verdict;
};

void check_cases(const std::vector<Case>& cases, const Vocabulary& vocab = {}) {
  for (const Case& c : cases) {
    Decision d = resolver().decide(c.left, c.right, vocab);
    INFO(c.left, " | ", c.right, " → ", d.result, " (", d.rule, ")");
    CHECK(d.result == c.result);
    CHECK(d.verdict == c.verdict);
    CHECK(d.certain);
  }
}

}  // namespace

TEST_CASE("hyphen: seed line-break hyphens join and drop the hyphen") {
  check_cases({
      {"korraldamine, arendustegevuste käivi-", "tamine", "käivitamine", Verdict::join},       // 001
      {"3.6. Koostööpartnerite nõustamine ja läbi-", "rääkimiste", "läbirääkimiste", Verdict::join},  // 004
      {"3.7. Juhendite ja teabematerjalide ette-", "valmistamine", "ettevalmistamine", Verdict::join},
      {"osalemine ja õigusaktidele muudatus-", "ettepanekute", "muudatusettepanekute", Verdict::join},
      {"▪ Tehtud on põhjendatud arendus-", "ettepanekuid,", "arendusettepanekuid,", Verdict::join},
      {"ettepanekuid, mis lähtuvad Sotsiaal-", "kindlustusameti", "Sotsiaalkindlustusameti",
       Verdict::join},
      {"andmetöötluse põhifunktsioone. Kasutab info- ja kommunikatsiooni-", "tehnoloogiat",
       "kommunikatsioonitehnoloogiat", Verdict::join},
      {"täitmiseks. Teenuse lepingute muudatus-", "vajadusete", "muudatusvajadusete", Verdict::join},
      {"süsteemne ja sihipärane, kasutab efektiivseid tegutsemis-", "meetodeid",
       "tegutsemismeetodeid", Verdict::join},
  });
}

TEST_CASE("hyphen: a typo no dictionary knows is still decided by a rule") {
  // 004 writes "muudatus-|vajadusete" ("vajadusete" for "vajaduste").
  Decision d = resolver().decide("muudatus-", "vajadusete", {});
  CHECK(d.result == "muudatusvajadusete");
  CHECK(d.certain);
  CHECK((d.rule == "patterns" || d.rule == "compound"));
  // muudatus-|ettepanekute: the patterns never break before a vowel
  // (muuda=tusette…); the compound rule does.
  Decision e = resolver().decide("muudatus-", "ettepanekute", {});
  CHECK(e.rule == "compound");
  CHECK(e.certain);
}

TEST_CASE("hyphen: a hyphen that belongs to the word is kept, with no space") {
  check_cases({
      {" Ohvriabi teenistujaid on saanud IT-", "lahenduste", "IT-lahenduste", Verdict::keep_joined},
      {"(vajalike registrite, e-", "platvormide", "e-platvormide", Verdict::keep_joined},
      {"3.1 Teenistujate nõustamine SKAIS-", "i", "SKAIS-i", Verdict::keep_joined},
      {"Vähemalt 3-", "aastane", "3-aastane", Verdict::keep_joined},
      {"Lõuna-", "Eesti", "Lõuna-Eesti", Verdict::keep_joined},
      {"ning IT-", "arendus", "IT-arendus", Verdict::keep_joined},
  });
  CHECK(resolver().decide("e-", "platvormide", {}).rule == "word_hyphen");
}

TEST_CASE("hyphen: suspended compounds keep the hyphen and the space") {
  check_cases({
      {"3.3. Koolitus-", "ja", "Koolitus- ja", Verdict::keep_spaced},
      {" Teenistujatega on katseaja-, vahe-, aasta-", "ja", "aasta- ja", Verdict::keep_spaced},
      {"Kasutab info-", "ja", "info- ja", Verdict::keep_spaced},
      {"Kasutab teksti-", "ja", "teksti- ja", Verdict::keep_spaced},
      {"eksperdid (ennetus-", "ja", "(ennetus- ja", Verdict::keep_spaced},
      {"õuna-", "või", "õuna- või", Verdict::keep_spaced},
  });
  // The list alone marks it, whatever follows.
  CHECK(resolver().decide("katseaja-, vahe-", "vestlused", {}).verdict == Verdict::keep_spaced);
  // A comma opening the next line: the hyphen was written.
  CHECK(resolver().decide("katseaja-", ", vahe-", {}).result == "katseaja-, vahe-");
}

TEST_CASE("hyphen: the dictionary alone would be wrong") {
  // Hunspell's et_EE compounds "koolitus" + "ja" and accepts "koolitusja" ...
  CHECK(resolver().accepts("koolitusja"));
  CHECK(resolver().accepts("Koolitusja"));
  // ... yet the suspended rule runs first.
  Decision d = resolver().decide("Koolitus-", "ja", {});
  CHECK(d.verdict == Verdict::keep_spaced);
  CHECK(d.rule == "suspended");
  CHECK(d.result == "Koolitus- ja");
}

TEST_CASE("hyphen: an agent noun broken before -ja is not a suspended compound") {
  // "kasutaja", "talitusejuhataja": the word after "ja" is a plain word.
  Decision k = resolver().decide("kasuta-", "ja andmed", {});
  CHECK(k.verdict == Verdict::join);
  CHECK(k.result == "kasutaja andmed");
  CHECK(k.certain);
  CHECK(resolver().decide("kasuta-", "ja.", {}).result == "kasutaja.");
  Vocabulary none;
  CHECK(resolver().join_lines({"Teenistuja asendajaks on talitusejuhata-", "ja asendab teda"}, none) ==
        "Teenistuja asendajaks on talitusejuhataja asendab teda");
  // "analüüsi" is a genitive and an imperative: a compound after "ja"
  // completes a suspended compound (seed 002: "Analüüsi- ja üldistusvõime").
  Decision a = resolver().decide("Analüüsi-", "ja üldistusvõime:", {});
  CHECK(a.verdict == Verdict::keep_spaced);
  CHECK(a.certain);
  CHECK(a.result == "Analüüsi- ja üldistusvõime:");
  // With nothing after "ja" the hyphen is kept, but not with certainty.
  Decision u = resolver().decide("analüüsi-", "ja", {});
  CHECK(u.verdict == Verdict::keep_spaced);
  CHECK_FALSE(u.certain);
}

TEST_CASE("hyphen: a soft hyphen at a line end joins") {
  Decision d = resolver().decide("teenistus\u00AD", "ülesannete", {});
  CHECK(d.verdict == Verdict::join);
  CHECK(d.rule == "soft_hyphen");
  CHECK(d.result == "teenistusülesannete");
  Vocabulary none;
  CHECK(resolver().join_lines({"Ohvriabi teenistus\u00AD", "ülesannete täit\u00ADmine"}, none) ==
        "Ohvriabi teenistusülesannete täitmine");
}

TEST_CASE("hyphen: a lone dash is a none marker, not a hyphen") {
  Vocabulary none;
  std::vector<Decision> log;
  CHECK(resolver().join_lines({"Alluvad -", "Teenistuja asendab Nõustaja"}, none, &log) ==
        "Alluvad - Teenistuja asendab Nõustaja");
  CHECK(log.empty());
  CHECK(resolver().join_lines({"Alluvad", "-"}, none) == "Alluvad -");
  Decision d = resolver().decide("Alluvad -", "Teenistuja", none);
  CHECK(d.rule == "none");
  CHECK(d.result == "- Teenistuja");
}

TEST_CASE("hyphen: a lone hyphen after a conjunction opens a suspended compound's second member") {
  Vocabulary none;
  CHECK(resolver().join_lines({"kontoritehnika ja -", "mööbel."}, none) == "kontoritehnika ja -mööbel.");
  Decision d = resolver().decide("kontoritehnika ja -", "mööbel.", none);
  CHECK(d.rule == "suffix");
  CHECK(d.verdict == Verdict::keep_joined);
  CHECK(d.result == "-mööbel.");
  // Before a capital, or not after a conjunction, it is the none marker.
  CHECK(resolver().decide("Alluvad ja -", "Teenistuja", none).rule == "none");
  CHECK(resolver().decide("Alluvad -", "mööbel", none).rule == "none");
}

TEST_CASE("hyphen: the document's own spelling decides before the dictionary") {
  Vocabulary doc;
  doc.add_text("ning IT-arendus toimub kokku lepitud ajal");
  doc.add_text("arendustegevuste käivitamine ja koordineerimine.");
  CHECK(resolver().decide("IT-", "arendus", doc).verdict == Verdict::keep_joined);
  Decision k = resolver().decide("käivi-", "tamine", doc);
  CHECK(k.verdict == Verdict::join);
  CHECK(k.rule == "document");

  // Where nothing before it decides, the document does: "must-valge" is a
  // copulative compound, which Estonian writes with a hyphen.
  CHECK(resolver().decide("must-", "valge", {}).verdict == Verdict::join);
  Vocabulary colours;
  colours.add_text("Trükised on must-valged.");
  colours.add_text("must-valge");
  Decision m = resolver().decide("must-", "valge", colours);
  CHECK(m.verdict == Verdict::keep_joined);
  CHECK(m.rule == "document");
  CHECK(m.result == "must-valge");
}

TEST_CASE("hyphen: Vocabulary is case-insensitive and ignores punctuation and fragments") {
  Vocabulary v;
  v.add_text("(edaspidi koos IT-lahendused) ÕIGUSAKTIDE,  käivi-");
  CHECK(v.has("it-lahendused"));
  CHECK(v.has("IT-LAHENDUSED"));
  CHECK(v.has("õigusaktide"));
  CHECK(v.has("Õigusaktide."));
  CHECK_FALSE(v.has("käivi"));
  CHECK_FALSE(v.has("käivi-"));
  CHECK_FALSE(v.has("edasi"));
}

TEST_CASE("hyphen: join_lines joins a paragraph") {
  Vocabulary none;
  std::vector<Decision> log;
  CHECK(resolver().join_lines({"Ohvriabi kasutatavate IT-", "lahenduste arendamine"}, none, &log) ==
        "Ohvriabi kasutatavate IT-lahenduste arendamine");
  REQUIRE(log.size() == 1);
  CHECK(log[0].left == "IT-");
  CHECK(log[0].right == "lahenduste");
  CHECK(log[0].rule == "word_hyphen");

  // Seed 001, task 2.2 result 5: the suspended list keeps its spaces.
  CHECK(resolver().join_lines({" Teenistujatega on katseaja-, vahe-, aasta- ",
                               "ja üks ühele vestlused eesmärgipäraselt ja "},
                              none) ==
        "Teenistujatega on katseaja-, vahe-, aasta- ja üks ühele vestlused eesmärgipäraselt ja");
  // Seed 004, tasks 3.11: two breaks in a row, white space collapsed.
  log.clear();
  CHECK(resolver().join_lines({"▪ Tehtud on põhjendatud arendus-", "ettepanekuid, mis lähtuvad Sotsiaal-",
                               "kindlustusameti  (edaspidi\tamet)"},
                              none, &log) ==
        "▪ Tehtud on põhjendatud arendusettepanekuid, mis lähtuvad Sotsiaalkindlustusameti "
        "(edaspidi amet)");
  CHECK(log.size() == 2);
  // A one-word line that is itself broken.
  CHECK(resolver().join_lines({"info- ja kommunikatsiooni-", "tehno-", "loogiat"}, none) ==
        "info- ja kommunikatsioonitehnoloogiat");
  CHECK(resolver().join_lines({"", "  a  ", "", "b"}, none) == "a b");
  CHECK(resolver().join_lines({}, none).empty());
}

TEST_CASE("hyphen: a heading in capitals is not an abbreviation") {
  Decision d = resolver().decide("TEENISTUSKOHA ÜLESAN-", "DED", {});
  CHECK(d.verdict == Verdict::join);
  CHECK(d.result == "ÜLESANDED");
}

TEST_CASE("hyphen: the patterns are the Estonian ones") {
  CHECK(resolver().hyphenate("koolitus") == "kooli=tus");
  CHECK(resolver().hyphenate("Infosüsteemide") == "in=fo=süs=teemide");
  CHECK(resolver().hyphenate("õigeaegselt") == "õige=aeg=selt");
}

TEST_CASE("hyphen: load names the missing file") {
  std::string error;
  auto r = Resolver::load(&error, "/nonexistent/et_EE.aff");
  CHECK(r == nullptr);
  CHECK(error.find("/nonexistent/et_EE.aff") != std::string::npos);

  error.clear();
  r = Resolver::load(&error, "/usr/share/hunspell/et_EE.aff", "/usr/share/hunspell/et_EE.dic",
                     "/nonexistent/hyph_et_EE.dic");
  CHECK(r == nullptr);
  CHECK(error.find("/nonexistent/hyph_et_EE.dic") != std::string::npos);
}

// Justified text breaks inside a word that already holds a hyphen: the
// break's hyphen goes, the word's own stays (issue 18: `IT-lahen-|duste`).
TEST_CASE("hyphen: a line break inside a hyphenated word drops only the break's hyphen") {
  Vocabulary none;
  std::vector<Decision> log;
  CHECK(resolver().join_lines({"Ohvriabi kasutatavate IT-lahen-", "duste arendamine"}, none, &log) ==
        "Ohvriabi kasutatavate IT-lahenduste arendamine");
  CHECK(resolver().join_lines({"toetavad e-plat-", "vormide arendust"}, none) == "toetavad e-platvormide arendust");
  for (const auto& d : log) CHECK(d.certain);
}
