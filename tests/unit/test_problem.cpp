// test_problem.cpp — the problem-code table is complete and round-trips.
#include <doctest/doctest.h>

#include <set>

#include "core/problem.h"

TEST_CASE("every problem code has a unique name that maps back to it") {
  std::set<std::string_view> names;
  for (aj::Code c : aj::all_codes()) {
    auto name = aj::code_name(c);
    CHECK(names.insert(name).second);
    CHECK(aj::code_from_name(name) == c);
    CHECK_FALSE(aj::code_meaning(c).empty());
  }
  CHECK(names.size() == 20);
  CHECK_FALSE(aj::code_from_name("no_such_code").has_value());
}
