// fields.h — the record-field registry: one descriptor per field of Record,
// in the contract's JSON key order (/work/shared/spec/record.md), from which
// every layer takes its list of fields instead of spelling them out:
//
//   JSON writer and reader   core/record_json.cpp    (key, kind, group)
//   grammar field names      recognize/grammar.cpp   (fill != none)
//   the builder's dispatch   recognize/builder.cpp   (fill: the value parser)
//   SQL insert and read      store/archive.cpp, store/reader.cpp  (place, sql)
//   `show`, HTML report      cli/show_command.cpp, report/            (label)
//
// Adding a scalar text field (a template's "Töökoht", say) is:
//   1. the member in struct Record (core/record.h): `Text workplace;`
//   2. ONE line in the table of core/fields.cpp, at its place in the
//      contract's key order:
//        text("workplace", Fill::plain, &member<&Record::workplace>, "workplace"),
//   3. a schema migration adding its column:
//        schema/NNN_workplace.sql: ALTER TABLE records ADD COLUMN workplace TEXT;
// Nothing else: the JSON writer and reader, the records INSERT and SELECT,
// the names a grammar may use, `show` and the HTML report follow from the
// line (tests/unit/test_fields.cpp checks every field of the registry both
// ways through JSON and SQL, and that every column of `records`,
// `requirements` and `signatures` is some field's; its list of the
// contract's keys is the one place that must learn the new key).
//
// The generic kinds (text, text_list, flag, fraction, status) are handled by
// generic code through their accessor. A field whose shape is its own
// (tasks, education, signatures' parts, problems, …) has Kind::object or
// Kind::object_list, and its dedicated code is reached through the entry:
// JSON through the entry's codec (function pointers), the builder through a
// switch over its value parser (`fill`), the store and `show` through a
// switch over its `shape`: enums, so the compiler names every switch a new
// parser or shape must be added to.
#pragma once

#include <nlohmann/json.hpp>
#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "core/record.h"

