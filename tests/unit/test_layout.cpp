// test_layout.cpp — layout analysis on the corpus: grids, task | results
// tables across page breaks, page furniture.
#include <doctest/doctest.h>

#include "corpus_paths.h"
#include "extract/pdf.h"
#include "layout/layout.h"
#include "pipeline/layout_options.h"
#include "recognize/grammar.h"

namespace {

// Analysed with the shipped grammars' layout options (page furniture), as the import does.
aj::layout::Layout analyse(const std::string& rel) {
  static aj::extract::Extractor ex;
  static const aj::layout::Options options = [] {
    std::string error;
    auto grammars = aj::recognize::load_grammars(aj::test::grammars(), &error);
    REQUIRE_MESSAGE(grammars, error);
    return aj::pipeline::layout_options(*grammars);
  }();
  auto doc = ex.load_file(aj::test::corpus(rel));
  REQUIRE(doc.readable());
  return aj::layout::analyse(doc, options);
}

// The cells of the table row whose first cell starts with `label`.
std::vector<std::string> row_starting(const aj::layout::Layout& l, const std::string& label, int offset = 0) {
  for (const auto& t : l.tables)
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (t.rows[r].cells.empty()) continue;
      if (aj::layout::cell_text(l, t.rows[r].cells[0]).rfind(label, 0) != 0) continue;
      if (r + offset >= t.rows.size()) return {};
      std::vector<std::string> out;
      for (const auto& c : t.rows[r + offset].cells) out.push_back(aj::layout::cell_text(l, c));
      return out;
    }
  return {};
}

}  // namespace

TEST_CASE("layout: the 1.3/1.4/1.5 grid of 002 gives three value cells under three label cells") {
  for (const char* rel : {"seeds/002_98af8cde75bf8c02.a.pdf", "seeds/002_98af8cde75bf8c02.b.pdf"}) {
    CAPTURE(rel);
    auto l = analyse(rel);
    CHECK(row_starting(l, "1.3") == std::vector<std::string>{"1.3 Vahetu juht", "1.4 Kes asendab", "1.5 Keda asendab"});
    CHECK(row_starting(l, "1.3", 1) == std::vector<std::string>{"Talitusejuhataja", "Peaspetsialist", "Peaspetsialisti"});
  }
}

TEST_CASE("layout: the 1.3/1.4/1.5 grid of 004 gives three value cells under three label cells") {
  for (const char* rel : {"seeds/004_0473cc471da9172f.a.pdf", "seeds/004_0473cc471da9172f.b.pdf"}) {
    CAPTURE(rel);
    auto l = analyse(rel);
    CHECK(row_starting(l, "1.3.") == std::vector<std::string>{"1.3. Vahetu juht", "1.4. Kes asendab", "1.5. Keda asendab"});
    CHECK(row_starting(l, "1.3.", 1) == std::vector<std::string>{"Tiimijuht", "Tiimijuht või peaspetsialist", "Tiimijuht"});
  }
}

TEST_CASE("layout: task | results rows of 000 pair each task with its own results") {
  for (const char* rel : {"seeds/000_eaa2ca7fc8e25303.a.pdf", "seeds/000_eaa2ca7fc8e25303.b.pdf"}) {
    CAPTURE(rel);
    auto l = analyse(rel);
    auto row = row_starting(l, "2.4.");
    REQUIRE(row.size() == 2);
    CHECK(row[1].find("IT-lahenduste juhendid on välja") != std::string::npos);
    CHECK(row[1].find("Vajalikud koolitused on läbi viidud.") != std::string::npos);
    CHECK(row[1].find("Amet on esindatud") == std::string::npos);   // 2.5's result stays in 2.5's row
    row = row_starting(l, "2.8.");
    REQUIRE(row.size() == 2);
    CHECK(row[1].rfind("Toimib ladus teabevahetus ja koostöö.", 0) == 0);
  }
}

TEST_CASE("layout: a task | results table runs over a page break as one table") {
  // In 001 a task row (2.2) is split by the page break: its results continue
  // on the next page in the same row of the same table.
  for (const char* rel : {"seeds/001_ada39cec4ddc1188.a.pdf", "seeds/001_ada39cec4ddc1188.b.pdf"}) {
    CAPTURE(rel);
    auto l = analyse(rel);
    const aj::layout::Table* tasks = nullptr;
    for (const auto& t : l.tables)
      for (const auto& row : t.rows)
        if (!row.cells.empty() && aj::layout::cell_text(l, row.cells[0]).rfind("2.1.", 0) == 0) tasks = &t;
    REQUIRE(tasks != nullptr);
    CHECK(tasks->page_last > tasks->page_first);
    bool split_row = false;
    for (const auto& row : tasks->rows)
      for (const auto& c : row.cells) {
        int first = l.lines[c.lines.front()].page, last = l.lines[c.lines.back()].page;
        split_row = split_row || last > first;
      }
    CHECK(split_row);
    auto row = row_starting(l, "2.2.");
    REQUIRE(row.size() == 2);
    CHECK(row[1].find("Teenistujate töötulemusi hinnatakse objektiivselt") != std::string::npos);
  }
}

