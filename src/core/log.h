// log.h — the diagnostic log: what the program says about its own work (a
// file it could not read, a database write that failed, the grammar folder
// it chose), as opposed to a command's output (records, summaries, the
// import's per-document lines), which stays on stdout/stderr as documented.
//
// Every stage logs through spdlog's default logger (spdlog::warn(…) and so
// on); the command line sets that logger up once, from --log-level and
// --log-file, before the command runs.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace aj::log {

// The --log-level values, most verbose first; "off" says nothing at all.
inline constexpr std::array<std::string_view, 6> kLevels{"trace", "debug", "info", "warn", "error", "off"};
inline constexpr std::string_view kDefaultLevel = "warn";

// Makes the default logger write messages at `level` or above to stderr, as
// "ametijuhend: warning: …". With a `file`, they are also appended to it,
// each line with its time and process id (the import's worker processes
// share the file), and stderr then keeps to warnings and errors. Every
// message is flushed at once: messages are few, and a forked worker must not
// inherit half-written buffers. False with *error when `level` is not one of
// kLevels or the file cannot be opened.
bool setup(std::string_view level, const std::string& file, std::string* error);

}  // namespace aj::log
