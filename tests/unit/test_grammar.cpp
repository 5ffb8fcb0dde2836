// test_grammar.cpp — grammars are data: loading errors name the file, and
// editing a grammar changes what the (unrebuilt) binary recognises.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "corpus_paths.h"
#include "recognize/grammar.h"

namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("grammar: the shipped grammars load") {
  std::string error;
  auto set = aj::recognize::load_grammars(aj::test::grammars(), &error);
  REQUIRE_MESSAGE(set, error);
  CHECK(set->grammars.size() >= 2);
  CHECK(set->fingerprint.size() == 16);
}

TEST_CASE("grammar: a bad pattern is an error naming the file and the pattern") {
  auto dir = aj::test::temp_dir("grammar-bad");
  fs::copy(aj::test::grammars(), dir, fs::copy_options::recursive);
  std::ofstream(fs::path(dir) / "broken.toml") << "name = \"broken\"\n[[section]]\nname = \"x\"\nheading = '(unclosed'\n";
  std::string error;
  CHECK_FALSE(aj::recognize::load_grammars(dir, &error));
  CHECK(error.find("broken.toml") != std::string::npos);
  CHECK(error.find("(unclosed") != std::string::npos);
}

TEST_CASE("grammar: editing a label in a grammar file changes recognition without a rebuild") {
  auto dir = aj::test::temp_dir("grammar-edit");
  fs::copy(aj::test::grammars(), dir, fs::copy_options::recursive);
  const std::string pdf = aj::test::corpus("seeds/000_eaa2ca7fc8e25303.a.pdf");
  const std::string cmd = std::string(AJ_BINARY) + " export --quiet --grammars " + dir + " " + pdf;
  std::string before = run(cmd);
  REQUIRE(before.find("\"title\":\"Ekspert (ohvriabi ärianalüüsid)\"") != std::string::npos);

  // The document says "Teenistuskoht"; a grammar that only knows another label
  // no longer finds the title and says so.
  auto file = fs::path(dir) / "ska-label-table.toml";
  std::string text = read(file);
  text = std::regex_replace(text, std::regex("label = 'teenistuskoht\\|"), "label = 'ametikoha nimetus|");
  std::ofstream(file) << text;
  std::string after = run(cmd);
  CHECK(after.find("\"title\":null") != std::string::npos);
  CHECK(after.find("field_missing") != std::string::npos);
  CHECK(after.find("\"status\":\"partial\"") != std::string::npos);

  // Adding the synonym back under another spelling restores it.
  text = std::regex_replace(text, std::regex("label = 'ametikoha nimetus\\|"), "label = 'ametikoha nimetus|teenistus-?koht|");
  std::ofstream(file) << text;
  CHECK(run(cmd).find("\"title\":\"Ekspert (ohvriabi ärianalüüsid)\"") != std::string::npos);
}
