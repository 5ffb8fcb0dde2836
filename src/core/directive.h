// directive.h — a directive (käskkiri) that approves job descriptions.
//
// Agencies approve job descriptions by a directive whose appendices ("Lisa
// 1", "Lisa 2", …) are the job descriptions, often all in one PDF. The
// directive's own text says what it approves (a numbered list of titles with
// their appendix numbers), which earlier acts it repeals, and when it enters
// into force. Those facts decide which job descriptions are in force on a
// date (the store's v_in_force view).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/record.h"

namespace aj {

struct DirectiveAppendix {
  std::optional<int> number;   // null for a single unnumbered "(lisa)"
  std::string title;           // as listed ("talituse juhataja")
};

struct Repeal {
  Text date, number;                // the repealed act: its date (ISO) and number
  std::vector<int> appendices;      // its appendices repealed, ranges expanded; empty: the whole act
  std::string text;                 // the point as written
};

struct EntryIntoForce {
  std::string text;                 // the sentence as written
  Text date;                        // ISO, when a calendar date is given
  bool on_signature = false;        // "jõustub allkirjastamisest"
  Text retroactive_from;            // "rakendatakse tagasiulatuvalt … 1. jaanuarist"
};

struct Directive {
  std::string file;
  Text issuer, date, number, title, legal_basis;
  Text signatory_name, signatory_title;
  std::vector<DirectiveAppendix> appendices;
  std::vector<Repeal> repeals;
  std::optional<EntryIntoForce> entry_into_force;
  int page_first = 1, page_last = 1;
  std::vector<Problem> problems;
};

nlohmann::ordered_json to_json(const Directive&);
Directive directive_from_json(const nlohmann::json&);

}  // namespace aj
