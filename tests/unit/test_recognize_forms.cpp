// test_recognize_forms.cpp — the label forms and headings of real templates,
// on layouts built line by line, read with the shipped grammars.
//
// Each case is a template shape no corpus file has in exactly this form (an
// unseen family for the generic grammar, stacked labels whose values wrap,
// sentences that state a field), so what is checked is the rule, not a file.
#include <doctest/doctest.h>

#include "corpus_paths.h"
#include "normalize/hyphen.h"
#include "recognize/grammar.h"
#include "recognize/recognize.h"

namespace {

struct Reading {
  aj::recognize::GrammarSet grammars;
  std::unique_ptr<aj::hyphen::Resolver> hyphens;
  std::unique_ptr<aj::recognize::Recognizer> recognizer;
};

const aj::recognize::Recognizer& shipped() {
  static Reading r = [] {
    Reading out;
    std::string error;
    auto set = aj::recognize::load_grammars(aj::test::grammars(), &error);
    REQUIRE_MESSAGE(set, error);
    out.grammars = std::move(*set);
    out.hyphens = aj::hyphen::Resolver::load(&error);
    REQUIRE_MESSAGE(out.hyphens, error);
    out.recognizer = std::make_unique<aj::recognize::Recognizer>(out.grammars, *out.hyphens);
    return out;
  }();
  return *r.recognizer;
}

// One paragraph per line, as a register's text comes out.
aj::layout::Layout paragraphs(const std::vector<std::string>& texts) {
  aj::layout::Layout l;
  l.pages.resize(1);
  double y = 50;
  for (const auto& t : texts) {
    aj::layout::Line line;
    line.page = 1;
    line.box = aj::Box{70, y, 500, y + 11};
    line.text = t;
    line.para_start = true;
    l.lines.push_back(line);
    y += 14;
  }
  return l;
}

aj::Record read(const std::vector<std::string>& texts) {
  auto doc = shipped().read_document(paragraphs(texts), {}, "x.pdf");
  REQUIRE(doc.records.size() == 1);
  return doc.records[0];
}

bool has(const aj::Record& r, aj::Code c) {
  for (const auto& p : r.problems)
    if (p.code == c) return true;
  return false;
}

}  // namespace

TEST_CASE("recognize: a template no family knows is read by the generic grammar, partial, header right") {
  const auto r = read({"Tartu Linnaraamatukogu", "AMETIJUHEND", "Ametikoha nimetus: Raamatukoguhoidja",
                       "Struktuuriüksus: Teenindusosakond", "Otsene ülem: teenindusosakonna juhataja",
                       "Kes asendab: teine raamatukoguhoidja", "Keda asendab: teist raamatukoguhoidjat",
                       "1. ÜLDSÄTTED", "1.1. Raamatukoguhoidja juhindub oma töös seadustest.",
                       "2. TÖÖÜLESANDED", "2.1. Teenindab lugejaid.", "2.2. Komplekteerib kogusid."});
  CHECK(r.grammar == "generic");
  CHECK(r.title == "Raamatukoguhoidja");
  CHECK(r.structural_unit == "Teenindusosakond");
  CHECK(r.department == "Teenindusosakond");
  CHECK(r.direct_manager == "teenindusosakonna juhataja");
  CHECK(r.substituted_by == std::vector<std::string>{"teine raamatukoguhoidja"});
  CHECK(r.substitutes == std::vector<std::string>{"teist raamatukoguhoidjat"});
  REQUIRE(r.tasks.size() == 2);
  CHECK(r.tasks[1].number == "2.2");
  // The sentence under ÜLDSÄTTED went nowhere known: said, never dropped.
  CHECK(has(r, aj::Code::text_unassigned));
  // Read with the common vocabulary, not the family's: never ok, whatever it took.
  CHECK(has(r, aj::Code::grammar_generic));
  CHECK(r.status == aj::Status::partial);
}

TEST_CASE("recognize: a letter that names a position is not a job description") {
  const auto r = read({"Tartu Linnaraamatukogu", "Teie 12.03.2026 nr 1-2/3", "Meie 14.03.2026 nr 7-1/2",
                       "Vastus pöördumisele", "Lugupeetud härra", "Raamatukoguhoidja ametikoht on täidetud.",
                       "Lugupidamisega", "direktor"});
  CHECK(r.status == aj::Status::failed);
  CHECK(has(r, aj::Code::no_grammar_matched));
}

