// recognize.cpp — choosing a grammar, cutting sections, running the readers,
// and deciding the record's status (see recognize.h).
#include "recognize/recognize.h"

#include <set>

#include "recognize/reading.h"
#include "recognize/values.h"

namespace aj::recognize {
namespace {

constexpr size_t kHeadingLines = 3;   // the most lines a wrapped heading may take

const Section* section_named(const Grammar& g, const std::string& text) {
  for (const auto& s : g.sections)
    if (RE2::FullMatch(text, *s.heading)) return &s;
  return nullptr;
}

struct HeadingAt {
  const Section* section = nullptr;
  size_t lines = 0;
  std::string text;
};

// The section whose heading starts at line i: the line alone or, when it
// starts a paragraph, joined with the paragraph's next lines in the same
// place (a heading wrapped in a narrow table cell: "2. Peamised /
// teenistusülesanded").
HeadingAt heading_at(const Grammar& g, const layout::Layout& layout, size_t i) {
  const layout::Line& first = layout.lines[i];
  std::string text = first.text;
  if (const Section* s = section_named(g, text)) return {s, 1, text};
  if (!first.para_start) return {};
  for (size_t j = i + 1; j < layout.lines.size() && j < i + kHeadingLines; ++j) {
    const layout::Line& l = layout.lines[j];
    if (l.para_start || l.page != first.page || l.table != first.table || l.row != first.row ||
        l.column != first.column)
      break;
    text += " " + l.text;
    if (const Section* s = section_named(g, text)) return {s, j - i + 1, text};
  }
  return {};
}

// The lines under each heading, in reading order; the preamble first.
std::vector<SectionLines> cut_sections(const Grammar& g, const layout::Layout& layout) {
  std::vector<SectionLines> out(1);
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const HeadingAt h = heading_at(g, layout, i);
    if (!h.section) {
      out.back().lines.push_back(static_cast<int>(i));
      continue;
    }
    out.push_back(SectionLines{h.section, {}, h.lines, h.text});
    for (size_t k = 0; k < h.lines; ++k) out.back().lines.push_back(static_cast<int>(i + k));
    i += h.lines - 1;
  }
  return out;
}

}  // namespace

Recognizer::Recognizer(const GrammarSet& grammars, const hyphen::Resolver& hyphens)
    : set_(grammars), hyphens_(hyphens) {}

std::pair<const Grammar*, int> Recognizer::choose(const layout::Layout& layout) const {
  const Grammar* best = nullptr;
  int best_score = 0;
  for (const auto& g : set_.grammars) {
    bool excluded = false;
    for (const auto& x : g.exclude)
      for (const auto& l : layout.lines) excluded = excluded || RE2::PartialMatch(l.text, *x);
    if (excluded) continue;
    int score = 0;
    for (const auto& d : g.detect)
      for (const auto& l : layout.lines)
        if (RE2::PartialMatch(l.text, *d)) {
          ++score;
          break;
        }
    std::set<const Section*> seen;
    for (size_t i = 0; i < layout.lines.size(); ++i)
      if (const HeadingAt h = heading_at(g, layout, i); h.section) seen.insert(h.section);
    score += static_cast<int>(seen.size());
    if (score > best_score || (best && score == best_score && g.priority > best->priority)) {
      best = &g;
      best_score = score;
    }
  }
  return {best, best_score};
}

Record Recognizer::recognize(const layout::Layout& layout, const std::string& file_name) const {
  auto [grammar, score] = choose(layout);
  Builder b(layout, grammar ? *grammar->vocabulary : set_.common, hyphens_);
  Record& r = b.record();
  r.source = Source{file_name, 1, 1, static_cast<int>(std::max<size_t>(1, layout.pages.size()))};
  // Fewer than three signs of a family is no family: report, do not guess.
  if (!grammar || score < 3) {
    b.problem(Code::no_grammar_matched, 1,
              "no grammar recognised this layout (best: " + (grammar ? grammar->name : std::string("none")) +
                  ", score " + std::to_string(score) + "; add a grammar under grammars/)");
    r.status = Status::failed;
    return r;
  }
  r.grammar = grammar->name;

  auto sections = cut_sections(*grammar, layout);
  for (const auto& s : sections) {
    if (!s.section) {
      read_preamble(*grammar, s, b);
      continue;
    }
    for (size_t k = 0; k < s.heading_lines; ++k) b.take(s.lines[k]);
    read_anywhere(*grammar, s, b);
    switch (s.section->reader) {
      case Reader::fields: read_fields(*s.section, s, b); break;
      case Reader::tasks: read_tasks(*s.section, s, b); break;
      case Reader::list: read_list(*s.section, s, b); break;
      case Reader::text: read_text(*s.section, s, b); break;
    }
  }

  // The sections as they stood, for the store's raw_sections.
  for (const auto& s : sections) {
    if (s.lines.empty()) continue;
    RawSection raw;
    const size_t from = s.heading_lines;
    raw.heading = s.heading;
    raw.page_first = layout.lines[s.lines.front()].page;
    raw.page_last = layout.lines[s.lines.back()].page;
    for (size_t k = from; k < s.lines.size(); ++k)
      raw.text += (raw.text.empty() ? "" : "\n") + layout.lines[s.lines[k]].text;
    r.sections.push_back(std::move(raw));
  }

  // What the grammar requires and did not find.
  for (const auto& sec : grammar->sections) {
    bool found = false;
    for (const auto& s : sections) found = found || s.section == &sec;
    if (sec.required && !found)
      b.problem(Code::section_missing, 0, "section '" + sec.name + "' (heading /" + sec.heading->pattern() + "/) not found");
    if (!found) continue;
    for (const auto& f : sec.fields)
      if (f.required && !b.has(f.field))
        b.problem(Code::field_missing, 0, "field '" + f.field + "' of section '" + sec.name + "' not found");
  }
  // Text no field took, one problem per run of consecutive lines.
  for (size_t i = 0; i < layout.lines.size();) {
    if (b.taken(static_cast<int>(i))) {
      ++i;
      continue;
    }
    const auto& first = layout.lines[i];
    std::string excerpt;
    Box box = first.box;
    size_t j = i;
    for (; j < layout.lines.size() && !b.taken(static_cast<int>(j)) && layout.lines[j].page == first.page; ++j) {
      excerpt += (excerpt.empty() ? "" : " ") + layout.lines[j].text;
      const auto& bx = layout.lines[j].box;
      box = Box{std::min(box.x0, bx.x0), std::min(box.y0, bx.y0), std::max(box.x1, bx.x1), std::max(box.y1, bx.y1)};
    }
    b.problem(Code::text_unassigned, first.page, "text that no field took (" + std::to_string(j - i) + " lines)",
              excerpt, box);
    i = j;
  }

  bool doubt = false;
  for (const auto& p : r.problems)
    doubt = doubt || p.severity != Severity::info || p.code == Code::hyphen_uncertain;
  bool anything = r.title || !r.tasks.empty();
  r.status = !anything ? Status::failed : doubt ? Status::partial : Status::ok;
  return r;
}

}  // namespace aj::recognize
