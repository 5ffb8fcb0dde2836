// grammar_folder.h — which grammar folder an import parses with. The
// database remembers the folder of its last import (import_runs), so that
// `import` without --grammars keeps to the grammars the archive was parsed
// with instead of re-parsing it with the default folder's; a change of
// folder is said in the diagnostic log (core/log.h), on stderr.
#pragma once

#include <optional>
#include <string>

#include "recognize/grammar.h"
#include "store/runs.h"

namespace aj::importer {

struct GrammarChoice {
  std::string dir;            // absolute: what the run records
  bool remembered = false;    // taken from the last run, not from --grammars or the default
};

// `given` is --grammars (empty when not given); `fallback` the folder used
// when neither it nor `last` names one.
GrammarChoice choose_grammar_folder(const std::string& given, const std::optional<store::LastRun>& last,
                                    const std::string& fallback);

// Loads the chosen folder's grammars; when they differ from those of the
// last run, which used another folder, warns that its documents will be
// parsed again. A remembered folder that cannot be loaded says so in *error.
std::optional<recognize::GrammarSet> load_chosen_grammars(const GrammarChoice& choice,
                                                          const std::optional<store::LastRun>& last,
                                                          std::string* error);

}  // namespace aj::importer
