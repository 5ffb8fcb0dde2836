// reader.h — records rebuilt from the normalized tables, the inverse of
// Archive::write_document: to_json() of a record read here equals to_json()
// of the record as parsed (every contract field, list orders included), which
// is what `export --db` prints and `show` formats. The database keeps no
// JSON copy of a record; the tables are the only truth.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/record.h"
#include "store/sqlite.h"

namespace aj::store {

class RecordReader {
 public:
  explicit RecordReader(Db& db);
  ~RecordReader();

  // The record with this id; nullopt when there is none (or on a database
  // error: then db.ok() is false).
  std::optional<Record> read(int64_t record_id);
  // The paths its content was found at, sorted.
  std::vector<std::string> paths(int64_t record_id);
  // Its records.record_key (schema 007): stable across re-parses; "" when none.
  std::string record_key(int64_t record_id);

 private:
  struct Statements;
  void read_tables(fields::Shape shape, int64_t record_id, Record& r);
  Db& db_;
  std::unique_ptr<Statements> st_;
};

// Ids of the records whose v_positions row matches `where` (an SQL
// expression over v_positions' columns, record_key among them: "record_key
// = '3f2a9c01b7de-1'"; "" for all), in path then
// source.index order. nullopt with *error when the expression is not valid.
std::optional<std::vector<int64_t>> select_records(Db& db, const std::string& where, std::string* error);

}  // namespace aj::store
