// record_sheets.h — records as spreadsheet sheets, one per list: positions,
// tasks, results, requirements, languages, competencies, rights,
// responsibilities, problems. Every row starts with the record's key (its
// records.id when read from a database, else its number in the export), so
// the sheets join on it like the database's tables on record_id.
#pragma once

#include <cstdint>
#include <vector>

#include "cli/xlsx.h"
#include "core/record.h"

namespace aj::cli {

class RecordSheets {
 public:
  RecordSheets();
  void add(int64_t key, const Record& record);
  const std::vector<Sheet>& sheets() const { return sheets_; }

 private:
  std::vector<Sheet> sheets_;
};

}  // namespace aj::cli
