// test_values.cpp — the field parsers: position lists, units, education,
// experience (digits and Estonian number words), languages and CEFR levels.
#include <doctest/doctest.h>

#include "corpus_paths.h"
#include "recognize/grammar.h"
#include "recognize/values.h"

using namespace aj::recognize;

namespace {
const Common& common() {
  static GrammarSet set = [] {
    std::string error;
    auto s = load_grammars(aj::test::grammars(), &error);
    REQUIRE_MESSAGE(s, error);
    return std::move(*s);
  }();
  return set.common;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("positions: split at commas and at ja/või/ning after a position, never inside parentheses") {
  auto p = parse_positions(
      "Ekspert (kvaliteet ja seire), koordinaator (välisprojektid), talituse juhataja ja osakonna juhataja", common());
  CHECK(p.items == V{"Ekspert (kvaliteet ja seire)", "koordinaator (välisprojektid)", "talituse juhataja",
                     "osakonna juhataja"});
  CHECK(parse_positions("Õiguse ja järelevalve osakonna juhataja", common()).items ==
        V{"Õiguse ja järelevalve osakonna juhataja"});
  CHECK(parse_positions("Tiimijuht või peaspetsialist", common()).items == V{"Tiimijuht", "peaspetsialist"});
  CHECK(parse_positions("eksperdid (ennetus- ja arendustegevused), peaspetsialistid (aruandlus).", common()).items ==
        V{"eksperdid (ennetus- ja arendustegevused)", "peaspetsialistid (aruandlus)"});
}

TEST_CASE("positions: a trailing scope parenthetical is the scope, a name's own parenthetical is not") {
  auto p = parse_positions(
      "Nõustaja, teenuseomanik (OA kriisitelefon) (ülesannete ulatuses, mis ei ole avaliku võimu teostamine)", common());
  CHECK(p.items == V{"Nõustaja", "teenuseomanik (OA kriisitelefon)"});
  CHECK(p.scope == "ülesannete ulatuses, mis ei ole avaliku võimu teostamine");
  auto q = parse_positions("talituse juhataja (ülesannetes, mis ei seisne avaliku võimu teostamises).", common());
  CHECK(q.items == V{"talituse juhataja"});
  CHECK(q.scope == "ülesannetes, mis ei seisne avaliku võimu teostamises");
  CHECK_FALSE(parse_positions("Juhtivspetsialist (OA kriisitelefon)", common()).scope);
}

TEST_CASE("positions: names run together without a separator are kept whole and reported, not guessed apart") {
  auto p = parse_positions("Talitusejuhataja Peaspetsialist, jurist", common());
  CHECK(p.items == V{"Talitusejuhataja Peaspetsialist", "jurist"});
  CHECK(p.unsplit == V{"Talitusejuhataja Peaspetsialist"});
  for (const char* one : {"osakonna juhataja asetäitja", "Juhtivspetsialist IT", "Ekspert (Peaspetsialist Jurist)",
                          "Teenuse juht (TTTVT)", "Talituse juhataja"})
    CHECK_MESSAGE(parse_positions(one, common()).unsplit.empty(), one);
}

TEST_CASE("positions: none markers give an empty list") {
  for (const char* none : {"-", "–", "Puuduvad", "puudub."}) CHECK(parse_positions(none, common()).items.empty());
}

TEST_CASE("unit: department, division and team in the nominative") {
  auto u = parse_unit("Arendusosakonna arendustalitus", common());
  CHECK(u.department == "Arendusosakond");
  CHECK(u.division == "arendustalitus");
  CHECK_FALSE(u.team);
  u = parse_unit("Ohvriabi ja ennetusteenuste osakond, arendustalitus (tugitiim)", common());
  CHECK(u.department == "Ohvriabi ja ennetusteenuste osakond");
  CHECK(u.division == "arendustalitus");
  CHECK(u.team == "tugitiim");
  u = parse_unit("Ohvriabi osakond, kriisitoe talitus", common());
  CHECK(u.department == "Ohvriabi osakond");
  CHECK(u.division == "kriisitoe talitus");
}

TEST_CASE("education: level and fields") {
  auto e = parse_education("Rakenduslik kõrgharidus, soovitatavalt infotehnoloogia alane.", common());
  CHECK(e.level == "professional_higher");
  CHECK(e.fields == "infotehnoloogia alane");
  e = parse_education("Kõrgharidus (eelistatult psühholoogia valdkonnas).", common());
  CHECK(e.level == "higher");
  CHECK(e.fields == "psühholoogia valdkonnas");
  CHECK(parse_education("Magistrikraad õigusteaduses", common()).level == "master");
  CHECK(parse_education("Keskharidus", common()).level == "secondary");
  CHECK_FALSE(parse_education("Kõrgharidus", common()).fields);
  // A parenthesis that names a field of study, with no marker word.
  CHECK(parse_education("tehniline kõrgharidus (teedeehitus või sellega seotud eriala).", common()).fields ==
        "teedeehitus või sellega seotud eriala");
  CHECK_FALSE(parse_education("Kõrgharidus (magistrikraad)", common()).fields);
}

TEST_CASE("experience: years from digits and Estonian number words, optional when recommended") {
  auto x = parse_experience("Vähemalt 3-aastane töökogemus registrite arendamise valdkonnas.", common());
  CHECK(x.years_min == 3);
  CHECK(x.required);
  x = parse_experience("Vähemalt viieaastane töökogemus sotsiaalvaldkonnas.", common());
  CHECK(x.years_min == 5);
  x = parse_experience("Soovitatavalt kaks aastat töökogemust.", common());
  CHECK(x.years_min == 2);
  CHECK_FALSE(x.required);
  CHECK(parse_experience("Eelistatavalt kümneaastane kogemus", common()).years_min == 10);
  CHECK_FALSE(parse_experience("Töökogemus avalikus sektoris", common()).years_min);
}

TEST_CASE("languages: ISO codes, CEFR levels, foreign language with options") {
  std::vector<aj::Problem> problems;
  auto l = parse_languages("Eesti keele oskus vähemalt tasemel C1. Inglise keele oskus vähemalt tasemel B1.", common(),
                           1, problems);
  REQUIRE(l.size() == 2);
  CHECK(l[0].language == "et");
  CHECK(l[0].level == "C1");
  CHECK(l[1].language == "en");
  CHECK(l[1].level == "B1");
  // Several languages and levels in one sentence: each language takes the level written after it.
  l = parse_languages("eesti keel C1, inglise keel B1.", common(), 1, problems);
  REQUIRE(l.size() == 2);
  CHECK(l[0].level == "C1");
  CHECK(l[1].level == "B1");
  l = parse_languages("Eesti keele oskus (C1).", common(), 1, problems);
  REQUIRE(l.size() == 1);
  CHECK(l[0].level == "C1");
  l = parse_languages("Eesti ja inglise keel tasemel B2.", common(), 1, problems);
  REQUIRE(l.size() == 2);
  CHECK(l[0].level == "B2");
  CHECK(l[1].level == "B2");
  l = parse_languages("Vähemalt ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1.", common(),
                      1, problems);
  REQUIRE(l.size() == 1);
  CHECK(l[0].language == "foreign");
  CHECK(l[0].options == V{"en", "ru"});
  CHECK(l[0].required);
  l = parse_languages("Valdab eesti keelt vähemalt tasemel C1.", common(), 1, problems);
  REQUIRE(l.size() == 1);
  CHECK(l[0].language == "et");
  CHECK(problems.empty());
}

TEST_CASE("languages: a level that is not CEFR is a value_invalid problem, not a guess") {
  std::vector<aj::Problem> problems;
  auto l = parse_languages("Vene keele oskus tasemel D1.", common(), 2, problems);
  REQUIRE(l.size() == 1);
  CHECK_FALSE(l[0].level);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == aj::Code::value_invalid);
  CHECK(problems[0].page == 2);
}

TEST_CASE("qualities and dates") {
  CHECK(split_qualities("Hoolivus, lahendustele ja tulemustele orienteeritus, avatus muudatustele.") ==
        V{"Hoolivus", "lahendustele ja tulemustele orienteeritus", "avatus muudatustele"});
  CHECK(iso_date("19.05.2026") == "2026-05-19");
  CHECK(iso_date("7.1.2026") == "2026-01-07");
  CHECK_FALSE(iso_date("31.02.2026"));
  CHECK_FALSE(iso_date("29.02.2025"));
}