TEST_CASE("recognize: stacked labels whose values wrap are paired in order, or not at all") {
  // Transpordiamet's 1.5/1.6 flattened: two labels, three value lines.
  std::vector<std::string> head = {"Lisa 2",
                                   "TRANSPORDIAMET",
                                   "MERENDUSTEENISTUSE",
                                   "LAEVADE OSAKONNA INSPEKTORI",
                                   "AMETIJUHEND",
                                   "1. Üldosa",
                                   "1.1. Struktuuriüksuse nimetus laevade osakond",
                                   "1.3. Ametisse nimetab Transpordiameti peadirektor",
                                   "1.4. Allub laevade osakonna juhatajale",
                                   "1.5. Asendaja",
                                   "1.6. Asendab"};
  auto with = [&](std::vector<std::string> tail) {
    auto all = head;
    all.insert(all.end(), tail.begin(), tail.end());
    all.push_back("2. Teenistuskoha eesmärk on laevade ohutuse tagamine.");
    return read(all);
  };
  const auto r = with({"osakonna juhataja või laevade", "osakonna inspektor", "osakonna inspektorit"});
  CHECK(r.grammar == "transpordiamet");
  CHECK(r.substituted_by == std::vector<std::string>{"osakonna juhataja", "laevade osakonna inspektor"});
  CHECK(r.substitutes == std::vector<std::string>{"osakonna inspektorit"});
  // No title label: the block's last line, in the nominative, said so.
  CHECK(r.title == "laevade osakonna inspektor");
  CHECK(has(r, aj::Code::value_inferred));
  CHECK(r.purpose == "Teenistuskoha eesmärk on laevade ohutuse tagamine.");
  // Four lines that do not cut into two values: none is guessed.
  const auto u = with({"osakonna juhataja või laevade", "osakonna", "inspektor või", "osakonna"});
  CHECK(u.substituted_by.empty());
  CHECK(u.substitutes.empty());
  CHECK(has(u, aj::Code::values_unpaired));
  CHECK(u.status == aj::Status::partial);
}

TEST_CASE("recognize: sentences state the manager, the subordinates and who stands in for whom") {
  const auto r = read({"Raamatupidaja ametijuhend", "1. Üldsätted",
                       "1.1 Raamatupidaja on vallavalitsuse ametnik ja allub vallavanemale.",
                       "1.2 Raamatupidaja ametisse nimetab vallavanem.", "1.3 Raamatupidajale alluvad assistent ja laojuhataja.",
                       "1.4 Raamatupidajat asendab kassapidaja.", "1.5 Raamatupidaja asendab pearaamatupidajat.",
                       "2. Ametikoha eesmärk", "Valla raamatupidamise korraldamine.", "3. Ametiülesanded",
                       "3.1 Koostab aruanded.", "3.2 Peab arvestust."});
  CHECK(r.grammar == "municipal-sentences");
  CHECK(r.title == "Raamatupidaja");
  CHECK(r.direct_manager == "vallavanemale.");
  CHECK(r.subordinates == std::vector<std::string>{"assistent", "laojuhataja"});
  CHECK(r.substituted_by == std::vector<std::string>{"kassapidaja"});
  CHECK(r.substitutes == std::vector<std::string>{"pearaamatupidajat"});
  CHECK(r.purpose == "Valla raamatupidamise korraldamine.");
  CHECK(r.tasks.size() == 2);
}

TEST_CASE("recognize: a document that stops inside a task leaves that task out and says so") {
  const auto r = read({"Raamatupidaja ametijuhend", "1. Üldsätted", "1.1 Raamatupidaja allub vallavanemale.",
                       "2. Ametikoha eesmärk", "Valla raamatupidamise korraldamine.", "3. Ametiülesanded",
                       "3.1 Koostab aruanded.", "3.2 Peab arvestust ja kont"});
  REQUIRE(r.tasks.size() == 1);
  CHECK(r.tasks[0].number == "3.1");
  bool said = false;
  for (const auto& p : r.problems) said = said || (p.code == aj::Code::text_unassigned && p.excerpt.find("kont") != std::string::npos);
  CHECK(said);
  CHECK(r.status == aj::Status::partial);
}

TEST_CASE("recognize: a page number alone on a line between duties is no duty's text") {
  const auto r = read({"Raamatupidaja ametijuhend", "1. Üldsätted", "1.1 Raamatupidaja allub vallavanemale.",
                       "2. Ametikoha eesmärk", "Valla raamatupidamise korraldamine.", "3. Ametiülesanded",
                       "3.1 Koostab aruanded ja", "2", "esitab need vallavanemale.", "3.2 Peab arvestust."});
  REQUIRE(r.tasks.size() == 2);
  CHECK(r.tasks[0].text == "Koostab aruanded ja esitab need vallavanemale.");
  bool said = false;
  for (const auto& p : r.problems) said = said || (p.code == aj::Code::text_unassigned && p.excerpt == "2");
  CHECK(said);
}
