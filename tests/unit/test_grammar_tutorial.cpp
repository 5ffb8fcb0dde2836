// test_grammar_tutorial.cpp — docs/grammars.md's tutorial, step by step:
// its grammar (taken from the page itself) reads corpus/bad/unknown-layout.pdf,
// the mistakes it shows are the ones `grammar check` prints, and `grammar
// test` passes on the example it saves, and fails when the truth disagrees.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus_paths.h"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int exit_code;
  std::string output;   // stdout and stderr
};

Run run(const std::string& args) {
  const std::string command = std::string(AJ_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// The tutorial's grammar: the ```toml block after its marker comment.
std::string tutorial_grammar(const std::string& doc) {
  const auto marker = doc.find("<!-- tutorial: english-job.toml -->");
  REQUIRE(marker != std::string::npos);
  const auto start = doc.find("```toml\n", marker) + 8;
  return doc.substr(start, doc.find("```\n", start) - start);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("grammar tutorial: docs/grammars.md's steps take a new template to a passing grammar test") {
  const std::string doc = read(fs::path(aj::test::source_dir()) / "docs" / "grammars.md");
  const fs::path dir = aj::test::temp_dir("grammar-tutorial");
  const fs::path grammars = dir / "grammars";
  fs::copy(aj::test::grammars(), grammars, fs::copy_options::recursive);
  const std::string grammar = tutorial_grammar(doc);
  const fs::path file = grammars / "english-job.toml";

  // Step 3 with the typos the page shows: the messages are the page's.
  std::ofstream(file) << replace(replace(replace(grammar, "label = 'position', required = true", "label = 'position', requierd = true"),
                                         "label = 'reports to', required = true", "label = 'reports to', required = \"yes\""),
                                 "reader = \"tasks\"", "reader = \"task\"");
  Run check = run("grammar check " + grammars.string());
  CHECK(check.exit_code == 1);
  std::istringstream lines(check.output);
  int shown = 0;
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(grammars.string() + "/", 0) == 0) {
      const std::string as_in_doc = "grammars/" + line.substr(grammars.string().size() + 1);
      CHECK_MESSAGE(doc.find(as_in_doc) != std::string::npos, as_in_doc);
      ++shown;
    }
  CHECK(shown == 3);

  // Steps 2 and 3 as written.
  std::ofstream(file) << grammar;
  check = run("grammar check " + grammars.string());
  REQUIRE_MESSAGE(check.exit_code == 0, check.output);

  // Step 5: the example and its truth, from export (then read by hand: here, checked).
  const fs::path examples = grammars / "examples" / "english-job";
  fs::create_directories(examples);
  fs::copy_file(aj::test::corpus("bad/unknown-layout.pdf"), examples / "road-engineer.pdf");
  Run exported = run("export --quiet --format json --grammars " + grammars.string() + " " +
                     (examples / "road-engineer.pdf").string());
  REQUIRE(exported.exit_code == 0);
  auto truth = nlohmann::json::parse(exported.output);
  REQUIRE(truth.size() == 1);
  auto& r = truth[0];
  CHECK(r["title"] == "Road maintenance engineer");
  CHECK(r["department"] == "Road Management Department");
  CHECK(r["division"] == "Maintenance Division");
  CHECK(r["direct_manager"] == "Head of the Maintenance Division");
  REQUIRE(r["tasks"].size() == 3);
  CHECK(r["tasks"][0]["number"].is_null());
  CHECK(r["tasks"][2]["text"] == "answering road users and local governments about the roads of the region.");
  CHECK(r["requirements"]["education"]["level"] == "higher");
  CHECK(r["requirements"]["education"]["fields"] == "civil engineering");
  CHECK(r["requirements"]["experience"]["years_min"] == 2);
  CHECK(r["requirements"]["languages"].size() == 2);
  CHECK(r["status"] == "ok");
  std::ofstream(examples / "road-engineer.json") << truth.dump(2);

  // Step 6.
  Run test = run("grammar test " + grammars.string());
  CHECK_MESSAGE(test.exit_code == 0, test.output);
  CHECK(test.output.find("ok   road-engineer.pdf: field-F1 1.0000 (macro 1.0000)") != std::string::npos);

  // A truth the grammar does not meet fails, and says where.
  r["title"] = "Road engineer";
  std::ofstream(examples / "road-engineer.json") << truth.dump(2);
  test = run("grammar test " + grammars.string());
  CHECK(test.exit_code == 1);
  CHECK(test.output.find("FAIL road-engineer.pdf") != std::string::npos);
  CHECK(test.output.find("MISS road-engineer.pdf#1 title") != std::string::npos);

  // The English words stay with the English grammar: the shipped ones do not read the PDF.
  fs::remove(file);
  fs::remove_all(examples);
  check = run("export --quiet --grammars " + grammars.string() + " " + aj::test::corpus("bad/unknown-layout.pdf"));
  CHECK(check.output.find("no_grammar_matched") != std::string::npos);
}
