// test_fields.cpp — the record-field registry (core/fields.h): the JSON
// writer emits the contract's keys in the contract's order; every field of
// the registry survives JSON → record → JSON and record → SQL → record; every
// column of the groups' tables belongs to some field; the names grammars may
// use are the fields with a value parser. The round trips fill the generic
// fields through the registry's own accessors, so a field added as one line
// of the registry is covered without touching this file.
#include <doctest/doctest.h>

#include <set>

#include "core/fields.h"
#include "store/archive.h"
#include "store/reader.h"
#include "store/record_columns.h"
#include "test_store_support.h"

namespace {

using aj::Record;
namespace fields = aj::fields;

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& [key, value] : j.items()) out.push_back(key);
  return out;
}

// A record in which every field holds a value that is not its default: the
// generic kinds filled by the registry's accessors, the others by hand.
Record full_record() {
  Record r;
  r.signatures = aj::Signatures{};
  for (const fields::Field& f : fields::all()) {
    const std::string name(f.name);
    switch (f.kind) {
      case fields::Kind::text: f.access.text(r) = "the " + name; break;
      case fields::Kind::text_list: f.access.texts(r) = {"first of " + name, "second of " + name}; break;
      case fields::Kind::string: f.access.string(r) = "the " + name; break;
      case fields::Kind::flag: f.access.flag(r) = true; break;
      case fields::Kind::fraction: f.access.fraction(r) = 0.625; break;
      case fields::Kind::status: f.access.status(r) = aj::Status::partial; break;
      case fields::Kind::object:
      case fields::Kind::object_list: break;
    }
  }
  r.source = aj::Source{"full.pdf", 2, 3, 5};
  r.approval = aj::Approval{"peadirektori", "2026-05-19", "53", "Lisa 2"};
  r.tasks = {aj::Task{"2.1", "first task", {"result a", "result b"}}, aj::Task{std::nullopt, "second task", {}}};
  r.requirements.education = aj::Education{"kõrgharidus", "higher", "õigusteadus"};
  r.requirements.experience = aj::Experience{"3-aastane töökogemus", 3, false};
  r.requirements.languages = {aj::Language{"et", "C1", true, {}}, aj::Language{"foreign", "B1", false, {"en", "ru"}}};
  r.competencies = {aj::Competency{"Üldkompetentsid", "Koostöö", {"item one", "item two"}},
                    aj::Competency{std::nullopt, "Kliendikesksus", {}}};
  r.signatures->employer = aj::Signatures::Employer{"Mari Maasikas", "peadirektor"};
  r.signatures->employee = aj::Signatures::Employee{"Jüri Juurikas"};
  r.problems = {aj::Problem::make(aj::Code::text_unassigned, 2, "text no field took", "stray text",
                                  aj::Box{10.5, 20, 300.25, 32})};
  r.sections = {aj::RawSection{"", "preamble text", 1, 1}, aj::RawSection{"3. Tööülesanded", "tasks text", 2, 3}};
  return r;
}

// Writes the records as one document into dir/fields.sqlite and reads them back.
std::vector<Record> through_sql(const std::string& dir, const std::vector<Record>& records) {
  const std::string path = dir + "/fields.sqlite";
  std::string error;
  auto archive = aj::store::Archive::open(path, &error);
  REQUIRE_MESSAGE(archive, error);
  REQUIRE_MESSAGE(archive->begin_run(aj::store::RunStart{"grammars", "test", {dir}, 1, false}, &error), error);
  aj::store::ParsedDocument doc;
  doc.sha256 = std::string(64, 'a');
  doc.size = 1000;
  doc.info.pages = 5;
  doc.records = records;
  doc.paths.push_back(aj::store::FileStat{dir + "/full.pdf", 1000, 0});
  REQUIRE_MESSAGE(archive->write_document(doc, "test", &error), error);
  archive.reset();

  auto db = aj::store::Db::open(path, SQLITE_OPEN_READONLY, &error);
  REQUIRE_MESSAGE(db, error);
  aj::store::RecordReader reader(*db);
  std::vector<Record> out;
  aj::store::Stmt ids = db->prepare("SELECT id FROM records ORDER BY source_index");
  while (ids.step()) {
    auto r = reader.read(ids.int64(0));
    REQUIRE_MESSAGE(r, db->error());
    out.push_back(*r);
  }
  return out;
}

// The columns of a table of the database at `path`.
std::set<std::string> table_columns(const std::string& path, const std::string& table) {
  std::set<std::string> out;
  for (const auto& row : aj::test::query(path, "SELECT name FROM pragma_table_info('" + table + "')"))
    out.insert(row.at(0));
  return out;
}

}  // namespace

