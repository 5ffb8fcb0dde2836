// preamble.cpp — what comes before the first section: the register's and
// the page's chrome, the approval stamp (the grammar's forms, first match
// wins), the contract-appendix mark, and a title written in a heading
// ("GRUPIJUHI AMETIJUHEND", a stacked block over AMETIJUHEND) put in the
// nominative, which a title label read later replaces.
#include <algorithm>
#include <cctype>

#include "normalize/text.h"
#include "recognize/reading.h"
#include "recognize/values.h"

namespace aj::recognize {

namespace {

// A heading's title in the nominative: "GRUPIJUHI" → "grupijuht". Capitals
// are lowered (a title is written in lower case); the last word's genitive
// ending is replaced by the first [titles] rule that matches it. Sets
// *guessed when a rule changed the word.
std::string nominative_title(std::string title, const Common& c, bool* guessed) {
  *guessed = false;
  // Only the words before a parenthesis: "GRUPIJUHI (teenuse omanik)".
  size_t end = title.find(" (");
  if (end == std::string::npos) end = title.size();
  std::string head = title.substr(0, end);
  const std::string rest = title.substr(end);
  if (normalize::upper(head) == head) head = normalize::lower(head);
  title = head + rest;
  const size_t from = head.rfind(' ') == std::string::npos ? 0 : head.rfind(' ') + 1;
  const std::string word = head.substr(from);
  for (const auto& [nominative, genitive] : c.genitive_titles) {
    re2::StringPiece m;
    if (!genitive->Match(word, 0, word.size(), RE2::UNANCHORED, &m, 1)) continue;
    const size_t at = from + static_cast<size_t>(m.data() - word.data());
    *guessed = true;
    return head.substr(0, at) + nominative + rest;
  }
  return title;
}

bool has_lowercase(const std::string& s) { return normalize::upper(s) != s; }

// Sets the title from a heading line and takes the lines it used; a heading
// that names the institution ("SÜG Sihtasutuse ametijuhend") names no title.
void title_from_heading(const std::string& as_written, const std::vector<int>& lines, Builder& b) {
  bool guessed = false;
  const std::string title = nominative_title(as_written, b.common(), &guessed);
  for (int i : lines) b.take(i, "title heading");
  const auto words = words_of(as_written.substr(0, as_written.find(" (")));
  if (b.has("title") || words.empty() ||
      (b.common().institution_word && RE2::FullMatch(normalize::lower(words.back()), *b.common().institution_word)))
    return;
  const auto& first = b.line(lines.front());
  // Until a label names the position, the heading's words are a reading, not a field as written.
  b.infer("title", Value{Piece{title, nullptr, true, false}},
          Problem::make(Code::value_inferred, first.page,
                        "title '" + title + "' taken from the heading" + (guessed ? ", put in the nominative" : "") +
                            "; no label names the position",
                        as_written, first.box));
}

// A preamble line that names the position ("GRUPIJUHI AMETIJUHEND", with a
// "(teenuse omanik)" line under it), or the line under a stacked title block
// (TRANSPORDIAMET / … OSAKONNA / … EKSPERDI / AMETIJUHEND) whose last line
// is the title. A label read later ("Teenistuskoha nimetus") replaces it.
bool read_title(const Grammar& g, const SectionLines& s, size_t k, Builder& b) {
  const int i = s.lines[k];
  const std::string& text = b.line(i).text;
  for (const auto& p : g.title) {
    // The group `title`, wherever it stands among the pattern's groups.
    std::vector<re2::StringPiece> sub(p->NumberOfCapturingGroups() + 1);
    if (!p->Match(text, 0, text.size(), RE2::ANCHOR_BOTH, sub.data(), static_cast<int>(sub.size()))) continue;
    std::string title(sub[p->NamedCapturingGroups().at("title")]);
    if (trim(title).empty()) continue;
    std::vector<int> used{i};
    if (k + 1 < s.lines.size()) {
      const std::string& next = b.line(s.lines[k + 1]).text;
      if (next.size() > 2 && next.front() == '(' && next.back() == ')') {
        title += " " + next;
        used.push_back(s.lines[k + 1]);
      }
    }
    title_from_heading(trim(title), used, b);
    return true;
  }
  if (!g.title_block || !RE2::FullMatch(text, *g.title_block)) return false;
  // The block: the capitals-only lines right above, without digits.
  static const RE2 digit(R"(\d)");
  std::vector<int> block;
  for (size_t j = k; j-- > 0;) {
    const auto& l = b.line(s.lines[j]);
    if (b.taken(s.lines[j]) || has_lowercase(l.text) || RE2::PartialMatch(l.text, digit)) break;
    block.insert(block.begin(), s.lines[j]);
  }
  b.take(i, "under the title block");
  if (block.size() < 2) return true;
  title_from_heading(b.line(block.back()).text, block, b);
  return true;
}

}  // namespace

std::vector<bool> chrome_lines(const layout::Layout& layout, const Common& common) {
  const auto& lines = layout.lines;
  std::vector<bool> out(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (std::none_of(common.chrome.begin(), common.chrome.end(),
                     [&](const Pattern& p) { return RE2::FullMatch(lines[i].text, *p); }))
      continue;
    out[i] = true;
    // In a table, the row it labels goes with it ("Viit" | "2.1-2/26/004"),
    // on its page (a last row may run on into what the next page starts with).
    if (lines[i].table < 0 || lines[i].column != 0) continue;
    for (size_t j = 0; j < lines.size(); ++j)
      if (lines[j].table == lines[i].table && lines[j].row == lines[i].row && lines[j].page == lines[i].page)
        out[j] = true;
  }
  return out;
}

void read_chrome(Builder& b) {
  const auto chrome = chrome_lines(b.layout(), b.common());
  for (size_t i = 0; i < chrome.size(); ++i)
    if (chrome[i] && !b.taken(static_cast<int>(i))) b.take(static_cast<int>(i), "set aside: no document's text (chrome)");
}

void read_preamble(const Grammar& g, const SectionLines& s, Builder& b) {
  std::string joined;
  std::vector<std::pair<size_t, int>> starts;  // offset in `joined` → line
  for (size_t k = 0; k < s.lines.size(); ++k) {
    const int i = s.lines[k];
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (read_title(g, s, k, b)) continue;
    if (skipped(g.preamble_skip, l.text)) {
      b.take(i, "skipped by the preamble's skip rule (preamble_skip)");
      continue;
    }
    if (g.contract_appendix && RE2::PartialMatch(l.text, *g.contract_appendix)) {
      b.take(i, "contract_appendix mark");
      b.record().contract_appendix = true;
      continue;
    }
    if (!joined.empty()) joined += ' ';
    starts.emplace_back(joined.size(), i);
    joined += l.text;
  }
  if (joined.empty()) return;
  for (const auto& pattern : g.approval) {
    const RE2& re = *pattern;
    const int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> sub(n);
    if (!re.Match(joined, 0, joined.size(), RE2::UNANCHORED, sub.data(), n)) continue;
    auto group = [&](const char* name) -> Text {
      const auto& names = re.NamedCapturingGroups();
      auto it = names.find(name);
      if (it == names.end() || sub[it->second].data() == nullptr) return std::nullopt;
      return trim(std::string(sub[it->second]));
    };
    Approval a{group("authority"), std::nullopt, group("directive_number"), group("appendix")};
    if (auto d = group("date")) {
      a.date = iso_date(*d);
      if (!a.date) b.problem(Code::value_invalid, b.line(starts.front().second).page, "'" + *d + "' is not a date", *d);
    }
    b.record().approval = a;
    size_t from = sub[0].data() - joined.data(), to = from + sub[0].size();
    for (size_t k = 0; k < starts.size(); ++k) {
      size_t end = k + 1 < starts.size() ? starts[k + 1].first : joined.size();
      if (starts[k].first < to && end > from) b.take(starts[k].second, "approval stamp");
    }
    return;
  }
}

}  // namespace aj::recognize
