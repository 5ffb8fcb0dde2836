// log.cpp — one spdlog logger named "ametijuhend" with a stderr sink and,
// when asked for, an appending file sink, made the default logger.
#include "core/log.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

namespace aj::log {

bool setup(std::string_view level_name, const std::string& file, std::string* error) {
  if (std::find(kLevels.begin(), kLevels.end(), level_name) == kLevels.end()) {
    *error = "unknown log level '" + std::string(level_name) + "' (trace, debug, info, warn, error or off)";
    return false;
  }
  const spdlog::level::level_enum level = spdlog::level::from_str(std::string(level_name));
  auto to_stderr = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  to_stderr->set_pattern("%n: %l: %v");
  std::vector<spdlog::sink_ptr> sinks{to_stderr};
  if (!file.empty()) {
    // spdlog's file sink creates missing folders; a misspelt --log-file
    // folder is the user's mistake to hear about, not to have made.
    const auto folder = std::filesystem::path(file).parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder)) {
      *error = "cannot open the log file " + file + ": no folder " + folder.string();
      return false;
    }
    try {
      auto to_file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(file, /*truncate=*/false);
      to_file->set_pattern("%Y-%m-%dT%H:%M:%S.%e %P %l: %v");
      sinks.push_back(to_file);
    } catch (const spdlog::spdlog_ex& e) {
      *error = "cannot open the log file " + file + ": " + e.what();
      return false;
    }
    to_stderr->set_level(std::max(level, spdlog::level::warn));
  }
  auto logger = std::make_shared<spdlog::logger>("ametijuhend", sinks.begin(), sinks.end());
  logger->set_level(level);
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(std::move(logger));
  return true;
}

}  // namespace aj::log
