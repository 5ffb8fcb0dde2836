// layout_command.cpp — `ametijuhend layout FILE.pdf [--format text|json]`:
// the analysed layout (pages, tables, cells, lines), the view a grammar
// author debugs with.
#include <iostream>

#include "cli/commands.h"
#include "extract/pdf.h"
#include "layout/layout.h"

namespace aj::cli {

void add_layout_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("layout", "Print the analysed layout of a PDF (tables, cells, lines)");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("file", *file, "the PDF")->required();
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([file, format] {
    extract::Extractor extractor;
    auto doc = extractor.load_file(*file);
    for (const auto& p : doc.problems)
      std::cerr << *file << ": " << code_name(p.code) << (p.page ? " (page " + std::to_string(p.page) + ")" : "")
                << ": " << p.message << "\n";
    if (!doc.readable()) {
      set_exit_code(1);
      return;
    }
    auto layout = layout::analyse(doc);
    if (*format == "json")
      std::cout << layout::to_json(layout).dump(2) << "\n";
    else
      std::cout << layout::to_text(layout);
  });
}

}  // namespace aj::cli