TEST_CASE("layout: page footers are set aside, not read as content") {
  auto l = analyse("seeds/003_15a2b8cbd924b2ac.b.pdf");
  int footers = 0;
  for (const auto& p : l.pages)
    for (const auto& f : p.furniture) footers += f.text.rfind("Lk ", 0) == 0;
  CHECK(footers == static_cast<int>(l.pages.size()));
  for (const auto& line : l.lines) CHECK(line.text.find("Lk ") != 0);
}

// A footer set 2.6 cm above the page's edge, outside the margin band, right
// aligned: found by its repetition at one height (numbers masked) and by the
// blank line that sets it off, with no pattern naming its wording.
TEST_CASE("layout: a high footer is furniture by repetition and position alone, with no pattern") {
  static aj::extract::Extractor ex;
  auto doc = ex.load_file(aj::test::corpus("variants/2026-1.justified.pdf"));
  REQUIRE(doc.readable());
  auto l = aj::layout::analyse(doc, aj::layout::Options{});
  int footers = 0;
  for (const auto& p : l.pages)
    for (const auto& f : p.furniture) footers += f.text == "Lk " + std::to_string(p.number) + " / 11";
  CHECK(footers == static_cast<int>(l.pages.size()));
  for (const auto& line : l.lines) CHECK(line.text.find("Lk ") == std::string::npos);
}

TEST_CASE("layout: bullets are taken off and marked, and start paragraphs") {
  auto l = analyse("seeds/004_0473cc471da9172f.a.pdf");
  int bullets = 0;
  for (const auto& line : l.lines)
    if (line.bullet) {
      ++bullets;
      CHECK(line.para_start);
      CHECK(line.text.find("\u25AA") == std::string::npos);
    }
  CHECK(bullets > 40);
}

namespace {

// A page of lines, each given as its left edge and its words; the words of a
// line are spread evenly so that every line ends at x = 500 (no line ends
// short, so only the indentation can tell paragraphs apart).
aj::extract::Document page_of(const std::vector<std::pair<double, std::vector<std::string>>>& lines) {
  aj::extract::Page page{1, 612, 792, {}, false};
  double y = 100;
  for (const auto& [x0, words] : lines) {
    double letters = 0;
    for (const auto& w : words) letters += static_cast<double>(w.size());
    const double per_letter = (500 - x0 - 4.0 * static_cast<double>(words.size() - 1)) / letters;
    double x = x0;
    for (const auto& w : words) {
      const double width = per_letter * static_cast<double>(w.size());
      page.words.push_back(aj::extract::Word{w, {x, y, x + width, y + 12}, "LiberationSerif", 11, true});
      x += width + 4.0;
    }
    y += 13;
  }
  aj::extract::Document doc;
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace

TEST_CASE("layout: under a hanging indent a line back at the first line's left edge starts a paragraph") {
  auto l = aj::layout::analyse(page_of({{71, {"Esimene", "punkt", "kirjeldab", "tööd", "mis"}},
                                        {85, {"jätkub", "järgmisel", "real", "taandega"}},
                                        {71, {"Teine", "punkt", "algab", "vasakult", "servalt"}},
                                        {85, {"ja", "jätkub", "samuti", "taandega"}}}));
  REQUIRE(l.lines.size() == 4);
  CHECK(l.lines[0].para_start);
  CHECK_FALSE(l.lines[1].para_start);
  CHECK(l.lines[2].para_start);
  CHECK_FALSE(l.lines[3].para_start);
  // A first-line indent is no hanging indent: the lines under it are one paragraph.
  auto indented = aj::layout::analyse(page_of({{85, {"Lõik", "algab", "taandega", "ja"}},
                                               {71, {"jätkub", "vasakult", "servalt", "edasi"}},
                                               {71, {"kuni", "lõigu", "lõpuni", "välja"}}}));
  REQUIRE(indented.lines.size() == 3);
  CHECK(indented.lines[0].para_start);
  CHECK_FALSE(indented.lines[1].para_start);
  CHECK_FALSE(indented.lines[2].para_start);
}

TEST_CASE("layout: a numbered heading with a tab over a bulleted list is a line, not a two-column table") {
  // As OCR gives them: "6." and its heading a tab apart, the list's bullets
  // at the heading's number, their items where the heading's text starts.
  aj::extract::Page page{1, 612, 792, {}, false};
  double y = 100;
  auto word = [&](const std::string& text, double x0, double x1) {
    page.words.push_back(aj::extract::Word{text, {x0, y, x1, y + 12}, "", 11, true});
  };
  auto item = [&](const std::vector<std::string>& words) {
    word("\u2022", 71, 75.5);
    double x = 89;
    for (const auto& w : words) {
      word(w, x, x + 6.0 * static_cast<double>(w.size()));
      x += 6.0 * static_cast<double>(w.size()) + 3;
    }
    y += 13;
  };
  for (int i = 0; i < 4; ++i) item({"kasutada", "ameti", "vara", "heaperemehelikult;"});
  y += 6;
  word("6.", 71, 81.4);
  word("TÖÖVAHENDID", 90, 187);
  y += 19;
  for (int i = 0; i < 4; ++i) item({"sülearvuti", "ja", "tarkvara;"});
  aj::extract::Document doc;
  doc.pages.push_back(std::move(page));
  const auto l = aj::layout::analyse(doc);
  CHECK(l.tables.empty());
  bool heading = false;
  for (const auto& line : l.lines) heading = heading || line.text == "6. TÖÖVAHENDID";
  CHECK(heading);
}
