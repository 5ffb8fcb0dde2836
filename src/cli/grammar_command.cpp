// grammar_command.cpp — `ametijuhend grammar check [DIR]` and `ametijuhend
// grammar test [DIR]`: what a grammar author runs after each edit.
//
// check loads the folder and prints every mistake of every file (file,
// line, key, what is wrong); test also reads each grammar's examples,
// DIR/examples/<grammar name>/*.pdf, each with its truth <name>.json beside
// it, and scores the records against the truth with the project's field-F1
// (recognize/score.h). An example passes when the grammar itself read it
// (not another one) and its F1 reaches --min (default 1: the truth exactly).
// Exit 0 when everything passed, 1 otherwise.
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "pipeline/pipeline.h"
#include "recognize/grammar.h"
#include "recognize/score.h"

namespace aj::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::optional<recognize::GrammarSet> load_or_report(const std::string& dir) {
  std::vector<recognize::GrammarError> errors;
  auto set = recognize::load_grammars(dir, &errors);
  for (const auto& e : errors) std::cerr << e.text() << "\n";
  if (!set) std::cerr << errors.size() << " mistake" << (errors.size() == 1 ? "" : "s") << " in " << dir << "\n";
  return set;
}

std::string f1_text(double f1) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(4) << f1;
  return s.str();
}

// The truth beside an example: an array of records, or one record.
std::optional<std::vector<json>> read_truth(const fs::path& file, std::string* error) {
  std::ifstream in(file);
  if (!in) {
    *error = file.string() + ": the example's truth is missing (write the records it must yield there)";
    return std::nullopt;
  }
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || !(j.is_array() || j.is_object())) {
    *error = file.string() + ": not JSON records (an array of records, or one)";
    return std::nullopt;
  }
  if (j.is_object()) return std::vector<json>{j};
  return std::vector<json>(j.begin(), j.end());
}

struct Example {
  fs::path pdf;
  std::string grammar;   // the grammar whose folder holds it
  bool directive;        // a directive grammar's example
};

// Exports and scores one example; prints its line (and its misses when it fails).
bool test_example(const pipeline::Pipeline& pipeline, const Example& ex, double min_f1, recognize::Score& total) {
  std::string error;
  auto truth = read_truth(fs::path(ex.pdf).replace_extension(".json"), &error);
  if (!truth) {
    std::cout << "  FAIL " << ex.pdf.filename().string() << ": " << error << "\n";
    return false;
  }
  const auto parsed = pipeline.parse_file(ex.pdf.string());
  std::vector<json> records;
  std::vector<std::string> wrong;   // why the wrong grammar (or none) read it
  for (const auto& r : parsed.records) {
    records.push_back(json::parse(to_json(r).dump()));
    if (!ex.directive && r.grammar != ex.grammar)
      wrong.push_back("record " + std::to_string(r.source.index) + " was read by " +
                      (r.grammar.empty() ? std::string("no grammar") : "'" + r.grammar + "'"));
  }
  if (ex.directive && !parsed.directive) wrong.push_back("it was not read as a directive");
  recognize::Score score;
  score.add(*truth, records);
  total.add(*truth, records);
  const bool ok = wrong.empty() && score.f1() >= min_f1 && score.macro_f1() >= min_f1;
  std::cout << "  " << (ok ? "ok  " : "FAIL") << " " << ex.pdf.filename().string() << ": field-F1 "
            << f1_text(score.f1()) << " (macro " << f1_text(score.macro_f1()) << ")\n";
  for (const auto& w : wrong) std::cout << "       " << w << "\n";
  if (!ok) {
    for (const auto& r : parsed.records)
      for (const auto& p : r.problems) std::cout << "       problem: " << code_name(p.code) << ": " << p.message << "\n";
    for (const auto& m : score.misses())
      std::cout << "       MISS " << m.where << " " << m.field << "\n         truth:     " << m.truth.dump()
                << "\n         extracted: " << m.predicted.dump() << "\n";
  }
  return ok;
}

int run_tests(const std::string& dir, double min_f1) {
  auto set = load_or_report(dir);
  if (!set) return 1;
  std::map<std::string, bool> grammars;   // name → is a directive grammar
  for (const auto& g : set->grammars) grammars[g.name] = false;
  for (const auto& d : set->directives) grammars[d.name] = true;
  std::string error;
  auto pipeline = pipeline::Pipeline::create(*set, &error);
  if (!pipeline) {
    std::cerr << "ametijuhend grammar test: " << error << "\n";
    return 1;
  }
  const fs::path examples = fs::path(dir) / "examples";
  bool all_ok = true;
  std::error_code ec;
  // A folder whose grammar is gone (renamed?) is a mistake, not a pass.
  for (const auto& e : fs::directory_iterator(examples, ec))
    if (e.is_directory() && !grammars.count(e.path().filename().string())) {
      std::cout << "FAIL " << e.path().string() << ": no grammar is named '" << e.path().filename().string() << "'\n";
      all_ok = false;
    }
  int tested = 0;
  for (const auto& [name, directive] : grammars) {
    std::vector<fs::path> pdfs;
    for (const auto& e : fs::directory_iterator(examples / name, ec))
      if (e.path().extension() == ".pdf") pdfs.push_back(e.path());
    std::sort(pdfs.begin(), pdfs.end());
    if (pdfs.empty()) {
      std::cout << name << ": no examples (put PDFs with their truth in " << (examples / name).string() << "/)\n";
      continue;
    }
    std::cout << name << ": " << pdfs.size() << " example" << (pdfs.size() == 1 ? "" : "s") << "\n";
    recognize::Score total;
    for (const auto& pdf : pdfs) {
      all_ok = test_example(*pipeline, Example{pdf, name, directive}, min_f1, total) && all_ok;
      ++tested;
    }
    std::cout << "  " << name << ": field-F1 " << f1_text(total.f1()) << " (macro " << f1_text(total.macro_f1())
              << ")\n";
  }
  std::cout << (all_ok ? "ok" : "FAILED") << ": " << tested << " example" << (tested == 1 ? "" : "s") << " in "
            << examples.string() << "\n";
  return all_ok ? 0 : 1;
}

}  // namespace

void add_grammar_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("grammar", "Check grammar files, and test them on their example PDFs");
  cmd->require_subcommand(1);
  auto dir = std::make_shared<std::string>(recognize::default_grammar_dir());
  auto min_f1 = std::make_shared<double>(1.0);

  auto* check = cmd->add_subcommand("check", "Load the grammars and print every mistake (file:line: key: what)");
  check->add_option("dir", *dir, "folder of grammar files")->capture_default_str();
  check->callback([dir] {
    auto set = load_or_report(*dir);
    if (!set) {
      set_exit_code(1);
      return;
    }
    std::cout << *dir << ": ok (" << set->grammars.size() << " grammars, " << set->directives.size()
              << " directive grammars)\n";
  });

  auto* test = cmd->add_subcommand(
      "test", "Read each grammar's examples (DIR/examples/<grammar>/*.pdf) and score them against their truth");
  test->add_option("dir", *dir, "folder of grammar files")->capture_default_str();
  test->add_option("--min", *min_f1, "the field-F1 (micro and macro) each example must reach")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  test->callback([dir, min_f1] { set_exit_code(run_tests(*dir, *min_f1)); });
}

}  // namespace aj::cli
