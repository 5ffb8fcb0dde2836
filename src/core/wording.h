// wording.h — small pieces of the program's English messages, shared by the
// import log and the failure report.
#pragma once

#include <cstdint>
#include <string>

namespace aj {

// "1 file", "3 files".
inline std::string plural(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace aj
