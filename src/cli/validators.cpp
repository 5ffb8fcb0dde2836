// validators.cpp — one-line range checks for numeric options (validators.h).
#include "cli/validators.h"

#include <cctype>
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

CLI::Validator memory_size(unsigned long long min_bytes) {
  return CLI::Validator(
      [=](std::string& value) -> std::string {
        unsigned long long n = 0;
        const char* const begin = value.data();
        const char* const end = begin + value.size();
        const auto [unit, ec] = std::from_chars(begin, end, n);
        std::string suffix(unit, end);
        for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        int shift = -1;
        if (suffix == "K" || suffix == "KB" || suffix == "KIB") shift = 10;
        if (suffix == "M" || suffix == "MB" || suffix == "MIB") shift = 20;
        if (suffix == "G" || suffix == "GB" || suffix == "GIB") shift = 30;
        if (ec != std::errc() || unit == begin || shift < 0 || n > (~0ULL >> shift))
          return "expected an amount of memory such as 2G or 1536M, got '" + value + "'";
        if ((n << shift) < min_bytes)
          return "expected at least " + std::to_string(min_bytes >> 20) + "M, got '" + value + "'";
        value = std::to_string(n << shift);
        return "";
      },
      "SIZE (K, M, G)");
}

}  // namespace aj::cli
