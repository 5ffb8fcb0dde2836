// recognize.cpp — choosing a grammar, cutting sections, running the readers,
// and a document's records as a whole (see recognize.h).
#include "recognize/recognize.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/status.h"
#include "recognize/directive.h"
#include "recognize/reading.h"
#include "recognize/values.h"

namespace aj::recognize {
namespace {

constexpr size_t kHeadingLines = 3;   // the most lines a wrapped heading may take

// A heading may end with a colon or a full stop ("2. Kohustused ja ülesanded.").
const Section* section_named(const Grammar& g, const std::string& text) {
  const std::string bare = !text.empty() && (text.back() == ':' || text.back() == '.') ? trim(text.substr(0, text.size() - 1)) : text;
  for (const auto& s : g.sections)
    if (s.heading && (RE2::FullMatch(text, *s.heading) || RE2::FullMatch(bare, *s.heading))) return &s;
  return nullptr;
}

// The lines as the readers see them (prepared_lines): item numbers alone on
// their line joined with it (number_alone), and a layout whose lines that hold an inline heading and its section's first
// text ("2. TEENISTUSKOHA EESMÄRK 2.1. …") are cut in two: the heading, then
// the text as a paragraph of its own. When the text continues the heading's
// sentence ("2. Teenistuskoha eesmärk on …"), the text keeps the heading's
// words, without its number. origin[i] is the input line of output line i.
struct Cut {
  layout::Layout layout;
  std::vector<int> origin;
};
// An item number alone on its line goes with the line after it: "1.1" /
// "Klassijuhataja on …", and "4" / ".2 vastutab …" (a number a wrap broke).
// A lone "1" is a page number unless a ".2" follows it.
bool number_alone(const layout::Line& l, const layout::Line* next) {
  static const RE2 dotted(R"(^\d{1,2}(\.\d{1,2})+\.?$)");
  static const RE2 bare(R"(^\d{1,2}$)");
  static const RE2 rest_of_number(R"(^\.\d{1,2}\.?\s)");
  static const RE2 text(R"(^\pL)");
  if (!next || next->page != l.page || next->table != l.table || next->column != l.column) return false;
  if (RE2::FullMatch(l.text, dotted)) return RE2::PartialMatch(next->text, text);
  return RE2::FullMatch(l.text, bare) && RE2::PartialMatch(next->text, rest_of_number);
}

// The section whose heading `l` starts inline, with the text after it in *rest.
const Section* inline_heading(const Grammar& g, const layout::Line& l, std::string* rest) {
  if (!l.para_start || section_named(g, l.text)) return nullptr;
  for (const auto& s : g.sections) {
    if (!s.heading_inline) continue;
    const RE2& re = *s.heading_inline;
    std::vector<re2::StringPiece> sub(re.NumberOfCapturingGroups() + 1);
    if (!re.Match(l.text, 0, l.text.size(), RE2::ANCHOR_BOTH, sub.data(), static_cast<int>(sub.size()))) continue;
    *rest = std::string(sub[re.NamedCapturingGroups().at("rest")]);
    return &s;
  }
  return nullptr;
}

// nullopt when no line needs either change (the input is read as it is).
std::optional<Cut> prepared_lines(const Grammar& g, const layout::Layout& input) {
  std::optional<Cut> out;
  // The output starts as a copy of the lines before the first change.
  auto copy_up_to = [&](size_t i) {
    if (out) return;
    out.emplace();
    out->layout.pages = input.pages;
    out->layout.tables = input.tables;
    out->layout.lines.assign(input.lines.begin(), input.lines.begin() + static_cast<std::ptrdiff_t>(i));
    for (size_t k = 0; k < i; ++k) out->origin.push_back(static_cast<int>(k));
  };
  for (size_t i = 0; i < input.lines.size(); ++i) {
    const size_t origin = i;
    layout::Line l = input.lines[i];
    const layout::Line* next = i + 1 < input.lines.size() ? &input.lines[i + 1] : nullptr;
    if (number_alone(l, next)) {
      copy_up_to(i);
      l.text += (next->text.front() == '.' ? "" : " ") + next->text;
      l.box.x1 = std::max(l.box.x1, next->box.x1);
      l.box.y1 = std::max(l.box.y1, next->box.y1);
      ++i;   // the next line is now part of this one; explain shows both under this line
    }
    std::string rest;
    const Section* sec = inline_heading(g, l, &rest);
    if (sec) copy_up_to(origin);
    if (!out) continue;
    if (!sec) {
      out->layout.lines.push_back(std::move(l));
      out->origin.push_back(static_cast<int>(origin));
      continue;
    }
    layout::Line heading = l, text = l;
    heading.text = trim(l.text.substr(0, l.text.size() - rest.size()));
    text.text = rest;
    if (sec->heading_continues && RE2::PartialMatch(rest, *sec->heading_continues)) {
      re2::StringPiece words(heading.text);
      RE2::Consume(&words, *g.vocabulary->label_number);
      text.text = std::string(words) + " " + rest;
    }
    text.para_start = true;
    for (auto* part : {&heading, &text}) {
      out->layout.lines.push_back(*part);
      out->origin.push_back(static_cast<int>(origin));
    }
  }
  return out;
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

// A line the grammar itself reads as a field label or skips: not a heading, whatever it looks like.
bool grammar_reads(const Grammar& g, const std::string& text) {
  for (const auto& s : g.sections) {
    for (const auto& f : s.fields)
      if (f.label && label_alone(*f.label, text)) return true;
    for (const auto& p : s.skip)
      if (RE2::FullMatch(text, *p)) return true;
  }
  return false;
}

// The lines under each heading, in reading order; the preamble first. A
// heading no section of the grammar knows opens an unknown section, so its
// lines are reported rather than read as the previous section's.
std::vector<SectionLines> cut_sections(const Grammar& g, const Known& known, const layout::Layout& layout) {
  std::vector<SectionLines> out(1);
  const Section* headless = nullptr;   // a section with no heading of its own, opened at its first label
  for (const auto& s : g.sections)
    if (s.headless && !headless) headless = &s;
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    if (headless && out.size() == 1 && opens_field(*headless, layout.lines[i])) {
      out.push_back(SectionLines{headless, false, {}, 0, ""});
      headless = nullptr;
    }
    const HeadingAt h = heading_at(g, layout, i);
    if (!h.section) {
      const auto& l = layout.lines[i];
      // In a tasks section, a numbered line is the next task ("2. Auditite juhtimine …").
      const Section* in = out.back().section;
      re2::StringPiece rest(l.text);
      const bool task = in && in->reader == Reader::tasks && in->task_start && RE2::Consume(&rest, *in->task_start);
      if (!task && looks_like_heading(l, known) && !grammar_reads(g, l.text)) {
        out.push_back(SectionLines{nullptr, true, {static_cast<int>(i)}, 1, l.text});
        continue;
      }
      out.back().lines.push_back(static_cast<int>(i));
      continue;
    }
    // The same heading again (a task table's header row repeated on the
    // next page) goes on with the section, so a row that runs on stays whole.
    if (h.section == out.back().section && !out.back().unknown) {
      for (size_t k = 0; k < h.lines; ++k) out.back().repeated.push_back(static_cast<int>(i + k));
      i += h.lines - 1;
      continue;
    }
    out.push_back(SectionLines{h.section, false, {}, h.lines, h.text});
    for (size_t k = 0; k < h.lines; ++k) out.back().lines.push_back(static_cast<int>(i + k));
    i += h.lines - 1;
  }
  return out;
}

// Characters of the lines something took (a heading, a label or value, a
// skip rule) over the characters of every body line; spaces not counted.
double coverage(const layout::Layout& layout, const Builder& b) {
  size_t taken = 0, all = 0;
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    size_t n = 0;
    for (unsigned char ch : layout.lines[i].text) n += (ch & 0xC0) != 0x80 && ch != ' ';
    all += n;
    if (b.taken(static_cast<int>(i))) taken += n;
  }
  return all == 0 ? 0.0 : static_cast<double>(taken) / static_cast<double>(all);
}

}  // namespace

