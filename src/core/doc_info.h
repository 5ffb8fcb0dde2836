// doc_info.h — what a PDF says about itself (page count, producer, …).
//
// Filled by extract/, carried through the pipeline and the worker hand-off,
// stored by store/ in the documents table. It lives in core/ so that the
// database layer need not include the extractor to name it.
#pragma once

#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace aj {

struct DocInfo {
  int pages = 0;
  bool encrypted = false;          // encrypted, even if it opened without a password
  std::string producer, creator, title;
  std::optional<std::time_t> created;
};

// {"pages", "encrypted", "producer", "creator", "title", "created"}; a key
// that is missing reads as the default.
nlohmann::ordered_json info_to_json(const DocInfo& info);
DocInfo info_from_json(const nlohmann::json& j);

}  // namespace aj
