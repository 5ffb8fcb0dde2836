// test_report_render.cpp — the report's page renderer (report/render.h):
// pages drawn in a child process within memory, time and pixel limits, and
// a page the child cannot draw said as such while the others are drawn.
#include <doctest/doctest.h>


#include "report/render.h"
#include "test_store_support.h"

namespace {

using aj::report::render_pages;
using aj::report::RenderLimits;

std::string hostile(const std::string& name) { return aj::test::corpus("hostile/" + name); }

}  // namespace

TEST_CASE("render: pages are drawn in a child process, and the image of a huge page stays within the pixel limit") {
  auto dir = aj::test::temp_dir("render-pixels");
  const auto seed = render_pages(aj::test::seed_pdfs()[0], {1, 2, 9}, 90, dir, "seed");
  REQUIRE(seed.error.empty());
  CHECK(seed.page_count == 3);
  REQUIRE(seed.pages.size() == 2);   // page 9 is not in the PDF
  CHECK(seed.pages[0].error.empty());
  CHECK(seed.pages[0].width == 744);   // A4 at 90 dpi
  CHECK(seed.pages[0].scale == doctest::Approx(1.25));
  CHECK(aj::test::fs::file_size(dir + "/seed-p1.png") > 1000);

  RenderLimits limits;
  limits.max_pixels = 1e6;
  const auto huge = render_pages(hostile("mediabox-huge.pdf"), {1}, 90, dir, "huge", limits);
  REQUIRE(huge.pages.size() == 1);
  CHECK(huge.pages[0].error.empty());
  CHECK(huge.pages[0].width * huge.pages[0].height <= 1e6);
  CHECK(huge.pages[0].width > 900);
  CHECK(huge.pages[0].scale < 0.1);   // far below 90 dpi's 1.25 pixels a point
}

TEST_CASE("render: a renderer past its memory or time limit is named, and the report process lives on") {
  auto dir = aj::test::temp_dir("render-limits");
  RenderLimits starved;
  starved.memory_bytes = uint64_t{16} << 20;   // less than the process already has: every allocation fails
  const auto oom = render_pages(aj::test::seed_pdfs()[0], {1, 2}, 90, dir, "oom", starved);
  const std::string said = oom.error + (oom.pages.empty() ? "" : oom.pages[0].error);
  CHECK(said.find("ran out of the report's memory limit of 16 MiB") != std::string::npos);

  RenderLimits hurried;
  hurried.page_seconds = 1e-6;
  const auto slow = render_pages(aj::test::seed_pdfs()[0], {1}, 90, dir, "slow", hurried);
  const std::string told = slow.error + (slow.pages.empty() ? "" : slow.pages[0].error);
  CHECK(told.find("took longer than the report's limit") != std::string::npos);

  // The process that asked is unharmed and draws the page under the default limits.
  const auto again = render_pages(aj::test::seed_pdfs()[0], {1}, 90, dir, "again");
  REQUIRE(again.pages.size() == 1);
  CHECK(again.pages[0].error.empty());
}