Recognizer::Recognizer(const GrammarSet& grammars, const hyphen::Resolver& hyphens)
    : set_(grammars), hyphens_(hyphens), known_(std::make_unique<Known>()) {
  for (const auto& g : set_.grammars)
    for (const auto& s : g.sections) {
      if (s.heading) known_->headings.push_back(s.heading);
      for (const auto& f : s.fields)
        if (f.label) known_->labels.push_back(f.label);
    }
}

Recognizer::~Recognizer() = default;

std::vector<Detection> Recognizer::detect(const layout::Layout& layout) const {
  std::vector<Detection> out;
  for (const auto& g : set_.grammars) {
    Detection d{&g, 0, std::nullopt, {}};
    for (const auto& x : g.exclude) {
      for (size_t i = 0; i < layout.lines.size() && !d.excluded_by; ++i)
        if (RE2::PartialMatch(layout.lines[i].text, *x))
          d.excluded_by = DetectionHit{static_cast<int>(i), "exclude /" + x->pattern() + "/"};
      if (d.excluded_by) break;
    }
    // Each detect pattern counts once, at the first line it matches.
    for (const auto& p : g.detect)
      for (size_t i = 0; i < layout.lines.size(); ++i)
        if (RE2::PartialMatch(layout.lines[i].text, *p)) {
          d.hits.push_back(DetectionHit{static_cast<int>(i), "detect /" + p->pattern() + "/"});
          break;
        }
    // And each section once, at its first heading.
    std::set<const Section*> seen;
    for (size_t i = 0; i < layout.lines.size(); ++i)
      if (const HeadingAt h = heading_at(g, layout, i); h.section && seen.insert(h.section).second)
        d.hits.push_back(DetectionHit{static_cast<int>(i), "heading of section '" + h.section->name + "'"});
    d.score = static_cast<int>(d.hits.size());
    out.push_back(std::move(d));
  }
  return out;
}

