// validators.h — checks for numeric options whose failure reads as one line
// ("--jobs: expected a whole number from 1 up, got '0'"). CLI11's own
// PositiveNumber and NonNegativeNumber print the range as doubles, the
// upper end a 300-digit number, and say the same for a value that is no
// number at all.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>

namespace aj::cli {

// A whole number ≥ min, and ≤ max when given.
CLI::Validator whole_number(long long min, std::optional<long long> max = std::nullopt);
// A number (fractions allowed) > 0.
CLI::Validator positive_seconds();
// An amount of memory: a whole number with K, M or G (binary: 1G = 1024M;
// "2G", "1536M", "2GiB"), at least `min_bytes`. The option's value becomes
// the number of bytes (so give it to CLI11 with ->transform, not ->check).
CLI::Validator memory_size(unsigned long long min_bytes);

}  // namespace aj::cli
