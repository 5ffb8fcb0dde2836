// test_grammar_schema.cpp — the grammar schema: every mistake an author can
// make is an error naming the file, the line and the key, never a crash or a
// silently ignored key; and what the schema adds to grammars ([defines],
// priority, exclude, [vocabulary], tasks without numbers) does what it says.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus_paths.h"
#include "normalize/hyphen.h"
#include "recognize/grammar.h"
#include "recognize/recognize.h"
#include "recognize/score.h"

namespace fs = std::filesystem;
using aj::recognize::GrammarError;
using aj::recognize::GrammarText;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string common_toml() { return read(fs::path(aj::test::grammars()) / "_common.toml"); }

// A small valid grammar; tests append to it or replace parts of it.
const char* const kGrammar = R"(name = "test"
detect = ['^job description$']

[[section]]
name = "general"
heading = 'general'
fields = [{ field = "title", label = 'position', required = true }]

[[section]]
name = "tasks"
heading = 'tasks'
reader = "tasks"
task_start = '{task_number}'
)";

// Loads _common.toml and one grammar file "t.toml"; the errors, as text.
std::vector<std::string> errors_of(const std::string& grammar, const std::string& common = common_toml()) {
  std::vector<GrammarError> errors;
  auto set = aj::recognize::load_grammar_texts({{"_common.toml", common}, {"t.toml", grammar}}, &errors);
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.text());
  CHECK(set.has_value() == errors.empty());
  return out;
}

