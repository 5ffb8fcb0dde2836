// record_columns.h — how the registry's fields (core/fields.h) sit in the
// database, shared by the writer (archive.cpp) and the reader (reader.cpp):
// the columns each field takes in its group's row (records, requirements,
// signatures), binding them and reading them back, and the child-table
// statements of the generic list fields. The dedicated child tables (tasks,
// languages, …) stay with the writer and the reader, reached by Shape.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/fields.h"
#include "store/sqlite.h"

namespace aj::store {

// The columns a field takes in its group's row, in binding order; none for a
// field kept in child tables.
std::vector<std::string_view> row_columns(const fields::Field& f);

// The fields of the group's row, in registry order.
std::vector<const fields::Field*> row_fields(fields::Group g);

// "a, b, c": the row's columns (registry order), for INSERT and SELECT.
std::string row_column_list(fields::Group g);

// Binds the field's row columns from `index` + 1 on; advances `index`.
void bind_row_field(Stmt& q, int& index, const fields::Field& f, const Record& r);
// Reads the field's row columns from column `column` on; advances `column`.
void read_row_field(const Stmt& q, int& column, const fields::Field& f, Record& r);

}  // namespace aj::store
