// suggest.cpp — nearest names for misspelt subcommands and options, and the
// subcommand list (suggest.h).
#include "cli/suggest.h"

#include <algorithm>
#include <cctype>

namespace aj::cli {
namespace {

// Optimal string alignment distance: Levenshtein plus swapped neighbours
// ("imoprt"), over bytes (every name here is ASCII).
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// "--name=value" → "--name".
std::string option_name(const std::string& arg) { return arg.substr(0, arg.find('=')); }

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    for (const auto& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

// "-3" is a (negative) value, not an option.
bool is_option(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && arg != "--" && !std::isdigit(static_cast<unsigned char>(arg[1]));
}

}  // namespace

std::optional<std::string> nearest(const std::string& typed, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_distance = std::max<size_t>(1, typed.size() / 3) + 1;
  for (const auto& c : candidates) {
    const size_t d = edit_distance(typed, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  if (best) return best;
  // An unambiguous beginning: "rep" → "report".
  for (const auto& c : candidates)
    if (typed.size() >= 2 && c.rfind(typed, 0) == 0) {
      if (best) return std::nullopt;
      best = c;
    }
  return best;
}

std::string command_list(const CLI::App& app) {
  std::string out = "Commands:\n";
  size_t width = 0;
  const auto commands = app.get_subcommands([](const CLI::App*) { return true; });
  for (const CLI::App* c : commands) width = std::max(width, c->get_name().size());
  for (const CLI::App* c : commands)
    out += "  " + c->get_name() + std::string(width + 3 - c->get_name().size(), ' ') + c->get_description() + "\n";
  return out;
}

std::optional<std::string> command_word(const CLI::App& app, const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!is_option(arg)) return arg;
    if (arg.find('=') != std::string::npos) continue;
    const CLI::Option* o = app.get_option_no_throw(arg);
    if (o && o->get_items_expected_max() > 0) ++i;   // its value
  }
  return std::nullopt;
}

std::vector<std::string> unknown_options(const CLI::App& app, const CLI::App& command,
                                         const std::vector<std::string>& args) {
  std::vector<std::string> known = option_names(command), global = option_names(app);
  known.insert(known.end(), global.begin(), global.end());
  std::vector<std::string> messages;
  for (const auto& arg : args) {
    if (arg == "--") break;
    if (!is_option(arg)) continue;
    const std::string name = option_name(arg);
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    const auto near = nearest(name, known);
    messages.push_back("unknown option " + name + (near ? "; did you mean " + *near + "?" : ""));
  }
  return messages;
}

}  // namespace aj::cli
