// layout_command.cpp — `ametijuhend layout FILE.pdf [--format text|json]
// [--grammars DIR] [--ocr MODE] [--ocr-lang LANGS]`: the analysed layout (pages, tables, cells, lines), the
// view a grammar author debugs with. The grammars are loaded for their
// layout options (page furniture), through the same mapping the import
// uses (pipeline/layout_options.h), so both set aside the same lines.
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "cli/ocr_option.h"
#include "extract/pdf.h"
#include "layout/layout.h"
#include "pipeline/layout_options.h"
#include "recognize/grammar.h"

namespace aj::cli {

void add_layout_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("layout", "Print the analysed layout of a PDF (tables, cells, lines)");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto grammars = std::make_shared<std::string>(recognize::default_grammar_dir());
  auto ocr = std::make_shared<extract::OcrOptions>();
  cmd->add_option("file", *file, "the PDF")->required();
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--grammars", *grammars, "folder of grammar files (its page-furniture patterns apply)")
      ->capture_default_str();
  add_ocr_options(*cmd, *ocr);
  cmd->callback([file, format, grammars, ocr] {
    std::string error;
    const auto loaded = recognize::load_grammars(*grammars, &error);
    if (!loaded) {
      std::cerr << "ametijuhend layout: " << error << "\n";
      set_exit_code(1);
      return;
    }
    extract::Extractor extractor;
    extractor.set_ocr(*ocr);
    auto doc = extractor.load_file(*file);
    // An unreadable PDF ends the command, so its problems are errors; a page without text is a warning.
    const auto level = doc.readable() ? spdlog::level::warn : spdlog::level::err;
    for (const auto& p : doc.problems)
      spdlog::log(level, "{}: {}{}: {}", *file, code_name(p.code),
                  p.page ? " (page " + std::to_string(p.page) + ")" : "", p.message);
    if (!doc.readable()) {
      set_exit_code(1);
      return;
    }
    auto layout = layout::analyse(doc, pipeline::layout_options(*loaded));
    if (*format == "json")
      std::cout << layout::to_json(layout).dump(2) << "\n";
    else
      std::cout << layout::to_text(layout);
  });
}

}  // namespace aj::cli