namespace aj::fields {

// The JSON shape of a field's value.
enum class Kind {
  text,         // a string, or null
  text_list,    // an array of strings
  string,       // a string, never null (store-only)
  flag,         // true or false
  fraction,     // a number from 0 to 1 (store-only; `show` prints it as a percentage)
  status,       // "ok", "partial" or "failed"
  object,       // an object or null, or an object of its own shape: dedicated code
  object_list,  // an array of objects: dedicated code
};

// The object in which a field stands: the record itself, or one of the
// record's objects whose members are fields of their own.
enum class Group {
  record,        // the record (SQL: a column of `records`, or a child table)
  requirements,  // "requirements": always an object (SQL: a column of `requirements`, or a child table)
  signatures,    // "signatures": an object or null (SQL: a column of `signatures`; no row when null)
};

// How the builder turns a grammar's value into the field (recognize/builder.cpp).
enum class Fill {
  none,          // a grammar cannot name it: a reader, another field's parser or the pipeline sets it
  plain,         // the value's text, joined; a later value replaces it
  appended,      // the value's text, appended to what earlier values gave
  unit,          // plain, then split into department, division and team
  positions,     // a list of positions, with the scope (Access::scope) they are limited to
  education,     // text, level and fields of study
  experience,    // text, minimum years, required or recommended
  languages,     // one entry per language named
  qualities,     // a list split at commas
  items,         // one entry per list item; an item ending in ';' is complete
  competencies,  // "Name:" lines and bullets, under the label as their group
  signature,     // a signature block's lines (name, title) and its "signed digitally" mark
};

// Where the database keeps a field.
enum class Place {
  column,         // the column `sql` of its group's row (records, requirements or signatures)
  text_table,     // the child table `sql` (record_id, position, text)
  position_list,  // rows of position_lists with list = the field's name
  dedicated,      // several columns or tables of its own: dedicated code by `shape`
};

// The dedicated code a field of Kind::object or object_list needs.
enum class Shape {
  none,          // a generic kind
  source,        // source.*: records.source_file, source_index, page_first, page_last
  approval,      // the approvals row
  tasks,         // tasks and task_results
  education,     // requirements.education_*
  experience,    // requirements.experience_*
  languages,     // languages and language_options
  competencies,  // competencies and competency_items
  employer,      // signatures.has_employer, employer_name, employer_title
  employee,      // signatures.has_employee, employee_name
  problems,      // problems (with excerpt and box in the full JSON)
  sections,      // sections: the document's raw text
};

template <class T>
using Get = T& (*)(Record&);

// A reference to the field's value, for the generic kinds; `member` below
// makes one from a path of member pointers.
struct Access {
  Get<Text> text = nullptr;                        // Kind::text
  Get<std::vector<std::string>> texts = nullptr;   // Kind::text_list
  Get<std::string> string = nullptr;               // Kind::string
  Get<bool> flag = nullptr;                        // Kind::flag
  Get<double> fraction = nullptr;                  // Kind::fraction
  Get<Status> status = nullptr;                    // Kind::status
  Get<Text> scope = nullptr;                       // Fill::positions: the list's scope field, if it has one
};

template <auto... Path>
auto& member(Record& r) {
  return (r .* ... .* Path);
}

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

// A field's dedicated JSON code (Kind::object, object_list): writes the
// value into `into[key]` (`full`: the store's JSON, with what the contract
// leaves out), reads it from a JSON value that is present and not null.
struct Codec {
  void (*write)(const Record&, ordered_json& into, std::string_view key, bool full) = nullptr;
  void (*read)(const json& value, Record&) = nullptr;
};

struct Field {
  std::string_view name;      // the JSON key in its group; the name a grammar uses (when fill != none)
  Group group = Group::record;
  Kind kind = Kind::text;
  Fill fill = Fill::none;
  Place place = Place::column;
  std::string_view sql;       // Place::column: the column; text_table: the table; dedicated: the main table
  std::string_view label;     // how `show` and the HTML report name it; "" when they do not show it
  bool contract = true;       // in the contract's JSON (to_json); false: store-only (to_full_json, the database)
  Access access{};
  Shape shape = Shape::none;
  Codec codec{};
};

// Every field, in JSON key order (the contract's, then the store-only ones).
std::span<const Field> all();

// The field a grammar names `name`, or nullptr when no field has that name
// or a grammar cannot fill it.
const Field* fillable(std::string_view name);

// The field with this key in this group, or nullptr.
const Field* find(std::string_view name, Group group = Group::record);

// The JSON key and SQL table of a group ("" and "records" for the record).
std::string_view group_key(Group g);
std::string_view group_table(Group g);

// Whether the group's object is there (signatures may be null), and making
// it be (the readers, before they fill its fields).
bool group_present(Group g, const Record& r);
void group_emplace(Group g, Record& r);

// Read access for the generic kinds. An accessor only forms a reference to
// a member, so calling it on a const record (cast) changes nothing.
inline const Text& text(const Field& f, const Record& r) { return f.access.text(const_cast<Record&>(r)); }
inline const std::vector<std::string>& texts(const Field& f, const Record& r) {
  return f.access.texts(const_cast<Record&>(r));
}
inline const std::string& string(const Field& f, const Record& r) { return f.access.string(const_cast<Record&>(r)); }
inline bool flag(const Field& f, const Record& r) { return f.access.flag(const_cast<Record&>(r)); }
inline double fraction(const Field& f, const Record& r) { return f.access.fraction(const_cast<Record&>(r)); }
inline Text scope(const Field& f, const Record& r) { return f.access.scope(const_cast<Record&>(r)); }
// How `show` and the reports print a Kind::fraction: "87 %".
inline std::string as_percent(double share) { return std::to_string(std::lround(share * 100)) + " %"; }

inline Status status(const Field& f, const Record& r) { return f.access.status(const_cast<Record&>(r)); }

}  // namespace aj::fields
