// recognize.h — the fourth stage: an analysed layout → a job-description Record.
//
// Every grammar of the set is scored against the document (detect patterns
// and section headings found); the best one reads it and is recorded in
// Record::grammar. Its sections are cut at their headings; each section's
// reader (fields, tasks, list, text — see grammar.h) hands the lines it
// takes to the record's fields; text is joined with the hyphen resolver.
// What no field took is reported as text_unassigned, so nothing is lost
// silently. Record::status follows from the problems and the coverage, by
// the one rule of core/status.h.
//
// read_document() is the stage's one entry point: it splits a directive
// from its appendices (directive.h), reads each job description, checks the
// directive's list against them, files the extraction's page problems on
// the record of their page, and settles each record's status.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/directive.h"
#include "core/record.h"
#include "layout/layout.h"
#include "normalize/hyphen.h"
#include "recognize/grammar.h"

namespace aj::recognize {

// What one PDF holds: its job descriptions and, when it is one, the directive approving them.
struct Document {
  std::vector<Record> records;          // at least one; one per appendix of a directive
  std::optional<Directive> directive;
};

struct Known;

// What gave a grammar its detection score: one detect pattern or one
// section heading, at the first line it matched (index into Layout::lines).
struct DetectionHit {
  int line = 0;
  std::string what;   // "detect /…/", "heading of section 'tasks'", "exclude /…/"
};

struct Detection {
  const Grammar* grammar = nullptr;
  int score = 0;                               // hits.size(); 3 or more reads a document
  std::optional<DetectionHit> excluded_by;     // an exclude pattern that ruled the grammar out
  std::vector<DetectionHit> hits;
};

// Everything `ametijuhend explain` shows: every grammar's detection, the
// records as read_document() gives them, and for every layout line what took
// it (a heading, a label or value of a field, a skip rule) or why nothing did.
struct Explanation {
  std::vector<Detection> detections;
  Document document;
  std::vector<std::string> uses;   // per Layout::lines index; "" for a line nothing took or noted
};

class Recognizer {
 public:
  Recognizer(const GrammarSet& grammars, const hyphen::Resolver& hyphens);
  ~Recognizer();

  // A document's analysed layout → its records and directive, each record's
  // status set. `page_problems` are the extraction's (a page without text):
  // each goes to the record whose pages hold it, page 0 to every record.
  Document read_document(const layout::Layout& layout, const std::vector<Problem>& page_problems,
                         const std::string& file_name) const;

  // read_document() with its reasons; `forced` reads with that grammar
  // whatever its detection score (an author's --grammar).
  Explanation explain(const layout::Layout& layout, const std::vector<Problem>& page_problems,
                      const std::string& file_name, const Grammar* forced = nullptr) const;

  // Every grammar's detection score over this layout, and what gave it.
  std::vector<Detection> detect(const layout::Layout& layout) const;
  // Which grammar would read this layout, and its score (0 when none fits):
  // the best score among those not excluded, ties to the higher priority.
  std::pair<const Grammar*, int> choose(const layout::Layout& layout) const;

 private:
  Document read(const layout::Layout& layout, const std::vector<Problem>& page_problems, const std::string& file_name,
                const Grammar* forced, std::vector<std::string>* uses) const;
  // One job description from the whole layout, its status not yet settled;
  // `uses`, when given, receives each line's use.
  Record read_one(const layout::Layout& layout, const std::string& file_name, const Grammar* forced,
                  std::vector<std::string>* uses) const;

  const GrammarSet& set_;
  const hyphen::Resolver& hyphens_;
  std::unique_ptr<Known> known_;   // every grammar's headings and labels
};

}  // namespace aj::recognize
