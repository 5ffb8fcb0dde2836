// test_mutation.cpp — "never silently wrong", tried on altered layouts.
//
// Each corpus document with a truth is analysed once; its layout is then
// altered in memory, four ways, with wordings no grammar knows: one section
// heading renamed, one field label renamed, one label deleted (its value
// left standing), one unknown label with a value inserted. A mutant may come
// out partial or failed; it may come out ok only when every field still
// equals the truth. The text of a renamed heading or label must be reported
// in a problem that gives its box, so the HTML report can outline it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "corpus_paths.h"
#include "layout/layout.h"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kHeading = "Teadmata osa";        // no grammar has this heading
constexpr const char* kLabel = "Tundmatu silt";         // no grammar has this label
constexpr const char* kInserted = "Tundmatu väli";

struct Mutant {
  std::string what;
  aj::layout::Layout layout;
  std::string must_report;   // text a problem with a box must name ("" when none)
};

std::string upper_ascii_if(const std::string& model, std::string s) {
  bool upper = false;
  for (unsigned char c : model) {
    if (c >= 'a' && c <= 'z') return s;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  if (upper)
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Length of a leading item number ("2. ", "1.3 ", "IV. ").
size_t number_prefix(const std::string& text) {
  static const RE2 number(R"(^((\d{1,2}(\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+))");
  re2::StringPiece in(text), got;
  return RE2::PartialMatch(in, number, &got) ? got.size() : 0;
}

struct LabelAt {
  size_t line;
  size_t from, to;   // the label's words (after the item number)
};

// Lines opening a section of the grammar (alone, numbered) and lines starting with one of its labels.
void candidates(const aj::recognize::Grammar& g, const aj::layout::Layout& layout, std::vector<size_t>& headings,
                std::vector<LabelAt>& labels) {
  const aj::recognize::Section* current = nullptr;
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const std::string& t = layout.lines[i].text;
    const aj::recognize::Section* opened = nullptr;
    for (const auto& s : g.sections)
      if (RE2::FullMatch(t, *s.heading)) opened = &s;
    if (opened) {
      current = opened;
      if (number_prefix(t) > 0) headings.push_back(i);
      continue;
    }
    // A label that starts no paragraph is one the layout merged into the
    // cell above; one first on its page leaves a value that reads as the
    // previous one continued over the page break: geometry cannot tell.
    const bool first_on_page = i == 0 || layout.lines[i - 1].page != layout.lines[i].page;
    if (!current || current->reader != aj::recognize::Reader::fields || !layout.lines[i].para_start || first_on_page)
      continue;
    for (const auto& f : current->fields) {
      re2::StringPiece whole;
      if (!f.label->Match(t, 0, t.size(), RE2::ANCHOR_START, &whole, 1)) continue;
      const size_t end = whole.size();
      if (end < t.size() && std::isalpha(static_cast<unsigned char>(t[end]))) continue;
      if (f.whole_line && end != t.size()) continue;
      // In a table's right-hand columns only a whole cell is a label.
      const auto& l = layout.lines[i];
      if (l.table >= 0 && l.column >= 1 && end != t.size()) continue;
      const size_t from = number_prefix(t);
      if (from < end) labels.push_back({i, from, end});
      break;
    }
  }
}

// Moves the page's lines below y down by dy, making room for an inserted row.
void shift_below(aj::layout::Layout& layout, int page, double y, double dy) {
  for (auto& l : layout.lines)
    if (l.page == page && l.box.y0 >= y) {
      l.box.y0 += dy;
      l.box.y1 += dy;
    }
}

std::vector<Mutant> mutants_of(const aj::recognize::Grammar& g, const aj::layout::Layout& base, size_t seed) {
  std::vector<size_t> headings;
  std::vector<LabelAt> labels;
  candidates(g, base, headings, labels);
  std::vector<Mutant> out;
  if (!headings.empty()) {
    // Not the first heading: the document must still be told apart as its family.
    const size_t i = headings[headings.size() > 1 ? 1 + seed % (headings.size() - 1) : 0];
    Mutant m{"heading '" + base.lines[i].text + "' renamed", base, kHeading};
    auto& l = m.layout.lines[i];
    const std::string rest = l.text.substr(number_prefix(l.text));
    l.text = l.text.substr(0, number_prefix(l.text)) + upper_ascii_if(rest, kHeading);
    m.must_report = l.text.substr(number_prefix(l.text));
    out.push_back(std::move(m));
  }
  if (labels.size() >= 2) {
    const LabelAt renamed = labels[seed % labels.size()];
    const LabelAt deleted = labels[(seed + 1 + labels.size() / 2) % labels.size()];
    {
      Mutant m{"label '" + base.lines[renamed.line].text + "' renamed", base, kLabel};
      auto& l = m.layout.lines[renamed.line];
      l.text = l.text.substr(0, renamed.from) + kLabel + l.text.substr(renamed.to);
      out.push_back(std::move(m));
    }
    {
      Mutant m{"label '" + base.lines[deleted.line].text + "' deleted", base, ""};
      auto& l = m.layout.lines[deleted.line];
      std::string rest = l.text.substr(deleted.to);
      while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.erase(0, 1);
      if (rest.empty())
        m.layout.lines.erase(m.layout.lines.begin() + static_cast<long>(deleted.line));
      else
        l.text = rest;
      out.push_back(std::move(m));
    }
    {
      // A label no grammar knows, with its value, in the place of a label
      // that moves down: a row of its own in a label | value table, a
      // numbered line, or a label stacked over its value.
      std::vector<LabelAt> firsts;   // labels opening a row: outside tables or in the first column
      for (const auto& c : labels)
        if (base.lines[c.line].column == 0) firsts.push_back(c);
      const LabelAt at = firsts.empty() ? labels[0] : firsts[(seed + 2) % firsts.size()];
      Mutant m{"unknown label inserted before '" + base.lines[at.line].text + "'", base, kInserted};
      const aj::layout::Line model = base.lines[at.line];
      const double pitch = model.box.height() + 6;
      aj::layout::Line label = model;
      label.para_start = true;
      label.bullet = false;
      std::vector<aj::layout::Line> added;
      double room = 0;
      if (model.table >= 0 && m.layout.tables[model.table].columns.size() >= 2 && model.column == 0) {
        label.row = static_cast<int>(m.layout.tables[model.table].rows.size());
        m.layout.tables[model.table].rows.emplace_back();
        label.text = kInserted;
        aj::layout::Line value = label;
        value.column = 1;
        value.box.x0 = m.layout.tables[model.table].columns[1];
        value.box.x1 = value.box.x0 + 100;
        value.text = "tundmatu väärtus";
        added = {label, value};
        room = pitch + 4;
      } else if (at.to == model.text.size()) {
        label.text = kInserted;
        aj::layout::Line value = label;
        value.box.y0 += pitch;
        value.box.y1 += pitch;
        value.text = "tundmatu väärtus";
        added = {label, value};
        room = 3 * pitch;
      } else {
        label.text = model.text.substr(0, at.from) + kInserted + ": tundmatu väärtus";
        added = {label};
        room = pitch;
      }
      shift_below(m.layout, model.page, model.box.y0 - 0.5, room);
      m.layout.lines.insert(m.layout.lines.begin() + static_cast<long>(at.line), added.begin(), added.end());
      out.push_back(std::move(m));
    }
  }
  return out;
}

json fields_of(const aj::Record& r) {
  json j = json::parse(aj::to_json(r).dump());
  j.erase("status");
  j.erase("problems");
  return j;
}

bool reported_with_box(const aj::recognize::Document& doc, const std::string& text) {
  for (const auto& r : doc.records)
    for (const auto& p : r.problems)
      if (p.box && (p.excerpt.find(text) != std::string::npos || p.message.find(text) != std::string::npos))
        return true;
  return false;
}

}  // namespace

