// directive.cpp — splitting at appendix stamps and reading a directive's
// facts (see directive.h). The wording it looks for is in the directive
// grammar (grammars/directive-*.toml) and _common.toml's [dates].
#include "recognize/directive.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "normalize/text.h"
#include "recognize/values.h"

namespace aj::recognize {
namespace {

std::string group(const RE2& re, const std::vector<re2::StringPiece>& sub, const char* name) {
  const auto& names = re.NamedCapturingGroups();
  auto it = names.find(name);
  if (it == names.end() || sub[it->second].data() == nullptr) return "";
  return std::string(sub[it->second]);
}

// Runs `re` over text from `pos`; fills sub (whole match first).
bool find(const RE2& re, const std::string& text, size_t pos, std::vector<re2::StringPiece>& sub) {
  sub.assign(re.NumberOfCapturingGroups() + 1, re2::StringPiece());
  return pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, sub.data(), static_cast<int>(sub.size()));
}

// The number a group captured; nullopt when it is none (a grammar's group
// may capture more than digits) or too large.
std::optional<int> number_of(const std::string& s) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

// The most lines an approval stamp takes after its first.
constexpr int kStampLines = 6;

// A directive's text as runs: its lines, cut where a point or the signing
// note starts inside a line (a register's text runs the legal basis, the
// points and "(allkirjastatud digitaalselt) Name peadirektor" on in one
// paragraph; the name and the title after the note are runs of their own).
struct Run {
  std::string text;
  bool para_start = false;
};

void split_runs(const Run& l, const DirectiveGrammar& g, std::vector<Run>& out) {
  // A top-level point after a finished sentence or after the legal basis ("… alusel 1. Kinnitan …").
  static const RE2 inline_point(R"(\s(\d{1,2}\.\s+\p{Lu}))");
  std::string text = l.text;
  bool para = l.para_start;
  for (;;) {
    re2::StringPiece in(text), at;
    size_t cut = RE2::PartialMatch(text, *g.signed_within, &at) ? static_cast<size_t>(at.data() - text.data())
                                                              : std::string::npos;
    while (RE2::FindAndConsume(&in, inline_point, &at)) {
      const size_t pos = static_cast<size_t>(at.data() - text.data());
      const std::string before = trim(text.substr(0, pos));
      std::vector<re2::StringPiece> sub;
      const bool after_sentence = !before.empty() && std::string(".:;").find(before.back()) != std::string::npos;
      const bool after_basis = find(*g.legal_basis, before, 0, sub) &&
                               static_cast<size_t>(sub[0].data() - before.data()) + sub[0].size() == before.size();
      if (after_sentence || after_basis) {
        cut = std::min(cut, pos);
        break;
      }
    }
    if (cut == std::string::npos || cut == 0) break;
    out.push_back(Run{trim(text.substr(0, cut)), para});
    text = trim(text.substr(cut));
    para = true;
  }
  // The signing note with the signatory after it on one line: the note, then the name, then the title.
  const RE2& then = *g.signed_then;
  std::vector<re2::StringPiece> sub(then.NumberOfCapturingGroups() + 1);
  if (!then.Match(text, 0, text.size(), RE2::ANCHOR_BOTH, sub.data(), static_cast<int>(sub.size()))) {
    out.push_back(Run{text, para});
    return;
  }
  const std::string rest(sub[then.NamedCapturingGroups().at("rest")]);
  out.push_back(Run{trim(text.substr(0, text.size() - rest.size())), true});
  static const RE2 name_title(R"(^(\p{Lu}\S*(?:\s+\p{Lu}\S*)+)\s+(\p{Ll}.*)$)");
  std::string name, title;
  if (RE2::FullMatch(rest, name_title, &name, &title)) {
    out.push_back(Run{name, true});
    out.push_back(Run{title, true});
  } else {
    out.push_back(Run{rest, true});
  }
}

}  // namespace

