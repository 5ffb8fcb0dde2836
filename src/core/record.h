// record.h — one job description, as the contract (docs: corpus/README.md and
// the record specification) defines it.
//
// A field the document does not have is std::nullopt (scalars, objects) or an
// empty vector (lists); it is never invented. to_json() writes exactly the
// contract's shape, key order included, so `export --format jsonl` and
// `export --db` print the same bytes for the same record.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"

namespace aj {

using Text = std::optional<std::string>;

struct Source {
  std::string file;     // the PDF's file name (no folder)
  int index = 1;        // 1-based position of the record in its PDF
  int page_first = 1;
  int page_last = 1;
};

struct Approval {
  Text authority, date, directive_number, appendix;
};

struct Task {
  Text number;                       // as printed, without a trailing dot
  std::string text;
  std::vector<std::string> results;
};

struct Education {
  std::string text;
  Text level;                        // higher, professional_higher, bachelor, …
  Text fields;
};

struct Experience {
  std::string text;
  std::optional<int> years_min;
  bool required = true;
};

struct Language {
  std::string language;              // ISO 639-1, or "foreign"
  Text level;                        // A1 … C2
  bool required = true;
  std::vector<std::string> options;  // codes suggested for "foreign"
};

struct Requirements {
  std::optional<Education> education;
  std::optional<Experience> experience;
  std::vector<Language> languages;
  Text computer_skills, knowledge_and_skills;
  std::vector<std::string> personal_qualities;
};

struct Competency {
  Text group;
  std::string name;
  std::vector<std::string> items;
};

struct Signatures {
  struct Employer { Text name, title; };
  struct Employee { Text name; };
  std::optional<Employer> employer;
  std::optional<Employee> employee;
  bool digital = false;
};

// A section of the document as it stood (heading and plain text), kept so
// that text no field took is still queryable in the database.
struct RawSection {
  std::string heading;     // the heading line, or "" for the text before the first heading
  std::string text;
  int page_first = 0, page_last = 0;
};

enum class Status { ok, partial, failed };
std::string_view status_name(Status);

struct Record {
  Source source;
  std::optional<Approval> approval;
  bool contract_appendix = false;
  Text title, structural_unit, department, division, team, direct_manager;
  std::vector<std::string> subordinates, substitutes, substituted_by;
  Text substitutes_scope, substituted_by_scope;
  Text purpose, position_group, special_conditions;
  std::vector<Task> tasks;
  Requirements requirements;
  std::vector<Competency> competencies;
  std::vector<std::string> rights, responsibilities;
  Text work_tools, review_note;
  std::optional<Signatures> signatures;
  Status status = Status::failed;
  double coverage = 0.0;  // characters taken by fields / body characters (1.0: every line went somewhere)
  std::vector<Problem> problems;
  std::string grammar;               // which grammar built it; not in the contract's JSON
  std::vector<RawSection> sections;  // not in the contract's JSON
};

nlohmann::ordered_json to_json(const Record&);
Record record_from_json(const nlohmann::json&);   // the inverse, for the store and tests
nlohmann::ordered_json to_json(const Problem&);

// The contract's JSON plus what the store keeps beside it: "grammar",
// "sections", and each problem's "box" and "excerpt". record_from_json()
// reads both shapes.
nlohmann::ordered_json to_full_json(const Record&);

}  // namespace aj
