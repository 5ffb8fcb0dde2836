// search_command.cpp — `ametijuhend search [--db FILE] TERMS… [--kind KIND…]
// [--format table|csv|json] [--limit N]`: the records whose texts hold every
// term, with title, unit, kind, a highlighted snippet and the record's key
// (records.record_key, which `show` takes and a re-parse keeps).
// How terms match (FTS5 phrases in the trigram index, a word-start scan for
// terms under three letters, Estonian case folding) is store/search.h's.
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/tabular.h"
#include "store/database.h"
#include "store/search.h"

namespace aj::cli {
namespace {

// "tasks" → "task": the plural a user types, the kind search_text stores.
std::string singular_kind(std::string kind) {
  if (kind == "responsibilities") return "responsibility";
  if (kind.size() > 1 && kind.back() == 's') kind.pop_back();
  return kind;
}

}  // namespace

void add_search_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("search", "Full-text search of the database's records");
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  auto terms = std::make_shared<std::vector<std::string>>();
  auto kinds = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("table");
  auto limit = std::make_shared<int>(100);
  cmd->add_option("terms", *terms, "words, parts of words or \"quoted phrases\"; a record's text must hold all")
      ->required();
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  std::vector<std::string> allowed;
  for (const auto& k : store::search_kinds()) {
    allowed.push_back(k);
    allowed.push_back(k == "responsibility" ? "responsibilities" : k + "s");
  }
  cmd->add_option("--kind", *kinds, "only these texts: title, purpose, tasks, results, rights, responsibilities, document")
      ->check(CLI::IsMember(allowed))
      ->delimiter(',');
  cmd->add_option("--format", *format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->add_option("--limit", *limit, "at most this many hits")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->footer(
      "Terms match as substrings, case-insensitively (Õ = õ), diacritics kept (süsteem ≠ susteem);\n"
      "hyphens and punctuation are text ('SKAIS-i'). Terms under three letters ('IT') must begin a word.\n"
      "kind 'document' is the text of a document no grammar read. The key is records.record_key (`show KEY`).");
  cmd->callback([=] {
    std::string error;
    auto db = store::open_readonly(*db_path, &error);
    if (!db) {
      std::cerr << "ametijuhend search: " << error << "\n";
      set_exit_code(1);
      return;
    }
    store::SearchQuery query{*terms, {}, *limit};
    for (const auto& k : *kinds) query.kinds.push_back(singular_kind(k));
    auto hits = store::search(*db, query, &error);
    if (!hits) {
      std::cerr << "ametijuhend search: " << error << "\n";
      set_exit_code(1);
      return;
    }
    std::ostringstream out;
    if (*format == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& h : *hits) {
        nlohmann::ordered_json o;
        o["record_key"] = h.record_key;
        o["title"] = h.title ? nlohmann::ordered_json(*h.title) : nullptr;
        o["unit"] = h.unit ? nlohmann::ordered_json(*h.unit) : nullptr;
        o["kind"] = h.kind;
        o["task_number"] = h.task_number ? nlohmann::ordered_json(*h.task_number) : nullptr;
        o["snippet"] = store::highlight(h, "[", "]");
        o["text"] = h.text;
        o["path"] = h.path;
        list.push_back(std::move(o));
      }
      out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      const std::vector<std::string> names{"record_key", "title", "unit", "kind", "task", "snippet"};
      std::vector<Row> rows;
      for (const auto& h : *hits)
        rows.push_back({h.record_key, h.title, h.unit, h.kind, h.task_number,
                        store::highlight(h, "[", "]", *format == "table" ? 100 : 400)});
      if (*format == "csv") print_csv(out, names, rows, false);
      else print_table(out, names, rows);
    }
    if (!write_output(out.str(), "", &error)) {
      std::cerr << "ametijuhend search: " << error << "\n";
      set_exit_code(1);
    }
  });
}

}  // namespace aj::cli
