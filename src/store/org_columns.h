// org_columns.h — the columns of schema/007_org.sql the writer derives from a
// record: the base forms of the position names it holds (so that
// "Peaspetsialisti" joins "Peaspetsialist"), the title's join key, and the
// record's fingerprint (the same job description in another rendering has
// the same one).
//
// Invariants the views rely on:
//   - join_key(x) is the base form without spaces and hyphens, so the
//     compound "talitusejuhataja" and "talituse juhataja" differ only by
//     the genitive's -e, and "Talituse juhataja" and "Talituse  juhataja"
//     not at all; the views compare a name's key with records.title_key.
//   - the fingerprint covers every field of the contract but source,
//     status, problems and signatures (who signed is a copy of a job
//     description, not another one), with strings case-folded and their
//     white space collapsed: a rendering that parses to the same fields
//     gets the same fingerprint, any different field a different one.
#pragma once

#include <string>
#include <string_view>

#include "core/record.h"
#include "normalize/base_form.h"

namespace aj::store {

struct OrgColumns {
  std::optional<std::string> title_base, title_key, manager_base;
  std::string fingerprint;   // 16 hex digits
};

// `base_forms` may be null: then a base form is the name in lower case.
OrgColumns org_columns(const Record& r, const normalize::BaseForms* base_forms);

// The base form of one name (as above).
std::string base_form(std::string_view name, const normalize::BaseForms* base_forms);

// The base form without spaces and hyphens.
std::string join_key(std::string_view base_form);

}  // namespace aj::store
