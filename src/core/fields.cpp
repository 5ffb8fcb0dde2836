// fields.cpp — the registry's table: every field of Record, one line each,
// in the contract's JSON key order (see fields.h for what each column means
// and how to add a field).
#include "core/fields.h"

#include <array>

#include "core/field_codecs.h"

namespace aj::fields {
namespace {

using G = Group;
using K = Kind;
using F = Fill;
using P = Place;
using S = Shape;

// One constructor per generic kind; the SQL column is named as the JSON key.
constexpr Field text(std::string_view name, Fill fill, Get<Text> get, std::string_view label, Group group = G::record) {
  return {name, group, K::text, fill, P::column, name, label, true, {.text = get}};
}
constexpr Field text_list(std::string_view name, Fill fill, Place place, std::string_view table, Get<std::vector<std::string>> get,
                          std::string_view label, Group group = G::record, Get<Text> scope = nullptr) {
  return {name, group, K::text_list, fill, place, table, label, true, {.texts = get, .scope = scope}};
}
constexpr Field flag(std::string_view name, Get<bool> get, std::string_view label, Group group = G::record) {
  return {name, group, K::flag, F::none, P::column, name, label, true, {.flag = get}};
}
constexpr Field object(std::string_view name, Kind kind, Fill fill, Place place, std::string_view table, Shape shape,
                       Codec codec, std::string_view label, Group group = G::record, bool contract = true) {
  return {name, group, kind, fill, place, table, label, contract, {}, shape, codec};
}

bool& signed_digitally(Record& r) { return r.signatures->digital; }

namespace c = codec;

const std::array kFields{
    object("source", K::object, F::none, P::dedicated, "records", S::source, {c::write_source, c::read_source}, "source"),
    object("approval", K::object, F::none, P::dedicated, "approvals", S::approval, {c::write_approval, c::read_approval},
           "approved"),
    flag("contract_appendix", &member<&Record::contract_appendix>, "contract appendix"),
    text("title", F::plain, &member<&Record::title>, "title"),
    text("structural_unit", F::unit, &member<&Record::structural_unit>, "structural unit"),
    text("department", F::none, &member<&Record::department>, "department"),
    text("division", F::none, &member<&Record::division>, "division"),
    text("team", F::none, &member<&Record::team>, "team"),
    text("direct_manager", F::plain, &member<&Record::direct_manager>, "direct manager"),
    text_list("subordinates", F::positions, P::position_list, "position_lists", &member<&Record::subordinates>,
              "subordinates"),
    text_list("substitutes", F::positions, P::position_list, "position_lists", &member<&Record::substitutes>,
              "substitutes", G::record, &member<&Record::substitutes_scope>),
    text("substitutes_scope", F::none, &member<&Record::substitutes_scope>, ""),   // shown with its list
    text_list("substituted_by", F::positions, P::position_list, "position_lists", &member<&Record::substituted_by>,
              "substituted by", G::record, &member<&Record::substituted_by_scope>),
    text("substituted_by_scope", F::none, &member<&Record::substituted_by_scope>, ""),
    text("purpose", F::appended, &member<&Record::purpose>, "purpose"),
    text("position_group", F::plain, &member<&Record::position_group>, "position group"),
    text("special_conditions", F::plain, &member<&Record::special_conditions>, "special conditions"),
    object("tasks", K::object_list, F::none, P::dedicated, "tasks", S::tasks, {c::write_tasks, c::read_tasks}, "tasks"),
    object("education", K::object, F::education, P::dedicated, "requirements", S::education,
           {c::write_education, c::read_education}, "education", G::requirements),
    object("experience", K::object, F::experience, P::dedicated, "requirements", S::experience,
           {c::write_experience, c::read_experience}, "experience", G::requirements),
    object("languages", K::object_list, F::languages, P::dedicated, "languages", S::languages,
           {c::write_languages, c::read_languages}, "languages", G::requirements),
    text("computer_skills", F::appended, &member<&Record::requirements, &Requirements::computer_skills>,
         "computer skills", G::requirements),
    text("knowledge_and_skills", F::appended, &member<&Record::requirements, &Requirements::knowledge_and_skills>,
         "knowledge and skills", G::requirements),
    text_list("personal_qualities", F::qualities, P::text_table, "personal_qualities",
              &member<&Record::requirements, &Requirements::personal_qualities>, "personal qualities", G::requirements),
    object("competencies", K::object_list, F::competencies, P::dedicated, "competencies", S::competencies,
           {c::write_competencies, c::read_competencies}, "competencies"),
    text_list("rights", F::items, P::text_table, "rights", &member<&Record::rights>, "rights"),
    text_list("responsibilities", F::items, P::text_table, "responsibilities", &member<&Record::responsibilities>,
              "responsibilities"),
    text("work_tools", F::appended, &member<&Record::work_tools>, "work tools"),
    text("review_note", F::appended, &member<&Record::review_note>, "review note"),
    object("employer", K::object, F::signature, P::dedicated, "signatures", S::employer,
           {c::write_employer, c::read_employer}, "employer", G::signatures),
    object("employee", K::object, F::signature, P::dedicated, "signatures", S::employee,
           {c::write_employee, c::read_employee}, "employee", G::signatures),
    flag("digital", &signed_digitally, "signed digitally", G::signatures),
    Field{"status", G::record, K::status, F::none, P::column, "status", "", true, {.status = &member<&Record::status>}},
    // Store-only fields (contract = false) are in to_full_json() and the database, not in the contract.
    Field{"coverage", G::record, K::fraction, F::none, P::column, "coverage", "coverage", false,
          {.fraction = &member<&Record::coverage>}},
    object("problems", K::object_list, F::none, P::dedicated, "problems", S::problems,
           {c::write_problems, c::read_problems}, "problems"),
    Field{"grammar", G::record, K::string, F::none, P::column, "grammar", "", false,
          {.string = &member<&Record::grammar>}},
    object("sections", K::object_list, F::none, P::dedicated, "sections", S::sections,
           {c::write_sections, c::read_sections}, "", G::record, false),
};

}  // namespace

std::span<const Field> all() { return kFields; }

const Field* find(std::string_view name, Group group) {
  for (const Field& f : kFields)
    if (f.name == name && f.group == group) return &f;
  return nullptr;
}

const Field* fillable(std::string_view name) {
  for (const Field& f : kFields)
    if (f.name == name && f.fill != Fill::none) return &f;
  return nullptr;
}

std::string_view group_key(Group g) {
  switch (g) {
    case Group::record: return "";
    case Group::requirements: return "requirements";
    case Group::signatures: return "signatures";
  }
  return "";
}

bool group_present(Group g, const Record& r) { return g != Group::signatures || r.signatures.has_value(); }

void group_emplace(Group g, Record& r) {
  if (g == Group::signatures && !r.signatures) r.signatures = Signatures{};
}

std::string_view group_table(Group g) {
  switch (g) {
    case Group::record: return "records";
    case Group::requirements: return "requirements";
    case Group::signatures: return "signatures";
  }
  return "records";
}

}  // namespace aj::fields
