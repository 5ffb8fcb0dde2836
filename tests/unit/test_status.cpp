// test_status.cpp — the status rule (core/status.h) and its two invariants,
// on made records and over every PDF of corpus/, broken ones included; and
// the cases of the "never silently wrong" issue, on a seed's layout altered
// in memory.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/status.h"
#include "corpus_paths.h"
#include "layout/layout.h"

namespace {

bool has_error(const aj::Record& r) {
  for (const auto& p : r.problems)
    if (p.severity == aj::Severity::error) return true;
  return false;
}

// Every PDF under corpus/, in every folder.
std::vector<std::string> every_corpus_pdf() {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::recursive_directory_iterator(aj::test::corpus("")))
    if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

aj::Record recognised(double coverage) {
  aj::Record r;
  r.title = "Ekspert";
  r.coverage = coverage;
  return r;
}

struct Read {
  aj::layout::Layout layout;
  std::vector<aj::Problem> page_problems;
};

Read read_seed(const std::string& rel) {
  auto& p = aj::test::test_pipeline();
  const auto doc = p.extractor().load_file(aj::test::corpus(rel));
  return {aj::layout::analyse(doc, p.layout_options()), doc.problems};
}

aj::layout::Line& line_with(aj::layout::Layout& layout, const std::string& text) {
  for (auto& l : layout.lines)
    if (l.text == text) return l;
  FAIL("no line '" << text << "'");
  return layout.lines.front();
}

const aj::Problem* problem_naming(const aj::Record& r, aj::Code code, const std::string& text) {
  for (const auto& p : r.problems)
    if (p.code == code && p.excerpt.find(text) != std::string::npos) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("status: ok only with no problem and full coverage, failed always says why") {
  auto r = recognised(1.0);
  aj::derive_status(r);
  CHECK(r.status == aj::Status::ok);

  r = recognised(0.97);   // a line went nowhere
  aj::derive_status(r);
  CHECK(r.status == aj::Status::partial);

  r = recognised(1.0);
  r.problems.push_back(aj::Problem::make(aj::Code::hyphen_uncertain, 1, "a hyphen"));
  aj::derive_status(r);
  CHECK(r.status == aj::Status::partial);

  aj::Record nothing;   // no title, no task, no problem: failed, and it gains the error saying so
  nothing.grammar = "ska-grid";
  aj::derive_status(nothing);
  CHECK(nothing.status == aj::Status::failed);
  REQUIRE(nothing.problems.size() == 1);
  CHECK(nothing.problems[0].code == aj::Code::no_grammar_matched);
  CHECK(nothing.problems[0].severity == aj::Severity::error);

  aj::Record empty_title;   // a title that is there but empty is no title
  empty_title.title = "";
  empty_title.problems.push_back(aj::Problem::make(aj::Code::pdf_damaged, 0, "damaged"));
  aj::derive_status(empty_title);
  CHECK(empty_title.status == aj::Status::failed);
  CHECK(empty_title.problems.size() == 1);   // it had its error already
}

TEST_CASE("status: over every corpus PDF, ok means no problem and coverage 1, failed carries an error") {
  const auto pdfs = every_corpus_pdf();
  REQUIRE(pdfs.size() >= 33);
  for (const auto& pdf : pdfs) {
    CAPTURE(pdf);
    const auto parsed = aj::test::test_pipeline().parse_file(pdf);
    REQUIRE_FALSE(parsed.records.empty());
    for (const auto& r : parsed.records) {
      CAPTURE(r.source.index);
      CHECK(r.coverage >= 0.0);
      CHECK(r.coverage <= 1.0);
      if (r.status == aj::Status::ok) {
        CHECK(r.problems.empty());
        CHECK(r.coverage == 1.0);
      }
      if (r.status == aj::Status::failed) CHECK(has_error(r));
      // Text that went nowhere is named, with its box.
      bool reported = false;
      for (const auto& p : r.problems) {
        const bool unread = p.code == aj::Code::text_unassigned || p.code == aj::Code::label_unknown ||
                            p.code == aj::Code::section_unknown;
        if (unread) CHECK(p.box.has_value());
        reported = reported || unread;
      }
      if (r.status != aj::Status::failed && r.coverage < 1.0) CHECK(reported);
    }
  }
}

TEST_CASE("status: the two malformed PDFs fail as pdf_damaged, saying why") {
  for (const char* rel : {"bad/object-stream-loop.pdf", "bad/page-count-overflow.pdf"}) {
    CAPTURE(rel);
    const auto parsed = aj::test::test_pipeline().parse_file(aj::test::corpus(rel));
    REQUIRE(parsed.records.size() == 1);
    const auto& r = parsed.records[0];
    CHECK(r.status == aj::Status::failed);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].code == aj::Code::pdf_damaged);
    CHECK(r.problems[0].message.find("page tree") != std::string::npos);
  }
}

