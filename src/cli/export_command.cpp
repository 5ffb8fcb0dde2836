// export_command.cpp — `ametijuhend export FILE.pdf… [--format jsonl|json]`:
// records in the contract's shape on stdout; each record's problems also go
// to stderr as "file: code (page N): message".
#include <iostream>

#include "cli/commands.h"
#include "pipeline/pipeline.h"
#include "recognize/grammar.h"

namespace aj::cli {

void print_problems(const Record& r) {
  for (const auto& p : r.problems)
    std::cerr << r.source.file << ": " << severity_name(p.severity) << " " << code_name(p.code)
              << (p.page ? " (page " + std::to_string(p.page) + ")" : "") << ": " << p.message
              << (p.excerpt.empty() ? "" : " — «" + p.excerpt.substr(0, 120) + "»") << "\n";
}

void add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Parse PDFs and print their records (the contract's JSON shape)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("jsonl");
  auto grammars = std::make_shared<std::string>(recognize::default_grammar_dir());
  auto quiet = std::make_shared<bool>(false);
  cmd->add_option("files", *files, "PDF files")->required();
  cmd->add_option("--format", *format, "jsonl (one record per line) or json (a pretty array)")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--grammars", *grammars, "folder of grammar files")->capture_default_str();
  cmd->add_flag("--quiet", *quiet, "do not print problems to stderr");
  cmd->callback([=] {
    std::string error;
    auto pipeline = pipeline::Pipeline::create(*grammars, &error);
    if (!pipeline) {
      std::cerr << "ametijuhend: " << error << "\n";
      set_exit_code(1);
      return;
    }
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& f : *files) {
      auto parsed = pipeline->parse_file(f);
      for (const auto& r : parsed.records) {
        if (!*quiet) print_problems(r);
        if (*format == "jsonl")
          std::cout << to_json(r).dump() << "\n";
        else
          all.push_back(to_json(r));
      }
    }
    if (*format == "json") std::cout << all.dump(2) << "\n";
  });
}

}  // namespace aj::cli
