// validators.cpp — one-line range checks for numeric options (validators.h).
#include "cli/validators.h"

#include <charconv>
#include <cmath>

namespace aj::cli {

CLI::Validator whole_number(long long min, std::optional<long long> max) {
  const std::string wanted = max ? "a whole number from " + std::to_string(min) + " to " + std::to_string(*max)
                                 : "a whole number from " + std::to_string(min) + " up";
  return CLI::Validator(
      [=](std::string& value) -> std::string {
        long long n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        const bool number = ec == std::errc() && end == value.data() + value.size();
        if (number && n >= min && (!max || n <= *max)) return "";
        return "expected " + wanted + ", got '" + value + "'";
      },
      max ? "INT in " + std::to_string(min) + ".." + std::to_string(*max) : "INT ≥ " + std::to_string(min));
}

CLI::Validator positive_seconds() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        const bool number = ec == std::errc() && end == value.data() + value.size() && std::isfinite(n);
        if (number && n > 0) return "";
        return "expected a number of seconds above 0, got '" + value + "'";
      },
      "SECONDS > 0");
}

}  // namespace aj::cli
