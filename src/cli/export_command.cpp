// export_command.cpp — `ametijuhend export FILE.pdf… [--format
// jsonl|json|xlsx] [--out FILE] [--ocr MODE] [--ocr-lang LANGS]`: records in the contract's shape on stdout;
// each record's problems also go to stderr as "file: code (page N):
// message". With `--db FILE [--where SQL]` the records come from the
// database instead (rebuilt from its tables, store/reader.h), in path order:
// the same JSON the PDFs give. xlsx: a workbook with one sheet per list
// (record_sheets.h). A file that is missing or a folder is an error (exit 1),
// as for every command; a file that is no readable PDF is a failed record.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/ocr_option.h"
#include "core/path_text.h"
#include "cli/record_sheets.h"
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
    emit(id, *record);
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
  auto out_path = std::make_shared<std::string>();
  auto ocr = std::make_shared<extract::OcrOptions>();
  auto* files_option = cmd->add_option("files", *files, "PDF files");
  auto* db_option = cmd->add_option("--db", *db_path, "export the records stored in this database instead of parsing PDFs")
                        ->excludes(files_option);
  cmd->add_option("--where", *where, "with --db: an SQL condition over v_positions' columns, e.g. \"status = 'ok'\"")
      ->needs(db_option);
  cmd->add_option("--format", *format,
                  "jsonl (one record per line), json (a pretty array) or xlsx (a spreadsheet, one sheet per list; "
                  "needs --out)")
      ->check(CLI::IsMember({"jsonl", "json", "xlsx"}));
  cmd->add_option("--out", *out_path, "xlsx: the workbook to write");
  cmd->add_option("--grammars", *grammars, "folder of grammar files")->capture_default_str();
  add_ocr_options(*cmd, *ocr);
  cmd->add_flag("--quiet", *quiet, "do not print problems to stderr");
  cmd->callback([=] {
    if (files->empty() && db_path->empty()) throw CLI::ValidationError("export", "give PDF files, or --db FILE");
    if (*format == "xlsx" && out_path->empty())
      throw CLI::ValidationError("--format", "xlsx writes a file: give --out FILE.xlsx");
    if (!out_path->empty() && *format != "xlsx")
      throw CLI::ValidationError("--out", "--out is for --format xlsx; jsonl and json go to stdout");
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    RecordSheets sheets;
    int64_t exported = 0;
    auto emit = [&](int64_t key, const Record& r) {
      ++exported;
      if (!*quiet) print_problems(r);
      if (*format == "jsonl")
        std::cout << to_json(r).dump() << "\n";
      else if (*format == "json")
        all.push_back(to_json(r));
      else
        sheets.add(key ? key : exported, r);
    };
    std::string error;
    auto finish = [&] {
      if (*format == "json") std::cout << all.dump(2) << "\n";
      if (*format == "xlsx" && !write_xlsx(*out_path, sheets.sheets(), &error)) {
        std::cerr << "ametijuhend export: " << error << "\n";
        set_exit_code(1);
      }
    };
    if (!db_path->empty()) {
      if (!export_stored(*db_path, *where, emit, &error)) {
        std::cerr << "ametijuhend export: " << error << "\n";
        set_exit_code(1);
        return;
      }
      finish();
      return;
    }
    auto pipeline = pipeline::Pipeline::create(*grammars, &error);
    if (!pipeline) {
      std::cerr << "ametijuhend: " << error << "\n";
      set_exit_code(1);
      return;
    }
    pipeline->set_ocr(*ocr);
    for (const auto& given : *files) {
      const std::string f = path_argument(given);
      std::error_code ec;
      const auto kind = std::filesystem::status(f, ec).type();
      if (kind == std::filesystem::file_type::not_found || kind == std::filesystem::file_type::directory) {
        std::cerr << "ametijuhend export: " << path_text(f)
                  << (kind == std::filesystem::file_type::directory
                          ? ": is a folder; export takes PDF files (import walks folders)\n"
                          : ": no such file\n");
        set_exit_code(1);
        continue;
      }
      for (const auto& r : pipeline->parse_file(f).records) emit(0, r);
    }
    finish();
  });
}

}  // namespace aj::cli