Split split_document(const layout::Layout& layout, const GrammarSet& set) {
  Split out;
  for (const auto& g : set.directives) {
    std::vector<int> starts;
    bool marked = false;
    for (size_t i = 0; i < layout.lines.size(); ++i) {
      const std::string& t = layout.lines[i].text;
      const bool opens = std::any_of(g.appendix_start.begin(), g.appendix_start.end(),
                                     [&](const Pattern& p) { return RE2::FullMatch(t, *p); });
      // A stamp is a few lines ("KINNITATUD" / "… käskkirjaga nr 53" / "Lisa 1"): a
      // line that opens one right after another's first line is part of that stamp.
      if (opens && (starts.empty() || static_cast<int>(i) - starts.back() > kStampLines))
        starts.push_back(static_cast<int>(i));
      else if (!opens && starts.empty() && RE2::FullMatch(t, *g.detect))
        marked = true;
    }
    if (!marked && starts.size() < 2) continue;
    out.grammar = marked ? &g : nullptr;
    // A page number just above a stamp ("1" / "Lisa 2") is the new page's: it goes with the stamp.
    static const RE2 page_number(R"(\d{1,3})");
    for (int& start : starts)
      while (start > 0 && layout.lines[start - 1].table < 0 && RE2::FullMatch(layout.lines[start - 1].text, page_number))
        --start;
    int first = starts.empty() ? static_cast<int>(layout.lines.size()) : starts.front();
    for (int i = 0; i < first; ++i) out.body.push_back(i);
    for (size_t k = 0; k < starts.size(); ++k) {
      int end = k + 1 < starts.size() ? starts[k + 1] : static_cast<int>(layout.lines.size());
      std::vector<int> part;
      for (int i = starts[k]; i < end; ++i) part.push_back(i);
      out.appendices.push_back(std::move(part));
    }
    // Several stamped job descriptions with no directive before them: text
    // before the first stamp belongs to the first one, so nothing is lost.
    if (!marked && !out.body.empty()) {
      out.appendices.front().insert(out.appendices.front().begin(), out.body.begin(), out.body.end());
      out.body.clear();
    }
    return out;
  }
  return out;
}

layout::Layout sublayout(const layout::Layout& layout, const std::vector<int>& lines) {
  layout::Layout out;
  out.pages = layout.pages;
  out.tables = layout.tables;
  for (int i : lines) out.lines.push_back(layout.lines[i]);
  return out;
}

Text parse_written_date(const std::string& text, const Dates& dates) {
  std::vector<re2::StringPiece> sub;
  if (find(*dates.numeric, text, 0, sub)) return iso_date(group(*dates.numeric, sub, "dmy"));
  if (!find(*dates.written, text, 0, sub)) return std::nullopt;
  std::string year = group(*dates.written, sub, "year");
  if (year.empty()) year = group(*dates.written, sub, "year2");
  const std::string written = normalize::lower(group(*dates.written, sub, "month"));
  int month = 0;
  for (const auto& [name, number] : dates.months)
    if (written.compare(0, std::min<size_t>(6, name.size()), name, 0, std::min<size_t>(6, name.size())) == 0)
      month = number;
  if (year.empty() || month == 0) return std::nullopt;
  return iso_date(group(*dates.written, sub, "day") + "." + std::to_string(month) + "." + year);
}

std::vector<int> expand_ranges(const std::string& which, const DirectiveGrammar& g) {
  std::vector<int> out;
  std::vector<re2::StringPiece> sub;
  size_t pos = 0;
  while (find(*g.range, which, pos, sub) && !sub[0].empty()) {
    std::string from = group(*g.range, sub, "from"), to = group(*g.range, sub, "to"),
                single = group(*g.range, sub, "single");
    if (auto one = number_of(single)) {
      out.push_back(*one);
    } else if (auto a = number_of(from), b = number_of(to); a && b) {
      for (int n = *a; n <= *b && n - *a < 1000; ++n) out.push_back(n);
    }
    pos = sub[0].data() - which.data() + sub[0].size();
  }
  return out;
}

bool same_title(const std::string& a, const std::string& b) {
  auto wa = words_of(normalize::lower(a)), wb = words_of(normalize::lower(b));
  if (wa.size() != wb.size() || wa.empty()) return false;
  for (size_t i = 0; i < wa.size(); ++i) {
    const auto& x = wa[i];
    const auto& y = wb[i];
    size_t common = 0;
    while (common < std::min(x.size(), y.size()) && x[common] == y[common]) ++common;
    // An Estonian case ending is a few letters at the end of the word.
    if (common < std::max<size_t>(3, std::min(x.size(), y.size()) - std::min<size_t>(3, std::min(x.size(), y.size()))))
      return false;
  }
  return true;
}

