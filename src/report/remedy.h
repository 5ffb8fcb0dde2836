// remedy.h — per problem code, one short line of what a reviewer can do
// about it, for the text and HTML reports. One table (remedy.cpp), keyed by
// the codes of core/problem.h; a code without an entry (a newer program's)
// gets a pointer to `explain`.
#pragma once

#include <string>
#include <string_view>

namespace aj::report {

// What to do about a problem of `code` in a record read by `grammar` ("" when
// none or several): the grammar's name is filled in where the fix is in it.
std::string what_to_do(std::string_view code, std::string_view grammar);

}  // namespace aj::report