TEST_CASE("mutation: no altered layout comes out ok unless every field still equals the truth") {
  auto& pipeline = aj::test::test_pipeline();
  std::vector<std::string> pdfs;
  for (const char* folder : {"seeds", "renderings", "other", "directives"})
    for (auto& p : aj::test::pdfs_in(folder)) pdfs.push_back(p);
  size_t count = 0;
  for (size_t d = 0; d < pdfs.size(); ++d) {
    const std::string& pdf = pdfs[d];
    CAPTURE(pdf);
    std::ifstream in(fs::path(pdf).replace_extension(".json"));
    REQUIRE(in);
    const json truth = json::parse(in);
    const auto doc = pipeline.extractor().load_file(pdf);
    const auto layout = aj::layout::analyse(doc, pipeline.layout_options());
    const auto [grammar, score] = pipeline.recognizer().choose(layout);
    REQUIRE(grammar);
    const std::string file = fs::path(pdf).filename().string();
    for (const auto& m : mutants_of(*grammar, layout, d)) {
      CAPTURE(m.what);
      ++count;
      const auto got = pipeline.recognizer().read_document(m.layout, doc.problems, file);
      for (size_t i = 0; i < got.records.size(); ++i) {
        const auto& r = got.records[i];
        if (r.status != aj::Status::ok) continue;
        json want = i < truth.size() ? truth[i] : json();
        want.erase("status");
        want.erase("problems");
        CHECK_MESSAGE(fields_of(r) == want, "record " << i + 1 << " is ok but differs from the truth");
      }
      if (!m.must_report.empty())
        CHECK_MESSAGE(reported_with_box(got, m.must_report), "'" << m.must_report << "' is not reported with its box");
    }
  }
  CHECK(count >= 40);
}
