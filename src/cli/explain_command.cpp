// explain_command.cpp — `ametijuhend explain FILE.pdf [--grammar NAME]
// [--grammars DIR] [--format text|json] [--ocr MODE] [--ocr-lang LANGS]`: what a grammar author works from.
// First every grammar's detection score and the lines that gave it (the one
// that reads the document is marked), then the records, then line by line
// what took each line — the heading of a section, the label or value of a
// field, a skip rule — or why nothing did (an unknown heading or label,
// unassigned text); last the page furniture set aside before reading. The
// lines are those the import reads: the same grammars, the same furniture
// rules (pipeline/layout_options.h), the same recogniser.
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/ocr_option.h"
#include "pipeline/pipeline.h"
#include "recognize/recognize.h"

namespace aj::cli {
namespace {

using oj = nlohmann::ordered_json;

std::string page_line(const layout::Line& l) { return "p" + std::to_string(l.page); }

std::string shown(const std::string& use) { return use.empty() ? "unassigned" : use; }

// Whether grammar g read some record of the document (each appendix of a
// directive chooses its own).
bool reads(const recognize::Explanation& e, const recognize::Grammar& g) {
  for (const auto& r : e.document.records)
    if (r.grammar == g.name) return true;
  return false;
}

void print_text(std::ostream& out, const std::string& file, const layout::Layout& layout,
                const recognize::Explanation& e) {
  out << file << ": " << layout.lines.size() << " lines on " << layout.pages.size() << " pages\n\n";
  out << "Grammars (detection score: one per detect pattern and per section heading found; 3 or more reads):\n";
  for (const auto& d : e.detections) {
    out << "  " << d.grammar->name << "  " << d.score;
    if (d.excluded_by) out << "  excluded by " << d.excluded_by->what << " (line " << d.excluded_by->line + 1 << ")";
    if (reads(e, *d.grammar)) out << "  <- reads this document";
    out << "\n";
    for (const auto& h : d.hits)
      out << "      line " << h.line + 1 << " " << h.what << ": " << layout.lines[h.line].text << "\n";
  }
  out << "\nRecords:\n";
  for (const auto& r : e.document.records) {
    out << "  " << r.source.index << ". pages " << r.source.page_first << "-" << r.source.page_last << ", "
        << (r.grammar.empty() ? "no grammar" : "grammar " + r.grammar) << ", " << status_name(r.status)
        << ", coverage " << static_cast<int>(r.coverage * 100 + 0.5) << " %, " << r.problems.size() << " problems\n";
    for (const auto& p : r.problems)
      out << "      " << code_name(p.code) << (p.page ? " (page " + std::to_string(p.page) + ")" : "") << ": "
          << p.message << (p.excerpt.empty() ? "" : " — " + p.excerpt) << "\n";
  }
  out << "\nLines (line, page: what took it | text):\n";
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const auto& l = layout.lines[i];
    std::ostringstream head;
    head << std::setw(4) << i + 1 << " " << std::left << std::setw(4) << page_line(l) << " "
         << std::setw(44) << shown(e.uses[i]);
    out << head.str() << " | " << l.text << "\n";
  }
  bool any = false;
  for (const auto& page : layout.pages)
    for (const auto& l : page.furniture) {
      if (!any) out << "\nPage furniture (set aside before reading):\n";
      any = true;
      out << "       " << std::left << std::setw(4) << page_line(l) << " | " << l.text << "\n";
    }
}

oj to_json(const std::string& file, const layout::Layout& layout, const recognize::Explanation& e) {
  auto hit = [&](const recognize::DetectionHit& h) {
    return oj{{"line", h.line + 1}, {"page", layout.lines[h.line].page}, {"what", h.what},
              {"text", layout.lines[h.line].text}};
  };
  oj grammars = oj::array();
  for (const auto& d : e.detections) {
    oj hits = oj::array();
    for (const auto& h : d.hits) hits.push_back(hit(h));
    grammars.push_back({{"name", d.grammar->name}, {"score", d.score}, {"reads", reads(e, *d.grammar)},
                        {"excluded_by", d.excluded_by ? hit(*d.excluded_by) : oj(nullptr)}, {"hits", hits}});
  }
  oj records = oj::array();
  for (const auto& r : e.document.records) {
    oj j = aj::to_json(r);
    j["grammar"] = r.grammar;
    j["coverage"] = r.coverage;
    records.push_back(std::move(j));
  }
  oj lines = oj::array();
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const auto& l = layout.lines[i];
    lines.push_back({{"line", i + 1}, {"page", l.page}, {"use", shown(e.uses[i])}, {"text", l.text},
                     {"box", {l.box.x0, l.box.y0, l.box.x1, l.box.y1}}});
  }
  oj furniture = oj::array();
  for (const auto& page : layout.pages)
    for (const auto& l : page.furniture) furniture.push_back(oj{{"page", l.page}, {"text", l.text}});
  return {{"file", file}, {"grammars", grammars}, {"records", records}, {"lines", lines}, {"furniture", furniture}};
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("explain", "Show how a PDF is read: grammar scores, then what took each line");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto grammars = std::make_shared<std::string>(recognize::default_grammar_dir());
  auto grammar = std::make_shared<std::string>();
  auto ocr = std::make_shared<extract::OcrOptions>();
  cmd->add_option("file", *file, "the PDF")->required();
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--grammars", *grammars, "folder of grammar files")->capture_default_str();
  cmd->add_option("--grammar", *grammar, "read with this grammar (its name), whatever its score");
  add_ocr_options(*cmd, *ocr);
  cmd->footer("Exit codes: 0 explained; 1 the PDF or the grammars could not be read, or no grammar has that name.");
  cmd->callback([file, format, grammars, grammar, ocr] {
    std::string error;
    const auto pipeline = pipeline::Pipeline::create(*grammars, &error);
    if (!pipeline) {
      std::cerr << "ametijuhend explain: " << error << "\n";
      set_exit_code(1);
      return;
    }
    pipeline->set_ocr(*ocr);
    const recognize::Grammar* forced = nullptr;
    if (!grammar->empty()) {
      std::string names;
      for (const auto& g : pipeline->grammars().grammars) {
        if (g.name == *grammar) forced = &g;
        names += (names.empty() ? "" : ", ") + g.name;
      }
      if (!forced) {
        std::cerr << "ametijuhend explain: no grammar named '" << *grammar << "' in " << *grammars << " (there are: "
                  << names << ")\n";
        set_exit_code(1);
        return;
      }
    }
    const auto doc = pipeline->extractor().load_file(*file);
    if (!doc.readable()) {
      for (const auto& p : doc.problems) std::cerr << "ametijuhend explain: " << *file << ": " << code_name(p.code) << ": " << p.message << "\n";
      set_exit_code(1);
      return;
    }
    const auto layout = layout::analyse(doc, pipeline->layout_options());
    const auto e = pipeline->recognizer().explain(layout, doc.problems, *file, forced);
    if (*format == "json")
      std::cout << to_json(*file, layout, e).dump(2) << "\n";
    else
      print_text(std::cout, *file, layout, e);
  });
}

}  // namespace aj::cli
