// report_command.cpp — `ametijuhend report [--db FILE] [--format
// text|json|html] [--out PATH]`: what went wrong in the archive, read-only
// (report/report.h). text: a summary and the files worst first, on stdout;
// json: everything, on stdout or into --out FILE; html: a static folder
// (--out DIR, default report/) with the PDF pages concerned rendered and
// the problems' regions outlined.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/validators.h"
#include "report/format.h"
#include "report/html.h"
#include "report/report.h"
#include "store/database.h"

namespace aj::cli {
namespace {

struct ReportArgs {
  std::string db_path = store::kDefaultDatabase;
  std::string format = "text";
  std::string out;
  report::TextLimits limits;
  report::Options options;
  int dpi = 90;
  uint64_t max_memory = uint64_t{2} << 30;
};

// stdout, or the file at `out`; false (with a message on stderr) when it cannot be written.
bool emit(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << text << std::flush;
    return true;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    std::cerr << "ametijuhend report: cannot write " << out << "\n";
    return false;
  }
  return true;
}

void run(const ReportArgs& a) {
  std::string error;
  auto db = store::open_readonly(a.db_path, &error);
  if (!db) {
    std::cerr << "ametijuhend report: " << error << "\n";
    set_exit_code(1);
    return;
  }
  auto report = report::load(*db, a.db_path, a.options, &error);
  if (!report) {
    std::cerr << "ametijuhend report: " << error << "\n";
    set_exit_code(1);
    return;
  }
  if (a.format == "text") {
    if (!emit(report::format_text(*report, a.limits), a.out)) set_exit_code(1);
  } else if (a.format == "json") {
    const std::string json =
        report::to_json(*report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (!emit(json, a.out)) set_exit_code(1);
  } else {
    const std::string dir = a.out.empty() ? "report" : a.out;
    auto written = report::write_html(*report, dir, report::HtmlOptions{a.dpi, 12, report::RenderLimits{a.max_memory}}, &error);
    if (!written) {
      std::cerr << "ametijuhend report: " << error << "\n";
      set_exit_code(1);
      return;
    }
    for (const auto& note : written->notes) std::cerr << "ametijuhend report: " << note << "\n";
    std::cout << "Wrote " << written->index << ": " << report->documents_with_problems.size()
              << " documents with problems (" << written->document_pages << " pages, " << written->images
              << " page images). Open it in a browser; it needs no server.\n";
  }
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("report", "Report what went wrong: problems by code, files worst first");
  auto a = std::make_shared<ReportArgs>();
  cmd->add_option("--db", a->db_path, "the database file (opened read-only)")->capture_default_str();
  cmd->add_option("--format", a->format, "text, json or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  cmd->add_option("--out", a->out,
                  "text and json: a FILE instead of stdout; html: the folder to write (default report/)");
  cmd->add_option("--max-files", a->limits.max_files, "text: files listed one by one (0: all)")
      ->check(whole_number(0))
      ->capture_default_str();
  cmd->add_option("--max-problems", a->limits.max_problems, "text: problems shown per file (0: all)")
      ->check(whole_number(0))
      ->capture_default_str();
  cmd->add_option("--repeat-min", a->options.repeat_min,
                  "the same code and message in this many files is listed once, as a repeated problem")
      ->check(whole_number(2, 1000000))
      ->capture_default_str();
  cmd->add_option("--dpi", a->dpi, "html: resolution of the page images")->check(whole_number(36, 300))
      ->capture_default_str();
  cmd->add_option("--max-memory", a->max_memory,
                  "html: address space of the process that renders the pages (K, M or G; default 2G)")
      ->transform(memory_size(uint64_t{256} << 20))
      ->default_str("2G");
  cmd->footer(
      "The html report is a folder: index.html, and files/ with one page per document with problems and its\n"
      "PDF pages as PNG, the problems' regions outlined. It needs the PDFs at their imported paths; a page\n"
      "says so when a file is gone. Pages are drawn in a child process under --max-memory and 30 s a page, at\n"
      "most 6 megapixels each and the first 12 pages with problems of a document; a page that cannot be drawn\n"
      "says why on its page, and the rest of the report is written. Exit codes: 0 the report was made (whatever it found); 1 the database\n"
      "cannot be read or the output cannot be written; 2 usage error.");
  cmd->callback([a] { run(*a); });
}

}  // namespace aj::cli