Directive read_directive(const layout::Layout& layout, const std::vector<int>& lines, const DirectiveGrammar& g,
                         const Dates& dates, const std::string& file) {
  Directive d;
  d.file = file;
  if (lines.empty()) return d;
  d.page_first = layout.lines[lines.front()].page;
  d.page_last = layout.lines[lines.back()].page;
  // A reference: matches keep pieces of the line's text, so a copy would leave them dangling.
  auto text_of = [&](int i) -> const std::string& { return layout.lines[i].text; };

  size_t k = 0;
  // Issuer: the first line before the directive's mark.
  for (; k < lines.size() && !RE2::FullMatch(text_of(lines[k]), *g.detect); ++k)
    if (!d.issuer) d.issuer = text_of(lines[k]);
  if (k < lines.size()) ++k;
  // Date and number.
  std::vector<re2::StringPiece> sub;
  for (; k < lines.size(); ++k)
    if (find(*g.date_number, text_of(lines[k]), 0, sub)) {
      const std::string& t = text_of(lines[k]);
      std::string dmy = group(*g.date_number, sub, "date");
      d.date = iso_date(dmy);
      if (!d.date) d.problems.push_back(Problem::make(Code::value_invalid, layout.lines[lines[k]].page, "'" + dmy + "' is not a date", t));
      d.number = group(*g.date_number, sub, "number");
      ++k;
      break;
    }
  // Title: the paragraph after the date line, unless it is already the basis or a point.
  std::string title;
  const size_t title_start = k;
  for (size_t j = title_start; j < lines.size(); ++j) {
    const auto& l = layout.lines[lines[j]];
    const bool later = j > title_start;
    const bool weight_changed = later && l.bold != layout.lines[lines[j - 1]].bold;
    if ((later && (l.para_start || weight_changed)) || RE2::PartialMatch(l.text, *g.point) ||
        RE2::PartialMatch(l.text, *g.legal_basis))
      break;
    title += (title.empty() ? "" : " ") + l.text;
    k = j + 1;
  }
  if (!title.empty()) d.title = title;

  // Points: "1. …" up to the next point; the signature after the last one.
  std::string preamble;
  std::vector<std::pair<int, std::string>> points;
  std::vector<std::string> signature;
  bool signing = false;
  auto read_run = [&](const Run& l) {
    std::string number;
    if (RE2::FullMatch(l.text, *g.signed_note)) {
      signing = true;
      return;
    }
    if (signing) {
      signature.push_back(l.text);
      return;
    }
    re2::StringPiece in(l.text);
    if (l.para_start && RE2::Consume(&in, *g.point, &number)) {
      points.emplace_back(number_of(number).value_or(0), std::string(in));
      return;
    }
    if (points.empty())
      preamble += (preamble.empty() ? "" : " ") + l.text;
    else
      points.back().second += " " + l.text;
  };
  // A paragraph's lines are read together while no signature has begun, so
  // a point or a note that a wrap cut ("… korras. (allkirjastatud" /
  // "digitaalselt) Maret Maripuu peadirektor") is found whole.
  static const RE2 continues(R"(^[\p{Ll})])");
  Run paragraph;
  auto flush = [&] {
    if (paragraph.text.empty()) return;
    std::vector<Run> runs;
    split_runs(paragraph, g, runs);
    for (const auto& r : runs) read_run(r);
    paragraph = Run{};
  };
  for (; k < lines.size(); ++k) {
    const auto& l = layout.lines[lines[k]];
    if (!signing && !l.para_start && !paragraph.text.empty() && RE2::PartialMatch(l.text, continues)) {
      paragraph.text += " " + l.text;
      continue;
    }
    flush();
    paragraph = Run{l.text, l.para_start};
  }
  flush();
  // The basis is the preamble's sentence that ends in "alusel"; a sentence
  // of motivation may come before it.
  for (size_t from = 0; find(*g.legal_basis, preamble, from, sub);) {
    std::string basis = trim(group(*g.legal_basis, sub, "basis"));
    static const RE2 sentence_start(R"(^\p{Lu})");
    for (size_t stop = basis.rfind(". "); stop != std::string::npos && stop > 0; stop = basis.rfind(". ", stop - 1))
      if (RE2::PartialMatch(basis.substr(stop + 2, 4), sentence_start)) {
        basis = basis.substr(stop + 2);
        break;
      }
    d.legal_basis = basis;
    break;
  }
  if (!signature.empty()) d.signatory_name = signature[0];
  if (signature.size() > 1) d.signatory_title = signature[1];

  for (auto& [n, raw] : points) {
    std::string text = normalize::collapse_spaces(raw);
    if (RE2::PartialMatch(text, *g.approves)) {
      size_t pos = 0;
      while (find(*g.appendix_item, text, pos, sub)) {
        std::string number = group(*g.appendix_item, sub, "number");
        d.appendices.push_back({number_of(number),
                                trim(group(*g.appendix_item, sub, "title"))});
        pos = sub[0].data() - text.data() + sub[0].size();
      }
    }
    if (find(*g.repeal, text, 0, sub)) {
      Repeal r;
      r.text = text;
      std::string dmy = group(*g.repeal, sub, "date");
      r.date = iso_date(dmy);
      r.number = group(*g.repeal, sub, "number");
      r.appendices = expand_ranges(group(*g.repeal, sub, "which"), g);
      d.repeals.push_back(std::move(r));
    }
    if (RE2::PartialMatch(text, *g.entry)) {
      EntryIntoForce e;
      e.text = text;
      e.on_signature = RE2::PartialMatch(text, *g.on_signature);
      if (!e.on_signature && find(*g.entry_date, text, 0, sub))
        e.date = parse_written_date(group(*g.entry_date, sub, "when"), dates);
      if (find(*g.retroactive, text, 0, sub)) e.retroactive_from = parse_written_date(group(*g.retroactive, sub, "when"), dates);
      d.entry_into_force = e;
    }
  }
  if (!d.date || !d.number)
    d.problems.push_back(Problem::make(Code::field_missing, d.page_first, "the directive's date and number were not found"));
  if (d.appendices.empty())
    d.problems.push_back(Problem::make(Code::field_missing, d.page_first, "the directive lists no appendices it approves"));
  return d;
}

