// tabular.h — rows of text for the terminal and for other programs: an
// aligned table, CSV (RFC 4180; with a UTF-8 byte order mark for Excel when
// asked), and writing the result to stdout or a file. Shared by `sql` and
// `search`.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace aj::cli {

using Row = std::vector<std::optional<std::string>>;   // nullopt: NULL, shown empty

// Columns padded to their widest value, a rule under the names, and "(N rows)".
void print_table(std::ostream& out, const std::vector<std::string>& names, const std::vector<Row>& rows);
// A header line, then one line per row. `excel_bom`: begin with U+FEFF, without
// which Excel takes a UTF-8 file for the local code page.
void print_csv(std::ostream& out, const std::vector<std::string>& names, const std::vector<Row>& rows,
               bool excel_bom);

// `text` to stdout when `path` is empty, else into the file (replaced);
// false with *error when the file cannot be written.
bool write_output(const std::string& text, const std::string& path, std::string* error);

}  // namespace aj::cli
