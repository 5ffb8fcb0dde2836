// test_layout_furniture.cpp — `ametijuhend layout` sets aside the same page
// furniture as the import: both take the patterns of the grammars'
// _common.toml (pipeline/layout_options.h). Checked on a seed with an
// "Lk N / M" footer, and with a grammar folder whose own pattern (written in
// lower case: grammar patterns ignore case) takes a letterhead's name.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "layout/layout.h"
#include "pipeline/pipeline.h"
#include "test_store_support.h"

namespace {

using Furniture = std::set<std::pair<int, std::string>>;   // page, text

// What `ametijuhend layout --format json` sets aside.
Furniture furniture_of_command(const std::string& dir, const std::string& pdf, const std::string& grammars) {
  auto r = aj::test::run_aj(dir, {"layout", "--format", "json", "--grammars", grammars, pdf});
  INFO(r.err);
  REQUIRE(r.code == 0);
  Furniture out;
  const auto layout = nlohmann::json::parse(r.out);
  for (const auto& page : layout["pages"])
    for (const auto& line : page["furniture"]) out.insert({line["page"].get<int>(), line["text"].get<std::string>()});
  return out;
}

// What the pipeline (import, export) sets aside with the same grammars.
Furniture furniture_of_pipeline(const std::string& pdf, const std::string& grammars) {
  std::string error;
  auto pipeline = aj::pipeline::Pipeline::create(grammars, &error);
  REQUIRE_MESSAGE(pipeline, error);
  auto doc = pipeline->extractor().load_file(pdf);
  REQUIRE(doc.readable());
  Furniture out;
  for (const auto& page : aj::layout::analyse(doc, pipeline->layout_options()).pages)
    for (const auto& line : page.furniture) out.insert({line.page, line.text});
  return out;
}

}  // namespace

TEST_CASE("layout: the layout command sets aside the page footers the import does") {
  auto dir = aj::test::temp_dir("layout-furniture-seed");
  const std::string pdf = aj::test::corpus("seeds/000_eaa2ca7fc8e25303.b.pdf");
  const Furniture command = furniture_of_command(dir, pdf, aj::test::grammars());
  CHECK(command == Furniture{{1, "Lk 1 / 3"}, {2, "Lk 2 / 3"}, {3, "Lk 3 / 3"}});
  CHECK(command == furniture_of_pipeline(pdf, aj::test::grammars()));
}

TEST_CASE("layout: a grammar folder's own furniture pattern applies to the layout command and the import alike") {
  auto dir = aj::test::temp_dir("layout-furniture-grammars");
  const std::string grammars = dir + "/grammars";
  aj::test::fs::copy(aj::test::grammars(), grammars, aj::test::fs::copy_options::recursive);
  std::string common = aj::test::slurp(grammars + "/_common.toml");
  const auto at = common.find("furniture = [\n");
  REQUIRE(at != std::string::npos);
  common.insert(at + std::string("furniture = [\n").size(), "  'transpordiamet',\n");
  std::ofstream(grammars + "/_common.toml", std::ios::trunc) << common;

  const std::string pdf = aj::test::corpus("other/transpordiamet-hooldeinsener.pdf");
  const Furniture shipped = furniture_of_command(dir, pdf, aj::test::grammars());
  CHECK(shipped.count({1, "TRANSPORDIAMET"}) == 0);
  CHECK(shipped == furniture_of_pipeline(pdf, aj::test::grammars()));
  const Furniture own = furniture_of_command(dir, pdf, grammars);
  CHECK(own.count({1, "TRANSPORDIAMET"}) == 1);
  CHECK(own == furniture_of_pipeline(pdf, grammars));
}