std::pair<const Grammar*, int> Recognizer::choose(const layout::Layout& layout) const {
  const Grammar* best = nullptr;
  int best_score = 0;
  for (const auto& d : detect(layout)) {
    if (d.excluded_by) continue;
    if (d.score > best_score || (best && d.score == best_score && d.grammar->priority > best->priority)) {
      best = d.grammar;
      best_score = d.score;
    }
  }
  return {best, best_score};
}

Record Recognizer::read_one(const layout::Layout& input, const std::string& file_name, const Grammar* forced,
                            std::vector<std::string>* uses) const {
  auto [grammar, score] = choose(input);
  if (forced) grammar = forced;
  const std::optional<Cut> cut = grammar ? prepared_lines(*grammar, input) : std::nullopt;
  const layout::Layout& layout = cut ? cut->layout : input;
  Builder b(layout, grammar ? *grammar->vocabulary : set_.common, hyphens_);
  b.set_known(*known_);
  Record& r = b.record();
  r.source = Source{file_name, 1, 1, static_cast<int>(std::max<size_t>(1, layout.pages.size()))};
  // Fewer than three signs of a family is no family: report, do not guess.
  if (!grammar || (score < 3 && !forced)) {
    b.problem(Code::no_grammar_matched, 1,
              "no grammar recognised this layout (best: " + (grammar ? grammar->name : std::string("none")) +
                  ", score " + std::to_string(score) + "; add a grammar under grammars/)");
    if (uses)
      for (auto& u : *uses) u = "unread: no grammar matched (no_grammar_matched)";
    // The whole text as one section without a heading, so the store keeps it
    // searchable (schema/006_document_text.sql).
    if (!layout.lines.empty()) {
      RawSection whole{"", "", layout.lines.front().page, layout.lines.back().page};
      for (const auto& l : layout.lines) whole.text += (whole.text.empty() ? "" : "\n") + l.text;
      r.sections.push_back(std::move(whole));
    }
    return r;
  }
  r.grammar = grammar->name;
  if (grammar->generic)
    b.problem(Code::grammar_generic, 0,
              "no grammar of this document's family; grammar '" + grammar->name +
                  "' read it with the common vocabulary: check the fields");
  read_chrome(b);

  auto sections = cut_sections(*grammar, *known_, layout);
  std::vector<bool> reported(layout.lines.size(), false);   // lines a problem of their own names
  std::vector<bool> unread(layout.lines.size(), false);     // lines under an unknown heading
  for (const auto& s : sections) {
    if (s.unknown) {
      for (int i : s.lines) {
        unread[i] = true;
        b.note(i, "unread: under a heading no section knows (section_unknown)");
      }
      b.note(s.lines.front(), "a heading no section of this grammar knows (section_unknown)");
      const auto& l = layout.lines[s.lines.front()];
      b.problem(Code::section_unknown, l.page,
                "a heading no section of grammar '" + grammar->name + "' knows; its lines are left unread", l.text,
                l.box);
      reported[s.lines.front()] = true;
      continue;
    }
    if (!s.section) {
      read_preamble(*grammar, s, b);
      continue;
    }
    for (size_t k = 0; k < s.heading_lines; ++k) b.take(s.lines[k], "heading of section '" + s.section->name + "'");
    for (int i : s.repeated) b.take(i, "heading of section '" + s.section->name + "', repeated");
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
      b.problem(Code::section_missing, 0,
                "section '" + sec.name + "' of grammar '" + grammar->name +
                    "' not found: no line of the document is a heading it knows");
    if (!found) continue;
    for (const auto& f : sec.fields)
      if (f.required && !b.has(f.field))
        b.problem(Code::field_missing, 0, "field '" + f.field + "' of section '" + sec.name + "' not found");
  }
  // Text no field took: a line that looks like a label is label_unknown on
  // its own; the rest is text_unassigned, one problem per run of lines.
  auto label_like = [&](size_t i) {
    const auto& l = layout.lines[i];
    if (looks_like_label(l, *known_)) return true;
    // The first cell of a label | value table row with a value beside it.
    if (l.table < 0 || l.column != 0 || !l.para_start || layout.tables[l.table].columns.size() < 2) return false;
    for (const auto& o : layout.lines)
      if (o.table == l.table && o.row == l.row && o.column >= 1) return true;
    return false;
  };
  for (size_t i = 0; i < layout.lines.size(); ++i)
    if (!b.taken(static_cast<int>(i)) && !reported[i] && !unread[i] && label_like(i)) {
      const auto& l = layout.lines[i];
      b.problem(Code::label_unknown, l.page, "a label no field of this section knows; its value is left unread", l.text,
                l.box);
      b.note(static_cast<int>(i), "a label no field of this section knows (label_unknown)");
      reported[i] = true;
    }
  for (size_t i = 0; i < layout.lines.size();) {
    if (b.taken(static_cast<int>(i)) || reported[i]) {
      ++i;
      continue;
    }
    const auto& first = layout.lines[i];
    std::string excerpt;
    Box box = first.box;
    size_t j = i;
    for (; j < layout.lines.size() && !b.taken(static_cast<int>(j)) && !reported[j] && layout.lines[j].page == first.page;
         ++j) {
      excerpt += (excerpt.empty() ? "" : " ") + layout.lines[j].text;
      b.note(static_cast<int>(j), "unassigned: no field took it (text_unassigned)");
      const auto& bx = layout.lines[j].box;
      box = Box{std::min(box.x0, bx.x0), std::min(box.y0, bx.y0), std::max(box.x1, bx.x1), std::max(box.y1, bx.y1)};
    }
    b.problem(Code::text_unassigned, first.page, "text that no field took (" + std::to_string(j - i) + " lines)",
              excerpt, box);
    i = j;
  }
  b.finish();
  r.coverage = coverage(layout, b);
  if (uses) {
    for (auto& u : *uses) u.clear();
    for (size_t i = 0; i < layout.lines.size(); ++i) {
      std::string& u = (*uses)[cut ? cut->origin[i] : i];
      if (!u.empty()) u += "; then ";
      u += b.use(static_cast<int>(i));
    }
    for (auto& u : *uses)
      if (u.empty()) u = "joined with the line above (an item number alone on its line)";
  }
  return r;
}

