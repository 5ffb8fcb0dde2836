// search.cpp — the SQL behind store/search.h: one statement over search_text,
// joined to the trigram index when some term is long enough for it, with a
// GLOB per short term; the match ranges are found again in C++ on the
// lower_et-folded text, for the highlight.
#include "store/search.h"

#include <algorithm>
#include <cctype>

namespace aj::store {
namespace {

// A term shorter than this has no trigram and is scanned instead.
constexpr size_t kTrigramLetters = 3;

size_t utf8_length(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// GLOB for lower_et(' ' || text): the term at the start of a word, its own
// GLOB characters taken literally.
std::string word_start_glob(const std::string& folded_term) {
  std::string glob = "*[^a-z0-9õäöüšžàáâãåæçèéêëìíîïñòóôøùúûýÿ]";
  for (char c : folded_term) {
    if (c == '*' || c == '?' || c == '[') glob += std::string("[") + c + "]";
    else glob += c;
  }
  return glob + "*";
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::string fold(Db& db, const std::string& text) {
  Stmt st = db.prepare("SELECT lower_et(?)");
  st.bind(1, text);
  return st.step() ? st.text(0) : text;
}

// Byte ranges of the folded terms in `folded`; short terms only where a word begins.
std::vector<std::pair<size_t, size_t>> find_matches(const std::string& folded, const std::vector<std::string>& terms) {
  std::vector<std::pair<size_t, size_t>> found;
  for (const auto& term : terms) {
    if (term.empty()) continue;
    const bool short_term = utf8_length(term) < kTrigramLetters;
    for (size_t at = folded.find(term); at != std::string::npos; at = folded.find(term, at + 1)) {
      if (short_term && at > 0 && is_word_byte(static_cast<unsigned char>(folded[at - 1]))) continue;
      found.emplace_back(at, at + term.size());
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& r : found) {
    if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
    else merged.push_back(r);
  }
  return merged;
}

// The nearest UTF-8 character start at or before `at`.
size_t char_start(const std::string& s, size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return std::min(at, s.size());
}

}  // namespace

const std::vector<std::string>& search_kinds() {
  static const std::vector<std::string> kinds{"title", "purpose", "task", "result", "right", "responsibility", "document"};
  return kinds;
}

std::string fts5_phrase(const std::string& term) {
  std::string quoted = "\"";
  for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::optional<std::vector<SearchHit>> search(Db& db, const SearchQuery& query, std::string* error) {
  std::vector<std::string> folded_terms, long_terms, short_terms;
  for (const auto& term : query.terms) {
    const std::string folded = fold(db, term);
    if (folded.find_first_not_of(" \t") == std::string::npos) continue;
    folded_terms.push_back(folded);
    (utf8_length(folded) < kTrigramLetters ? short_terms : long_terms).push_back(folded);
  }
  if (folded_terms.empty()) {
    *error = "no search terms (give a word, a phrase in quotes, or a part of a word)";
    return std::nullopt;
  }
  std::string match;
  for (const auto& t : long_terms) match += (match.empty() ? "" : " AND ") + fts5_phrase(t);

  std::string sql =
      "SELECT s.record_id, r.title, r.structural_unit, s.kind, t.number, s.text, lower_et(s.text),"
      " (SELECT min(f.path) FROM files f WHERE f.document_id = r.document_id), r.record_key"
      " FROM search_text s JOIN records r ON r.id = s.record_id LEFT JOIN tasks t ON t.id = s.task_id";
  if (!match.empty()) sql += " JOIN search_trigram ON search_trigram.rowid = s.id";
  sql += " WHERE 1";
  if (!match.empty()) sql += " AND search_trigram MATCH ?";
  for (size_t i = 0; i < short_terms.size(); ++i) sql += " AND (' ' || lower_et(s.text)) GLOB ?";
  if (!query.kinds.empty()) {
    sql += " AND s.kind IN (";
    for (size_t i = 0; i < query.kinds.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  sql += match.empty() ? " ORDER BY s.record_id, s.id" : " ORDER BY search_trigram.rank, s.record_id, s.id";
  sql += " LIMIT ?";

  Stmt st = db.prepare(sql);
  int i = 0;
  if (!match.empty()) st.bind(++i, match);
  for (const auto& t : short_terms) st.bind(++i, word_start_glob(t));
  for (const auto& k : query.kinds) st.bind(++i, k);
  st.bind(++i, query.limit);
  std::vector<SearchHit> hits;
  while (st.step()) {
    SearchHit h;
    h.record_id = st.int64(0);
    h.title = st.opt_text(1);
    h.unit = st.opt_text(2);
    h.kind = st.text(3);
    h.task_number = st.opt_text(4);
    h.text = st.text(5);
    const std::string folded = st.text(6);
    h.path = st.text(7);
    h.record_key = st.text(8);
    // Folding kept every byte offset (true of Estonian text); else no highlight.
    if (folded.size() == h.text.size()) h.matches = find_matches(folded, folded_terms);
    hits.push_back(std::move(h));
  }
  if (!db.ok()) {
    *error = "search failed: " + db.error();
    db.clear_error();
    return std::nullopt;
  }
  return hits;
}

std::string highlight(const SearchHit& hit, const std::string& open, const std::string& close, size_t width) {
  const std::string& text = hit.text;
  size_t from = 0, to = text.size();
  if (text.size() > width) {
    const size_t first = hit.matches.empty() ? 0 : hit.matches.front().first;
    from = char_start(text, first > width / 3 ? first - width / 3 : 0);
    to = char_start(text, std::min(text.size(), from + width));
  }
  std::string out = from > 0 ? "…" : "";
  size_t at = from;
  for (const auto& [b, e] : hit.matches) {
    if (e <= from || b >= to) continue;
    const size_t mb = std::max(b, from), me = std::min(e, to);
    out += text.substr(at, mb - at) + open + text.substr(mb, me - mb) + close;
    at = me;
  }
  out += text.substr(at, to - at);
  if (to < text.size()) out += "…";
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace aj::store
