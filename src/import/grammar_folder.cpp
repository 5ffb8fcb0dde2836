// grammar_folder.cpp — folders compared as absolute, normalised paths, so
// "grammars", "./grammars/" and the full path are one folder.
#include "import/grammar_folder.h"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace aj::importer {
namespace {

std::string absolute_folder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(dir, ec);
  if (ec) p = std::filesystem::absolute(dir, ec).lexically_normal();
  std::string out = p.string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

bool same_folder(const std::string& a, const std::string& b) { return absolute_folder(a) == absolute_folder(b); }

}  // namespace

GrammarChoice choose_grammar_folder(const std::string& given, const std::optional<store::LastRun>& last,
                                    const std::string& fallback) {
  if (!given.empty()) return {absolute_folder(given), false};
  if (!last || same_folder(last->grammar_dir, fallback)) return {absolute_folder(fallback), false};
  spdlog::warn(
      "the database was last imported with the grammars in {}; using them, not the default folder {} "
      "(--grammars DIR chooses a folder)",
      last->grammar_dir, absolute_folder(fallback));
  return {absolute_folder(last->grammar_dir), true};
}

std::optional<recognize::GrammarSet> load_chosen_grammars(const GrammarChoice& choice,
                                                          const std::optional<store::LastRun>& last,
                                                          std::string* error) {
  auto grammars = recognize::load_grammars(choice.dir, error);
  if (!grammars) {
    if (choice.remembered) *error = "the grammar folder of the last import: " + *error + " (--grammars DIR chooses another)";
    return std::nullopt;
  }
  spdlog::info("grammars: {} ({} job-description grammars, fingerprint {})", choice.dir, grammars->grammars.size(),
               grammars->fingerprint);
  if (last && !same_folder(last->grammar_dir, choice.dir)) {
    if (grammars->fingerprint != last->grammar_fingerprint)
      spdlog::warn(
          "the database was last imported with the grammars in {}; those in {} differ, so the documents parsed "
          "with the others will be parsed again",
          last->grammar_dir, choice.dir);
    else
      spdlog::info("the grammars in {} are the same as those in {}, which the last import used: nothing is re-parsed for it",
                   choice.dir, last->grammar_dir);
  }
  return grammars;
}

}  // namespace aj::importer
