// org_columns.cpp — base forms, join keys and fingerprints of records, as
// the writer stores them (schema/007_org.sql).
#include "store/org_columns.h"

#include "core/sha256.h"
#include "normalize/text.h"

namespace aj::store {
namespace {

// Strings case-folded and white space collapsed, recursively.
void normalise(nlohmann::ordered_json& j) {
  if (j.is_string()) j = normalize::lower(normalize::collapse_spaces(j.get<std::string>()));
  else if (j.is_structured())
    for (auto& item : j) normalise(item);
}

std::optional<std::string> base_of(const Text& name, const normalize::BaseForms* b) {
  if (!name || name->empty()) return std::nullopt;
  return base_form(*name, b);
}

}  // namespace

std::string base_form(std::string_view name, const normalize::BaseForms* b) {
  return b ? b->of(name) : normalize::lower(name);
}

std::string join_key(std::string_view base) {
  std::string out;
  for (char c : base)
    if (c != ' ' && c != '-') out += c;
  return out;
}

OrgColumns org_columns(const Record& r, const normalize::BaseForms* b) {
  OrgColumns c;
  c.title_base = base_of(r.title, b);
  if (c.title_base) c.title_key = join_key(*c.title_base);
  c.manager_base = base_of(r.direct_manager, b);
  nlohmann::ordered_json j = to_json(r);
  for (const char* key : {"source", "status", "problems", "signatures"}) j.erase(key);
  normalise(j);
  c.fingerprint = sha256_hex(j.dump()).substr(0, 16);
  return c;
}

}  // namespace aj::store
