// status.cpp — derive_status(): the status rule of status.h.
#include "core/status.h"

#include <algorithm>
#include <cassert>

namespace aj {
namespace {

bool has_error(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::error; });
}

}  // namespace

void derive_status(Record& r) {
  const bool recognised = (r.title && !r.title->empty()) || !r.tasks.empty();
  if (!recognised) {
    r.status = Status::failed;
    if (!has_error(r.problems))
      r.problems.push_back(Problem::make(Code::no_grammar_matched, r.source.page_first,
                                         "nothing was recognised: neither a title nor a task" +
                                             (r.grammar.empty() ? std::string() : " (grammar " + r.grammar + ")")));
  } else {
    r.status = r.problems.empty() && r.coverage >= 1.0 ? Status::ok : Status::partial;
  }
  assert(r.status != Status::ok || (r.problems.empty() && r.coverage >= 1.0));
  assert(r.status != Status::failed || has_error(r.problems));
}

}  // namespace aj