TEST_CASE("fields: to_json writes the contract's keys in the contract's order, and only those") {
  Record r = full_record();
  const auto j = aj::to_json(r);
  CHECK(keys(j) == std::vector<std::string>{
                       "source", "approval", "contract_appendix", "title", "structural_unit", "department",
                       "division", "team", "direct_manager", "subordinates", "substitutes", "substitutes_scope",
                       "substituted_by", "substituted_by_scope", "purpose", "position_group", "special_conditions",
                       "tasks", "requirements", "competencies", "rights", "responsibilities", "work_tools",
                       "review_note", "signatures", "status", "problems"});
  CHECK(keys(j["source"]) == std::vector<std::string>{"file", "index", "page_first", "page_last"});
  CHECK(keys(j["requirements"]) == std::vector<std::string>{"education", "experience", "languages", "computer_skills",
                                                            "knowledge_and_skills", "personal_qualities"});
  CHECK(keys(j["signatures"]) == std::vector<std::string>{"employer", "employee", "digital"});
  CHECK(keys(j["problems"][0]) == std::vector<std::string>{"code", "severity", "page", "message"});
  // The store-only fields follow in the full JSON; the problems gain their excerpt and box.
  const auto full = aj::to_full_json(r);
  CHECK(full["coverage"] == 0.625);
  CHECK(full["grammar"] == "the grammar");
  CHECK(full["sections"].size() == 2);
  CHECK(keys(full["problems"][0]) ==
        std::vector<std::string>{"code", "severity", "page", "message", "excerpt", "box"});
}

TEST_CASE("fields: an empty record is the contract's nulls and empties, and signatures is null") {
  const auto j = aj::to_json(Record{});
  CHECK(j["approval"].is_null());
  CHECK(j["title"].is_null());
  CHECK(j["subordinates"] == nlohmann::ordered_json::array());
  CHECK(j["requirements"]["education"].is_null());
  CHECK(j["requirements"]["personal_qualities"] == nlohmann::ordered_json::array());
  CHECK(j["signatures"].is_null());
  CHECK(j["status"] == "failed");
  CHECK(j["contract_appendix"] == false);
}

TEST_CASE("fields: every field of the registry round-trips JSON → record → JSON") {
  const Record r = full_record();
  const auto full = aj::to_full_json(r);
  const Record back = aj::record_from_json(nlohmann::json::parse(full.dump()));
  CHECK(aj::to_full_json(back).dump() == full.dump());
  // Each field holds something, so the round trip proved it.
  for (const fields::Field& f : fields::all()) {
    const auto& group = f.group == fields::Group::record ? full : full[std::string(fields::group_key(f.group))];
    const auto& v = group[std::string(f.name)];
    CHECK_MESSAGE(!(v.is_null() || (v.is_array() && v.empty())), f.name);
  }
}

TEST_CASE("fields: every field of the registry round-trips record → SQL → record") {
  auto dir = aj::test::temp_dir("fields-sql");
  Record full = full_record();
  Record empty;   // nulls and empties stay so: no signatures row, no approval, no requirement
  empty.source = aj::Source{"full.pdf", 1, 1, 1};
  const auto back = through_sql(dir, {empty, full});
  REQUIRE(back.size() == 2);
  CHECK(aj::to_full_json(back[0]).dump() == aj::to_full_json(empty).dump());
  CHECK(aj::to_full_json(back[1]).dump() == aj::to_full_json(full).dump());
}

TEST_CASE("fields: every column of records, requirements and signatures belongs to a field") {
  auto dir = aj::test::temp_dir("fields-columns");
  through_sql(dir, {full_record()});
  const std::string db = dir + "/fields.sqlite";
  const std::pair<fields::Group, std::set<std::string>> groups[] = {
      // Keys, and the organisation columns the writer derives (store/org_columns.h).
      {fields::Group::record,
       {"id", "document_id", "grammar_fingerprint", "record_key", "title_base", "title_key", "direct_manager_base",
        "fingerprint"}},
      {fields::Group::requirements, {"record_id"}},
      {fields::Group::signatures, {"record_id"}}};
  for (const auto& [group, keys] : groups) {
    std::set<std::string> expected = keys;
    for (const auto* f : aj::store::row_fields(group))
      for (auto c : aj::store::row_columns(*f)) expected.insert(std::string(c));
    CHECK(table_columns(db, std::string(fields::group_table(group))) == expected);
  }
  // Every child table a field names exists.
  for (const fields::Field& f : fields::all())
    if (f.place == fields::Place::text_table || f.place == fields::Place::dedicated)
      CHECK_MESSAGE(!table_columns(db, std::string(f.sql)).empty(), f.sql);
}

TEST_CASE("fields: a grammar may name exactly the fields with a value parser") {
  for (const char* name : {"title", "structural_unit", "direct_manager", "subordinates", "substitutes",
                           "substituted_by", "purpose", "position_group", "special_conditions", "education",
                           "experience", "languages", "computer_skills", "knowledge_and_skills", "personal_qualities",
                           "competencies", "rights", "responsibilities", "work_tools", "review_note", "employer",
                           "employee"})
    CHECK_MESSAGE(fields::fillable(name) != nullptr, name);
  // Derived or set by a reader or the pipeline: not a grammar's to fill.
  for (const char* name : {"department", "division", "team", "substitutes_scope", "tasks", "approval", "status",
                           "problems", "coverage", "grammar", "digital", "requirements", "no_such_field"})
    CHECK_MESSAGE(fields::fillable(name) == nullptr, name);
  // Names are unique within their group.
  std::set<std::pair<int, std::string_view>> seen;
  for (const fields::Field& f : fields::all()) CHECK_MESSAGE(seen.insert({int(f.group), f.name}).second, f.name);
}
