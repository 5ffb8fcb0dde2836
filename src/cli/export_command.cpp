// export_command.cpp — `ametijuhend export FILE.pdf… [--format jsonl|json]`:
// records in the contract's shape on stdout; each record's problems also go
// to stderr as "file: code (page N): message". With `--db FILE [--where
// SQL]` the records come from the database instead (rebuilt from its tables,
// store/reader.h), in path order: the same JSON the PDFs give.
#include <iostream>

#include "cli/commands.h"
#include "pipeline/pipeline.h"
#include "recognize/grammar.h"
#include "store/database.h"
#include "store/reader.h"

namespace aj::cli {

void print_problems(const Record& r) {
  for (const auto& p : r.problems)
    std::cerr << r.source.file << ": " << severity_name(p.severity) << " " << code_name(p.code)
              << (p.page ? " (page " + std::to_string(p.page) + ")" : "") << ": " << p.message
              << (p.excerpt.empty() ? "" : " — «" + p.excerpt.substr(0, 120) + "»") << "\n";
}

namespace {

// Calls `emit` for each stored record matching `where`, in path order.
template <class Emit>
bool export_stored(const std::string& db_path, const std::string& where, Emit emit, std::string* error) {
  auto db = store::open_readonly(db_path, error);
  if (!db) return false;
  auto ids = store::select_records(*db, where, error);
  if (!ids) return false;
  store::RecordReader reader(*db);
  for (int64_t id : *ids) {
    auto record = reader.read(id);
    if (!record) {
      *error = "cannot read record " + std::to_string(id) + ": " + db->error();
      return false;
    }
    emit(*record);
  }
  return true;
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Parse PDFs and print their records (the contract's JSON shape)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("jsonl");
  auto grammars = std::make_shared<std::string>(recognize::default_grammar_dir());
  auto quiet = std::make_shared<bool>(false);
  auto db_path = std::make_shared<std::string>();
  auto where = std::make_shared<std::string>();
  auto* files_option = cmd->add_option("files", *files, "PDF files");
  auto* db_option = cmd->add_option("--db", *db_path, "export the records stored in this database instead of parsing PDFs")
                        ->excludes(files_option);
  cmd->add_option("--where", *where, "with --db: an SQL condition over v_positions' columns, e.g. \"status = 'ok'\"")
      ->needs(db_option);
  cmd->add_option("--format", *format, "jsonl (one record per line) or json (a pretty array)")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--grammars", *grammars, "folder of grammar files")->capture_default_str();
  cmd->add_flag("--quiet", *quiet, "do not print problems to stderr");
  cmd->callback([=] {
    if (files->empty() && db_path->empty()) throw CLI::ValidationError("export", "give PDF files, or --db FILE");
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    auto emit = [&](const Record& r) {
      if (!*quiet) print_problems(r);
      if (*format == "jsonl")
        std::cout << to_json(r).dump() << "\n";
      else
        all.push_back(to_json(r));
    };
    std::string error;
    if (!db_path->empty()) {
      if (!export_stored(*db_path, *where, emit, &error)) {
        std::cerr << "ametijuhend export: " << error << "\n";
        set_exit_code(1);
        return;
      }
      if (*format == "json") std::cout << all.dump(2) << "\n";
      return;
    }
    auto pipeline = pipeline::Pipeline::create(*grammars, &error);
    if (!pipeline) {
      std::cerr << "ametijuhend: " << error << "\n";
      set_exit_code(1);
      return;
    }
    for (const auto& f : *files)
      for (const auto& r : pipeline->parse_file(f).records) emit(r);
    if (*format == "json") std::cout << all.dump(2) << "\n";
  });
}

}  // namespace aj::cli
