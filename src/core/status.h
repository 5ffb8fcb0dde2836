// status.h — the one rule that turns what was found into ok / partial / failed.
//
// A record's status is a promise to whoever queries the database, so it is
// decided here and nowhere else:
//   failed  — nothing was recognised: neither a title nor a task (an
//             unreadable file, a layout no grammar knows, a grammar that
//             matched yet found neither). A failed record always carries at
//             least one problem of error severity: when none was filed, this
//             rule files no_grammar_matched, so the report can say why.
//   ok      — something was recognised, no problem of any severity was filed
//             (an uncertain hyphen too makes a record partial; a required
//             field that is missing or empty is a field_missing problem) and
//             coverage is 1.0: every body line went to a heading, a label, a
//             value or a skip rule.
//   partial — everything else.
// derive_status() applies the rule and checks both invariants (ok ⇒ no
// problem and coverage 1.0; failed ⇒ an error problem).
#pragma once

#include "core/record.h"

namespace aj {

// Sets r.status from r.problems, r.coverage and whether a title or a task
// was recognised; files no_grammar_matched on a failed record that has no
// error problem yet.
void derive_status(Record& r);

}  // namespace aj