Document Recognizer::read_document(const layout::Layout& layout, const std::vector<Problem>& page_problems,
                                   const std::string& file_name) const {
  return read(layout, page_problems, file_name, nullptr, nullptr);
}

Explanation Recognizer::explain(const layout::Layout& layout, const std::vector<Problem>& page_problems,
                                const std::string& file_name, const Grammar* forced) const {
  Explanation e;
  e.detections = detect(layout);
  e.uses.assign(layout.lines.size(), "");
  e.document = read(layout, page_problems, file_name, forced, &e.uses);
  return e;
}

Document Recognizer::read(const layout::Layout& layout, const std::vector<Problem>& page_problems,
                          const std::string& file_name, const Grammar* forced, std::vector<std::string>* uses) const {
  Document out;
  const int pages = static_cast<int>(std::max<size_t>(1, layout.pages.size()));
  auto settle = [&](Record r, int page_first, int page_last) {
    for (const auto& prob : page_problems)
      if (prob.page == 0 || (prob.page >= page_first && prob.page <= page_last)) r.problems.insert(r.problems.begin(), prob);
    return r;
  };
  const Split split = split_document(layout, set_);
  if (split.appendices.size() < 2 && !split.grammar) {
    out.records.push_back(settle(read_one(layout, file_name, forced, uses), 1, pages));
  } else {
    // A directive, or several stamped job descriptions: one record per appendix.
    for (size_t k = 0; k < split.appendices.size(); ++k) {
      const auto& lines = split.appendices[k];
      std::vector<std::string> sub_uses(lines.size());
      Record r = read_one(sublayout(layout, lines), file_name, forced, uses ? &sub_uses : nullptr);
      if (uses)
        for (size_t k2 = 0; k2 < lines.size(); ++k2)
          (*uses)[lines[k2]] = "record " + std::to_string(k + 1) + ": " + sub_uses[k2];
      const int first = layout.lines[lines.front()].page, last = layout.lines[lines.back()].page;
      r.source = Source{file_name, static_cast<int>(k + 1), first, last};
      out.records.push_back(settle(std::move(r), first, last));
    }
    if (uses)
      for (int i : split.body) (*uses)[i] = split.grammar ? "the directive (grammar " + split.grammar->name + ")"
                                                          : "before the first approval stamp";
    if (split.grammar) {
      // A register's metadata rows above the directive are no part of it.
      const auto chrome = chrome_lines(layout, set_.common);
      std::vector<int> body;
      for (int i : split.body)
        if (!chrome[i]) body.push_back(i);
      out.directive = read_directive(layout, body, *split.grammar, set_.dates, file_name);
      check_appendices(*out.directive, out.records);
    }
    if (out.records.empty()) {
      // A directive whose appendices are not in this PDF: still one (failed) record, saying so.
      Record r;
      r.source = Source{file_name, 1, 1, pages};
      r.problems.push_back(Problem::make(Code::no_grammar_matched, 1, "a directive with no job description appended"));
      out.records.push_back(settle(std::move(r), 1, pages));
    }
  }
  for (auto& r : out.records) derive_status(r);
  return out;
}

}  // namespace aj::recognize