std::string one_error(const std::string& grammar, const std::string& common = common_toml()) {
  auto errors = errors_of(grammar, common);
  REQUIRE_MESSAGE(errors.size() == 1, errors.size(), " errors");
  return errors[0];
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

// kGrammar with a [defines] table (after its top-level keys, where TOML wants it).
std::string with_defines(const std::string& defines, const std::string& grammar) {
  return replace(grammar, "\n[[section]]\nname = \"general\"", "\n[defines]\n" + defines + "\n[[section]]\nname = \"general\"");
}

// Every error, one a line.
std::string all_errors(const std::string& grammar) {
  std::string out;
  for (const auto& e : errors_of(grammar)) out += e + "\n";
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
// Shows the whole error when the part is not in it.
#define CHECK_HAS(text, part) CHECK_MESSAGE(has(text, part), text)


}  // namespace

TEST_CASE("grammar schema: the small grammar of these tests loads") { CHECK(errors_of(kGrammar).empty()); }

TEST_CASE("grammar schema: a value of the wrong shape is an error, not a crash (anywhere = [\"x\"])") {
  std::string e = one_error(std::string("anywhere = [\"x\"]\n") + kGrammar);
  CHECK_HAS(e, "t.toml:1: anywhere[0]: must be a table { field = …, label = … }, not a string");
}

TEST_CASE("grammar schema: a misspelt key says which key was meant") {
  std::string e = one_error(replace(kGrammar, "required = true", "requierd = true"));
  CHECK_HAS(e, "t.toml:7: section[0].fields[0].requierd: unknown key in field label; did you mean 'required'?");
  e = one_error(std::string(kGrammar) + "expect_result = false\n");
  CHECK_HAS(e, "t.toml:14: section[1].expect_result: unknown key in [[section]]; did you mean 'expect_results'?");
}

TEST_CASE("grammar schema: a value of the wrong type names the type it must be") {
  std::string e = one_error(replace(kGrammar, "required = true", "required = \"yes\""));
  CHECK_HAS(e, "t.toml:7: section[0].fields[0].required: must be true or false (without quotes), not a string");
  e = one_error(replace(kGrammar, "detect = ['^job description$']", "detect = '^job description$'"));
  CHECK_HAS(e, "t.toml:2: detect: must be an array of patterns");
}

TEST_CASE("grammar schema: a key in the wrong table says where it belongs") {
  std::string e = one_error(std::string(kGrammar) + "\n[preamble]\nexpect_results = false\n");
  CHECK_HAS(e, "t.toml:16: preamble.expect_results: unknown key in [preamble]; it belongs in [[section]]");
  // A tasks key in a list section, a list key in a tasks section.
  e = one_error(std::string(kGrammar) + "item_number = '\\d+'\n");
  CHECK_HAS(e, "section[1].item_number: only for sections with reader = 'list' (this one has reader = 'tasks')");
}

TEST_CASE("grammar schema: a pattern without the named groups its reader needs is an error") {
  std::string directive = read(fs::path(aj::test::grammars()) / "directive-kaskkiri.toml");
  std::vector<GrammarError> errors;
  auto set = aj::recognize::load_grammar_texts(
      {{"_common.toml", common_toml()},
       {"t.toml", kGrammar},
       {"d.toml", replace(directive, "range = '(?P<from>\\d+)\\s*(kuni|-|–)\\s*(?P<to>\\d+)|(?P<single>\\d+)'",
                          "range = '(\\d+)\\s*(kuni|-|–)\\s*(\\d+)|(\\d+)'")}},
      &errors);
  CHECK_FALSE(set);
  REQUIRE(errors.size() == 3);
  CHECK_HAS(errors[0].text(), "d.toml:30: range: needs the named group (?P<from>…) (its groups are 'from', 'to', 'single')");
  // Task numbers: the group `number`, first.
  std::string e = one_error(replace(kGrammar, "task_start = '{task_number}'", "task_start = '^(\\d+)\\.\\s+'"));
  CHECK_HAS(e, "section[1].task_start: needs the named group (?P<number>…)");
  e = one_error(replace(kGrammar, "task_start = '{task_number}'", "task_start = '^(x)?(?P<number>\\d+)\\.\\s+'"));
  CHECK_HAS(e, "must be the pattern's first group");
  // A group the reader does not read is a misspelling.
  e = one_error(std::string(kGrammar) + "\n[preamble]\napproval = ['kinnitatud (?P<datum>\\S+)']\n");
  CHECK_HAS(e, "preamble.approval[0]: the group (?P<datum>…) is not read; did you mean (?P<date>…)?");
}

TEST_CASE("grammar schema: a non-string in education.levels is an error, not a crash") {
  std::string common = replace(common_toml(), "['higher',              'kõrgharidus'],", "['higher', 3],");
  std::string e = one_error(kGrammar, common);
  CHECK_HAS(e, "_common.toml:");
  CHECK_HAS(e, "education.levels[4][1]: must be a pattern (a string in single quotes), not an integer");
  common = replace(common_toml(), "['higher',              'kõrgharidus'],", "[1, 'kõrgharidus'],");
  CHECK_HAS(one_error(kGrammar, common), "education.levels[4]: must be a pair ['name', 'pattern'] of two strings");
}

TEST_CASE("grammar schema: every mistake is reported at once, each with its line") {
  std::string g = replace(kGrammar, "required = true", "requierd = true");
  g = replace(g, "reader = \"tasks\"", "reader = \"task\"");
  g += "colour = 'blue'\n";
  auto errors = errors_of(g);
  REQUIRE(errors.size() == 3);
  CHECK_HAS(errors[0], "t.toml:7:");
  CHECK_HAS(errors[1], "t.toml:12: section[1].reader: must be one of 'fields', 'tasks', 'list', 'text', not 'task'; did you mean 'tasks'?");
  CHECK_HAS(errors[2], "t.toml:14: section[1].colour: unknown key in [[section]]");
}

TEST_CASE("grammar schema: what a reader needs beyond the schema is checked too") {
  CHECK(has(one_error(replace(kGrammar, "task_start = '{task_number}'", "")),
            "section[1].task_start: is missing: numbered tasks need task_start"));
  CHECK(has(one_error(std::string(kGrammar) + "task_marker = 'bullet'\n"), "is only for task_marker = 'number'"));
  CHECK(has(one_error(std::string(kGrammar) + "\n[[section]]\nname = \"r\"\nheading = 'rights'\nreader = \"list\"\n"),
            "section[2].field: is missing"));
  CHECK(has(one_error(replace(kGrammar, "field = \"title\"", "field = \"titel\"")),
            "section[0].fields[0].field: 'titel' is not a record field"));
}

TEST_CASE("grammar schema: defines are used as {name}, unknown and circular ones are errors") {
  CHECK(errors_of(with_defines("word = 'tasks|duties'\n",
                               replace(kGrammar, "heading = 'tasks'", "heading = '{section_number}?{word}'")))
            .empty());
  std::string e = one_error(replace(kGrammar, "heading = 'tasks'", "heading = '{section_numbr}tasks'"));
  CHECK_HAS(e, "section[1].heading: {section_numbr} is not defined in [defines]; did you mean {section_number}?");
  e = all_errors(with_defines("a = 'x{b}'\nb = '{a}'\n", kGrammar));
  CHECK_HAS(e, "t.toml:5: defines.a: {b} is defined in terms of itself (b → a → b)");
  e = one_error(with_defines("section_number = 'x'\n", kGrammar));
  CHECK_HAS(e, "t.toml:5: defines.section_number: is already defined in _common.toml");
  // The TOML trap: a table holds every key below it, so [defines] first swallows the file's keys.
  e = all_errors(std::string("[defines]\nword = 'x'\n") + kGrammar);
  CHECK_HAS(e, "defines.name: 'name' is a key of the file, not a define");
  // Repetitions and escaped braces are not defines.
  CHECK(errors_of(replace(kGrammar, "heading = 'tasks'", "heading = 'ta{1}sks\\{x\\}'")).empty());
}

TEST_CASE("grammar schema: the loader survives hostile bytes") {
  for (std::string bytes : {std::string(""), std::string("[[section]]\n[[section]]\n"), std::string("section = 3"),
                            std::string("name = 1\nsection = [[], {}, 'x']\n"), std::string("\x00\xff[", 3),
                            std::string("kind = 'directive'\nrange = 1\n"), std::string("vocabulary = { units = [] }"),
                            std::string("[defines]\n'1 x' = 2\n")}) {
    std::vector<GrammarError> errors;
    CHECK_FALSE(aj::recognize::load_grammar_texts({{"_common.toml", common_toml()}, {"t.toml", bytes}}, &errors));
    CHECK_FALSE(errors.empty());
  }
  std::vector<GrammarError> errors;
  CHECK_FALSE(aj::recognize::load_grammar_texts({{"_common.toml", "x = 1"}, {"t.toml", kGrammar}}, &errors));
  CHECK_HAS(errors.at(0).text(), "_common.toml:1: x: unknown key at the top of the file");
}

TEST_CASE("grammar schema: a grammar's [vocabulary] extends _common.toml for that grammar alone") {
  std::vector<GrammarError> errors;
  auto set = aj::recognize::load_grammar_texts(
      {{"_common.toml", common_toml()},
       {"t.toml", std::string(kGrammar) + "\n[vocabulary.languages]\nnames = [['en', 'english']]\n"
                                          "[vocabulary.positions]\nnone = '^(none|n/a)$'\n"},
       {"u.toml", replace(kGrammar, "name = \"test\"", "name = \"other\"")}},
      &errors);
  REQUIRE(set);
  const auto& own = *set->grammars[0].vocabulary;
  const auto& other = *set->grammars[1].vocabulary;
  CHECK(own.languages.size() == set->common.languages.size() + 1);
  CHECK(own.languages.front().first == "en");
  CHECK(RE2::PartialMatch("good english", *own.languages.front().second));
  CHECK(RE2::FullMatch("n/a", *own.none_marker));
  CHECK_FALSE(RE2::FullMatch("n/a", *other.none_marker));
  CHECK(other.languages.size() == set->common.languages.size());
}

namespace {

aj::layout::Line line(std::string text, double y, bool bullet = false, bool para_start = true) {
  aj::layout::Line l;
  l.page = 1;
  l.box = aj::Box{50, y, 300, y + 10};
  l.text = std::move(text);
  l.bullet = bullet;
  l.para_start = para_start;
  return l;
}

const aj::hyphen::Resolver& resolver() {
  static std::unique_ptr<aj::hyphen::Resolver> r = [] {
    std::string error;
    auto loaded = aj::hyphen::Resolver::load(&error);
    REQUIRE_MESSAGE(loaded, error);
    return loaded;
  }();
  return *r;
}

aj::layout::Layout english_job() {
  aj::layout::Layout l;
  l.pages.resize(1);
  double y = 50;
  for (auto [text, bullet] : std::vector<std::pair<std::string, bool>>{{"Job description", false},
                                                                       {"General", false},
                                                                       {"Position Analyst", false},
                                                                       {"Tasks", false},
                                                                       {"Collects the data", true},
                                                                       {"Writes the reports.", true}})
    l.lines.push_back(line(text, y += 20, bullet));
  return l;
}

}  // namespace

TEST_CASE("grammar schema: tasks marked by bullets have no number, priority breaks a tie, exclude rules out") {
  std::string bullets = replace(kGrammar, "task_start = '{task_number}'", "task_marker = 'bullet'\nexpect_results = false");
  std::vector<GrammarError> errors;
  auto set = aj::recognize::load_grammar_texts(
      {{"_common.toml", common_toml()},
       {"a.toml", bullets},
       {"b.toml", replace(bullets, "name = \"test\"", "name = \"preferred\"\npriority = 1")}},
      &errors);
  REQUIRE(set);
  aj::recognize::Recognizer recognizer(*set, resolver());
  const auto layout = english_job();
  auto record = recognizer.read_document(layout, {}, "job.pdf").records.at(0);
  CHECK(record.grammar == "preferred");   // a tie (same score), decided by priority, not by file name
  REQUIRE(record.tasks.size() == 2);
  CHECK_FALSE(record.tasks[0].number);
  CHECK(record.tasks[0].text == "Collects the data");
  CHECK(record.tasks[1].text == "Writes the reports.");
  CHECK(record.title == "Analyst");

  auto excluding = aj::recognize::load_grammar_texts(
      {{"_common.toml", common_toml()},
       {"a.toml", bullets},
       {"b.toml", replace(bullets, "name = \"test\"", "name = \"preferred\"\npriority = 1\nexclude = ['^job description$']")}},
      &errors);
  REQUIRE(excluding);
  CHECK(aj::recognize::Recognizer(*excluding, resolver()).read_document(layout, {}, "job.pdf").records.at(0).grammar == "test");
}

TEST_CASE("grammar schema: every key is documented in docs/grammars.md") {
  const std::string doc = read(fs::path(aj::test::source_dir()) / "docs" / "grammars.md");
  REQUIRE_FALSE(doc.empty());
  for (const auto* table : aj::recognize::schema::all_tables())
    for (const auto& key : table->keys) CHECK_MESSAGE(has(doc, "`" + key.name + "`"), table->name, ": ", key.name);
}

TEST_CASE("grammar schema: edit distance counts a swap of two letters as one") {
  using aj::recognize::schema::edit_distance;
  CHECK(edit_distance("requierd", "required") == 1);
  CHECK(edit_distance("expect_result", "expect_results") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(aj::recognize::schema::closest("colour", {"required", "heading"}).empty());
}

TEST_CASE("score: field-F1 counts units as shared/tools/score.py does") {
  using nlohmann::json;
  json truth = json::parse(R"({"source": {"file": "dir/a.pdf", "index": 1}, "title": "Analüütik",
    "rights": ["read", "write"], "contract_appendix": false,
    "tasks": [{"number": "2.1", "text": "One", "results": ["r1"]}, {"number": null, "text": "Two", "results": []}]})");
  json predicted = json::parse(R"({"source": {"file": "a.pdf", "index": 1}, "title": "  Analüütik ",
    "rights": ["read", "delete"], "contract_appendix": false,
    "tasks": [{"number": "9.9", "text": "Two", "results": []}, {"number": "2.1", "text": "One", "results": ["r1", "r2"]}]})");
  aj::recognize::Score score;
  score.add({truth}, {predicted});
  // As score.py prints it for the same two records: the numbered truth task
  // pairs with 2.1, the unnumbered one by position with 2.1 again, and the
  // predicted 9.9 is left over (an extra task text).
  const auto& f = score.fields();
  auto counts = [&](const char* field) {
    const auto& c = f.at(field);
    return std::vector<int>{c.tp, c.fp, c.fn};
  };
  CHECK(counts("title") == std::vector<int>{1, 0, 0});
  CHECK(counts("rights") == std::vector<int>{1, 1, 1});
  CHECK(counts("tasks.number") == std::vector<int>{1, 1, 0});
  CHECK(counts("tasks.results") == std::vector<int>{1, 3, 0});
  CHECK(counts("tasks.text") == std::vector<int>{1, 2, 1});
  CHECK(f.size() == 5);   // a false flag on both sides counts nothing
  CHECK(score.unpaired() == 0);
  CHECK(score.f1() == doctest::Approx(0.5263).epsilon(0.0001));
  CHECK(score.macro_f1() == doctest::Approx(0.5933).epsilon(0.0001));
}
