// search.h — full-text search of the archive for `ametijuhend search`: the
// terms a user types turned into queries that cannot fail on punctuation.
//
// Each term (a word or a quoted phrase) must occur in the same searchable
// text (search_text: a title, purpose, task, result, right, responsibility,
// or the text of a document no grammar read). A term of three letters or
// more is an FTS5 phrase in the trigram index, double-quoted so '-', ':'
// and '*' are text, not syntax ('SKAIS-i' → "SKAIS-i"): a substring,
// case-folded, diacritics kept ('süsteem' finds 'Infosüsteemide', not
// 'susteem'). A shorter term, which no trigram can hold, is scanned with
// GLOB over lower_et(text) and must begin a word ('IT' finds 'IT-juht' and
// 'IT', not 'kvaliteet'). Case folds with lower_et (ICU, Estonian), so Õ
// matches õ in both ways.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace aj::store {

// The kinds search_text holds (schema 002 and 006).
const std::vector<std::string>& search_kinds();

struct SearchQuery {
  std::vector<std::string> terms;   // non-empty
  std::vector<std::string> kinds;   // from search_kinds(); empty: all
  int limit = 100;
};

struct SearchHit {
  int64_t record_id = 0;            // records.id
  std::string record_key;           // records.record_key: what a user quotes, stable across re-parses
  std::optional<std::string> title, unit, task_number;
  std::string kind;
  std::string text;                 // the whole matching text
  std::vector<std::pair<size_t, size_t>> matches;   // byte ranges of the terms in `text`, sorted
  std::string path;                 // one file the record's document was found at
};

// The FTS5 phrase for `term`: double quotes around it, inner quotes doubled.
std::string fts5_phrase(const std::string& term);

// Hits ranked by the trigram index's bm25 (scan order for short terms only),
// at most query.limit; nullopt with *error on a database error.
std::optional<std::vector<SearchHit>> search(Db& db, const SearchQuery& query, std::string* error);

// `text` cut to about `width` bytes around the first match, the matches
// between `open` and `close`, "…" where it was cut.
std::string highlight(const SearchHit& hit, const std::string& open, const std::string& close, size_t width = 160);

}  // namespace aj::store
