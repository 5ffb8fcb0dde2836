// grammar.h — layout families as data: what grammars/*.toml may say.
//
// A grammar describes one family of job-description layouts: the headings
// that open its sections, how each section is read, and the labels of its
// fields, all as RE2 patterns (case-insensitive unless they say otherwise).
// Grammars are loaded at run time, so adding a synonym or a new agency's
// template needs no rebuild. `_common.toml` holds what every family shares:
// Estonian vocabulary for the value parsers (language names, education
// levels, number words, unit kinds, position nouns) and page furniture.
//
// What a file may say is declared in grammar_schema.cpp and documented in
// docs/grammars.md; load_grammars() checks every file against it and reports
// every mistake (file, line, key), so a GrammarSet it returns is whole:
// every pattern compiled with the groups its reader needs, every `field`
// names a record field a grammar may fill (is_field_name: the
// registry's fields::fillable, core/fields.h), every `reader` is one of fields |
// tasks | list | text. Patterns may name [defines] as {name}.
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "recognize/grammar_schema.h"

namespace aj::recognize {

using Pattern = std::shared_ptr<const RE2>;

// A label that opens a field's value, inside a `fields` section or anywhere.
struct FieldLabel {
  std::string field;          // record field, e.g. "structural_unit", "competencies"
  Pattern label;              // matched at the start of a line (after an optional item number)
  Pattern sentence;           // or: a sentence stating the field; group `value` is the value (label is null)
  bool required = false;
  bool whole_line = false;    // the label must be the whole line (stacked headings like "Õigused")
};

enum class Reader { fields, tasks, list, text };
// What opens a task: its number (task_start's group `number`), a bullet, or a new paragraph.
// number_or_paragraph: by number where the section's lines carry numbers, else one task a paragraph.
enum class TaskMarker { number, bullet, paragraph, number_or_paragraph };

struct Section {
  std::string name;
  Pattern heading;            // full-line match
  bool headless = false;      // fields: before any heading, the section opens at its first label
  Pattern heading_inline;     // when `inline`: the heading at a line's start, group `rest` the text after it
  Pattern heading_continues;  // rest that continues the heading's sentence ("on …"): the heading stays in the text
  Reader reader = Reader::fields;
  bool required = false;
  std::string field;          // for list and text readers: the field the section fills
  std::vector<FieldLabel> fields;   // for the fields reader
  std::vector<Pattern> skip;        // lines that are not content (column headers, lead-ins)
  TaskMarker task_marker = TaskMarker::number;   // tasks: bullet and paragraph tasks have no number (null)
  Pattern task_start;               // tasks by number: "2.1." at a line start; its first group (?P<number>…)
  Pattern result_label;             // tasks: inline "Oodatav tulemus:" opening a result
  bool expect_results = true;       // tasks: a task without results is a problem (families without results say false)
  bool bullet_results = false;      // tasks: a bullet line under a task opens one of its results
  Pattern result_split;             // tasks: a task's line goes on with a result here; group 1 stays with the task
  bool results_after_sentence = false;   // tasks: a task without results is its first sentence, then one result a sentence
  Pattern item_number;              // list: a leading item number to drop ("4.1.")
};

struct Common;

struct Grammar {
  std::string name, description, file;
  int priority = 0;                       // of two grammars with the same score, the higher reads
  bool generic = false;                   // no family's grammar: each record it reads says so (grammar_generic)
  std::vector<Pattern> detect;            // lines that speak for this family
  std::vector<Pattern> exclude;           // a line matching one rules this family out
  std::vector<Pattern> preamble_skip;     // lines before the first section that are not content
  std::vector<Pattern> approval;          // over the preamble's text, first match wins; groups authority, date, directive_number, appendix
  std::vector<Pattern> title;             // a preamble line naming the position: "<TITLE> AMETIJUHEND" (group title)
  Pattern title_block;                    // the line under a stacked title block, whose last line is the title
  Pattern contract_appendix;              // a preamble line saying it is an employment-contract appendix
  std::vector<FieldLabel> anywhere;       // fields recognised in any section (the review note)
  std::vector<Section> sections;
  std::shared_ptr<const Common> vocabulary;   // _common.toml's, extended by the file's [vocabulary]
};

// Estonian vocabulary shared by all grammars (_common.toml).
struct Common {
  std::vector<std::string> furniture;                       // page furniture patterns (full match)
  std::vector<Pattern> chrome;                              // lines of no document: register rows, breadcrumbs (full match)
  std::vector<std::pair<std::string, Pattern>> genitive_titles;   // nominative ending → genitive ending ("juht" ← "juhi$")
  Pattern institution_word;                                 // "Sihtasutuse ametijuhend": the heading names no position
  Pattern label_number;                                     // an item number before a label: "1.3 "
  std::vector<std::pair<std::string, Pattern>> education_levels;   // level → pattern, first match wins
  Pattern education_fields;                                 // group 1: the preferred or required fields
  Pattern education_fields_aside;                           // group 1: the same in parentheses ("(… eriala)")
  Pattern optional_marker;                                  // soovitatavalt / eelistatavalt …
  Pattern years_digits;                                     // group 1: years, "3-aastane"
  std::map<std::string, int> number_words;                  // "viie" → 5 (stems before -aastane / aastat)
  Pattern years_words;                                      // group 1: a number word
  std::vector<std::pair<std::string, Pattern>> languages;   // ISO code → pattern for the language's name
  Pattern foreign_language;                                 // "võõrkeel…"
  Pattern cefr;                                             // group 1: a level-looking token
  Pattern none_marker;                                      // "-", "Puuduvad", "puudub"
  Pattern list_joiner;                                      // words that join two positions: ja, või, ning
  Pattern position_head;                                    // last word of a position name
  Pattern scope;                                            // a parenthetical that limits scope
  Pattern department, division, team;                       // unit kinds, nominative; group 1 the stem
  Pattern unit_aside;                                       // "(edaspidi osakond)" after a unit: no part of its name
  Pattern department_genitive, division_genitive;           // "…osakonna", "…talituse"
  std::string department_nominative_suffix, division_nominative_suffix;
  Pattern digital_signature;                                // "(allkirjastatud digitaalselt)"
};

// A directive that approves job descriptions as appendices (kind = "directive").
struct DirectiveGrammar {
  std::string name, file;
  std::vector<Pattern> appendix_start;   // lines that open an appendix (full match); a stamp's later lines do not
  Pattern detect, date_number, legal_basis, point, approves, appendix_item, repeal, range, entry,
      on_signature, entry_date, retroactive, signed_note;
  // Derived from `signed_note` at load: the note inside a line after a space
  // (group 1), and a line that is the note and then the signatory (group `rest`).
  Pattern signed_within, signed_then;
};

// Calendar dates as written in Estonian (_common.toml [dates]).
struct Dates {
  std::map<std::string, int> months;
  Pattern written, numeric;
};

struct GrammarSet {
  Common common;
  Dates dates;
  std::vector<Grammar> grammars;
  std::vector<DirectiveGrammar> directives;
  std::string fingerprint;      // hash of all files' bytes: a change re-parses the archive
};

// Loads every *.toml in `dir` (_common.toml first). On any mistake in any
// file (unreadable, TOML syntax, unknown key, wrong type, bad pattern …)
// returns nullopt and appends every mistake found to *errors.
std::optional<GrammarSet> load_grammars(const std::string& dir, std::vector<GrammarError>* errors);
// The same, with the mistakes as lines "FILE:LINE: KEY: what is wrong".
std::optional<GrammarSet> load_grammars(const std::string& dir, std::string* error);

// A grammar file's name and bytes (the name decides which is _common.toml).
struct GrammarText {
  std::string file, bytes;
};
// The loader over files in memory (load_grammars reads them from disk).
std::optional<GrammarSet> load_grammar_texts(const std::vector<GrammarText>& files, std::vector<GrammarError>* errors);

// The grammars folder to use when none is given: $AJ_GRAMMARS, else the
// source tree's grammars/ (builds run from a checkout).
std::string default_grammar_dir();

}  // namespace aj::recognize
