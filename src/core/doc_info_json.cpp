// doc_info_json.cpp — DocInfo as JSON, both ways: the worker's hand-off to
// the writer and the SQL fixtures' records use the same shape.
#include "core/doc_info.h"

namespace aj {

nlohmann::ordered_json info_to_json(const DocInfo& info) {
  return {{"pages", info.pages},
          {"encrypted", info.encrypted},
          {"producer", info.producer},
          {"creator", info.creator},
          {"title", info.title},
          {"created", info.created ? nlohmann::ordered_json(static_cast<int64_t>(*info.created)) : nullptr}};
}

DocInfo info_from_json(const nlohmann::json& j) {
  DocInfo info;
  info.pages = j.value("pages", 0);
  info.encrypted = j.value("encrypted", false);
  info.producer = j.value("producer", "");
  info.creator = j.value("creator", "");
  info.title = j.value("title", "");
  if (j.contains("created") && j["created"].is_number()) info.created = static_cast<std::time_t>(j["created"].get<int64_t>());
  return info;
}

}  // namespace aj