void check_appendices(Directive& d, std::vector<Record>& records) {
  if (d.appendices.size() != records.size()) {
    std::string msg = "the directive lists " + std::to_string(d.appendices.size()) + " appendices but the PDF holds " +
                      std::to_string(records.size());
    d.problems.push_back(Problem::make(Code::directive_mismatch, d.page_first, msg));
    for (auto& r : records) {
      r.problems.push_back(Problem::make(Code::directive_mismatch, r.source.page_first, msg));
    }
  }
  for (size_t k = 0; k < records.size(); ++k) {
    auto& r = records[k];
    // The listed appendix this record is: by its stamp's number, else by position.
    const DirectiveAppendix* listed = nullptr;
    int stamp = 0;
    if (r.approval && r.approval->appendix) {
      static const RE2 digits(R"((\d+))");
      RE2::PartialMatch(*r.approval->appendix, digits, &stamp);
    }
    for (const auto& a : d.appendices)
      if (stamp > 0 && a.number == stamp) listed = &a;
    if (!listed && stamp == 0 && k < d.appendices.size()) listed = &d.appendices[k];
    if (!listed || !r.title) continue;
    bool found = same_title(listed->title, *r.title) || normalize::lower(listed->title).find(normalize::lower(*r.title)) != std::string::npos;
    if (!found) {
      std::string msg = "appendix " + std::to_string(k + 1) + " is titled '" + *r.title + "' but the directive lists '" +
                        listed->title + "'";
      d.problems.push_back(Problem::make(Code::directive_mismatch, r.source.page_first, msg));
      r.problems.push_back(Problem::make(Code::directive_mismatch, r.source.page_first, msg));
    }
  }
}

}  // namespace aj::recognize
