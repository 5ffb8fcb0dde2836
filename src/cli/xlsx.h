// xlsx.h — tables into an Excel workbook (libxlsxwriter), for analysts who
// work in spreadsheets: `sql --format xlsx` (one sheet, the query's rows)
// and `export --format xlsx` (one sheet per list of the records, sheets.h).
//
// Each sheet has a bold, frozen header row with an autofilter, and columns
// sized to their content (up to a cap; long texts wrap instead). Numbers stay
// numbers so a spreadsheet can sum and sort them.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace aj::cli {

using Cell = std::variant<std::monostate, int64_t, double, std::string>;   // monostate: empty (NULL)

struct Sheet {
  std::string name;                   // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// Writes the workbook to `path` (replacing it); false with *error saying
// what failed (the file, libxlsxwriter's reason).
bool write_xlsx(const std::string& path, const std::vector<Sheet>& sheets, std::string* error);

}  // namespace aj::cli