TEST_CASE("never silently wrong: a label no grammar knows is reported, not glued onto the field above") {
  auto seed = read_seed("seeds/000_eaa2ca7fc8e25303.a.pdf");
  line_with(seed.layout, "Vahetu juht").text = "Otsene ülem";
  const auto doc = aj::test::test_pipeline().recognizer().read_document(seed.layout, seed.page_problems, "x.pdf");
  const auto& r = doc.records.at(0);
  CHECK(r.title == "Ekspert (ohvriabi ärianalüüsid)");
  CHECK_FALSE(r.direct_manager);
  CHECK(r.status == aj::Status::partial);
  const auto* p = problem_naming(r, aj::Code::label_unknown, "Otsene ülem");
  REQUIRE(p);
  CHECK(p->box.has_value());
  CHECK(p->page == 1);
  CHECK(problem_naming(r, aj::Code::field_missing, "") != nullptr);
}

TEST_CASE("never silently wrong: a heading no grammar knows is section_unknown, its lines unread") {
  auto seed = read_seed("seeds/000_eaa2ca7fc8e25303.a.pdf");
  line_with(seed.layout, "2. Peamised teenistusülesanded").text = "2. Teenistuskoha ülesanded";
  const auto doc = aj::test::test_pipeline().recognizer().read_document(seed.layout, seed.page_problems, "x.pdf");
  const auto& r = doc.records.at(0);
  CHECK(r.special_conditions == "Eritingimused määratakse töölepingus");   // not the task table
  CHECK(r.tasks.empty());
  CHECK(r.status == aj::Status::partial);
  CHECK(r.coverage < 1.0);
  const auto* p = problem_naming(r, aj::Code::section_unknown, "2. Teenistuskoha ülesanded");
  REQUIRE(p);
  CHECK(p->box.has_value());
  CHECK(problem_naming(r, aj::Code::text_unassigned, "2.1. Ohvriabi kasutatavate") != nullptr);
}

TEST_CASE("never silently wrong: a value whose label cell is empty is nobody's, a required field without value is missing") {
  auto seed = read_seed("seeds/000_eaa2ca7fc8e25303.a.pdf");
  auto& lines = seed.layout.lines;
  // The label cell of "Vahetu juht" left empty: its value stands alone in its row.
  lines.erase(std::find_if(lines.begin(), lines.end(), [](const auto& l) { return l.text == "Vahetu juht"; }));
  const auto doc = aj::test::test_pipeline().recognizer().read_document(seed.layout, seed.page_problems, "x.pdf");
  const auto& r = doc.records.at(0);
  CHECK(r.title == "Ekspert (ohvriabi ärianalüüsid)");
  CHECK(r.status == aj::Status::partial);
  CHECK(problem_naming(r, aj::Code::text_unassigned, "Talituse juhataja") != nullptr);

  // The value of "Vahetu juht" empty (the label stands, its cell beside it is blank).
  auto blank = read_seed("seeds/000_eaa2ca7fc8e25303.a.pdf");
  auto& bl = blank.layout.lines;
  const auto label = std::find_if(bl.begin(), bl.end(), [](const auto& l) { return l.text == "Vahetu juht"; });
  REQUIRE(label != bl.end());
  const int table = label->table, row = label->row;
  bl.erase(std::remove_if(bl.begin(), bl.end(),
                          [&](const auto& l) { return l.table == table && l.row == row && l.column == 1; }),
           bl.end());
  const auto got = aj::test::test_pipeline().recognizer().read_document(blank.layout, blank.page_problems, "x.pdf");
  const auto& e = got.records.at(0);
  CHECK_FALSE(e.direct_manager);
  CHECK(e.status == aj::Status::partial);
  CHECK(std::any_of(e.problems.begin(), e.problems.end(), [](const aj::Problem& p) {
    return p.code == aj::Code::field_missing && p.message.find("direct_manager") != std::string::npos;
  }));
}
