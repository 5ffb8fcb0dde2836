// test_report_codes.cpp — the report over a hand-made archive, so that every
// problem code appears, including those no committed PDF can cause (a file
// that cannot be read, a parse that timed out, a worker killed by a signal,
// a list that could not be split): each must be reported with its one line
// of meaning, its page and its excerpt. Also what keeps the text short for
// a large archive (repeated problems said once, at most N problems per file,
// at most M files) and what the HTML page says when the PDF is gone.
#include <doctest/doctest.h>

#include <regex>

#include "report/format.h"
#include "report/report.h"
#include "store/database.h"
#include "test_report_support.h"

namespace {

using aj::Code;
using aj::Problem;
using aj::Status;
using aj::test::MadeDocument;
using aj::test::run_aj;

// One document per code, each with its problem on page 2 (file-level codes: no page).
std::vector<MadeDocument> one_per_code() {
  std::vector<MadeDocument> docs;
  for (Code c : aj::all_codes()) {
    const std::string name(aj::code_name(c));
    const bool file_level = c <= Code::worker_crashed && c != Code::no_text_layer;
    std::string message = "about " + name;
    if (c == Code::worker_crashed) message = "the worker parsing it died of signal 11 (SIGSEGV)";
    if (c == Code::timed_out) message = "still parsing after 60 s; stopped";
    std::optional<aj::Box> box;
    if (c == Code::text_unassigned) box = aj::Box{70, 90, 400, 120};
    MadeDocument d;
    d.path = "/nowhere/" + name + ".pdf";
    d.status = aj::default_severity(c) == aj::Severity::error ? Status::failed : Status::partial;
    d.title = d.status == Status::failed ? aj::Text() : aj::Text("Ametikoht " + name);
    d.pages = file_level ? 0 : 3;
    d.problems.push_back(Problem::make(c, file_level ? 0 : 2, message, "excerpt of " + name, box));
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace

TEST_CASE("report: every problem code is reported with its meaning, page and excerpt") {
  const auto dir = aj::test::temp_dir("report-codes");
  std::string error;
  const auto db = aj::test::make_archive(dir, one_per_code(), &error);
  REQUIRE_MESSAGE(!db.empty(), error);
  const std::string before = aj::test::slurp(db);

  auto r = run_aj(dir, {"report", "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto report = nlohmann::json::parse(r.out);
  REQUIRE(report["codes"].size() == aj::all_codes().size());
  for (Code c : aj::all_codes()) {
    const std::string name(aj::code_name(c));
    CAPTURE(name);
    bool listed = false;
    for (const auto& k : report["codes"])
      if (k["code"] == name)
        listed = k["meaning"] == std::string(aj::code_meaning(c)) && k["problems"] == 1 && k["files"] == 1 &&
                 k["severity"] == std::string(aj::severity_name(aj::default_severity(c)));
    CHECK(listed);
    const auto* file = aj::test::report_file(report, name + ".pdf");
    REQUIRE(file);
    REQUIRE((*file)["problems"].size() == 1);
    const auto& p = (*file)["problems"][0];
    CHECK(p["code"] == name);
    CHECK(p["excerpt"] == "excerpt of " + name);
    CHECK((*file)["file"]["exists"] == false);
    // Each record carries its stable key, the one `show` takes.
    const std::string key = (*file)["records"][0]["record_key"];
    CHECK(key == (*file)["sha256"].get<std::string>().substr(0, 12) + "-1");
    if (c == Code::text_unassigned) {
      CHECK(p["page"] == 2);
      CHECK(p["box"]["x0"] == 70.0);
      CHECK(p["box"]["y1"] == 120.0);
    } else {
      CHECK(p["box"].is_null());
    }
    if (c == Code::no_text_layer || c == Code::directive_mismatch) CHECK(p["page"] == 2);
    if (c == Code::pdf_encrypted || c == Code::worker_crashed) CHECK(p["page"].is_null());
  }
  // Errors first: every failed document comes before every partial one.
  bool seen_partial = false;
  for (const auto& f : report["files"]) {
    if (f["status"] == "partial") seen_partial = true;
    if (f["status"] == "failed") CHECK_FALSE(seen_partial);
  }

  auto text = run_aj(dir, {"report", "--db", db});
  REQUIRE(text.code == 0);
  INFO(text.out);
  for (Code c : aj::all_codes()) {
    CHECK_MESSAGE(text.out.find(std::string(aj::code_meaning(c))) != std::string::npos, aj::code_name(c));
    CHECK_MESSAGE(text.out.find("/nowhere/" + std::string(aj::code_name(c)) + ".pdf") != std::string::npos,
                  aj::code_name(c));
  }
  CHECK(text.out.find("worker_crashed: the worker parsing it died of signal 11 (SIGSEGV)") != std::string::npos);
  CHECK(text.out.find("text_unassigned (p.2): about text_unassigned  «excerpt of text_unassigned»") !=
        std::string::npos);
  // One file per code: failed when its code is an error, partial otherwise.
  size_t errors = 0;
  for (Code c : aj::all_codes()) errors += aj::default_severity(c) == aj::Severity::error;
  const size_t files = aj::all_codes().size();
  CHECK(text.out.find("files      " + std::to_string(files) + " (ok 0, partial " + std::to_string(files - errors) +
                      ", failed " + std::to_string(errors) + ")") != std::string::npos);

  CHECK(aj::test::slurp(db) == before);   // read-only
}

TEST_CASE("report: text says a repeated problem once and shows at most N problems per file") {
  const auto dir = aj::test::temp_dir("report-limits");
  std::vector<MadeDocument> docs;
  for (int i = 0; i < 12; ++i)
    docs.push_back({"/archive/locked-" + std::to_string(100 + i) + ".pdf", Status::failed, {}, 0,
                    {Problem::make(Code::pdf_encrypted, 0, "the PDF is locked with a user password")}});
  MadeDocument many{"/archive/many.pdf", Status::partial, std::string("Ekspert"), 4, {}};
  for (int i = 1; i <= 9; ++i)
    many.problems.push_back(Problem::make(Code::text_unassigned, i % 4 + 1, "stray text " + std::to_string(i),
                                          "line " + std::to_string(i), aj::Box{50, 50.0 * i, 300, 50.0 * i + 12}));
  many.problems.push_back(Problem::make(Code::field_missing, 0, "field 'purpose' of section 'general' not found"));
  docs.push_back(many);
  for (int i = 0; i < 5; ++i)
    docs.push_back({"/archive/partial-" + std::to_string(i) + ".pdf", Status::partial, std::string("Spetsialist"), 2,
                    {Problem::make(Code::task_without_results, 1, "task 2." + std::to_string(i) + " has no results")}});
  std::string error;
  const auto db = aj::test::make_archive(dir, docs, &error);
  REQUIRE_MESSAGE(!db.empty(), error);

  auto r = run_aj(dir, {"report", "--db", db});
  REQUIRE(r.code == 0);
  const std::string& text = r.out;
  INFO(text);
  // The 12 locked files: one line with the count and the first three names.
  CHECK(text.find("12 files: error pdf_encrypted: the PDF is locked with a user password\n"
                  "      /archive/locked-100.pdf, /archive/locked-101.pdf, /archive/locked-102.pdf … and 9 more\n") !=
        std::string::npos);
  CHECK(text.find("failed  /archive/locked-") == std::string::npos);   // not listed again, one by one
  CHECK(text.find("12 files have only repeated problems") != std::string::npos);
  // many.pdf: its field_missing first (only warnings: stored order), then up to 5 in all, and the rest counted.
  const auto many_at = text.find("partial  /archive/many.pdf  — Ekspert");
  REQUIRE(many_at != std::string::npos);
  const auto block = text.substr(many_at, text.find("\n\n", many_at) - many_at);
  size_t lines = 0;
  for (size_t at = block.find("\n  warning"); at != std::string::npos; at = block.find("\n  warning", at + 1)) ++lines;
  CHECK(lines == 5);
  CHECK(block.find("  … and 5 more") != std::string::npos);
  // Worst first among the partial ones: many.pdf (10 warnings) before the one-warning files.
  CHECK(many_at < text.find("partial  /archive/partial-0.pdf"));

  auto capped = run_aj(dir, {"report", "--db", db, "--max-files", "2", "--max-problems", "0"});
  REQUIRE(capped.code == 0);
  CHECK(capped.out.find("(the first 2)") != std::string::npos);
  CHECK(capped.out.find("… and 4 more files with problems") != std::string::npos);
  CHECK(capped.out.find("stray text 9") != std::string::npos);   // --max-problems 0: all of them

  auto json = nlohmann::json::parse(run_aj(dir, {"report", "--db", db, "--format", "json"}).out);
  REQUIRE(json["repeated"].size() == 1);
  CHECK(json["repeated"][0]["files"] == 12);
  CHECK(json["repeated"][0]["paths"].size() == 12);
  CHECK(json["files"].size() == 18);   // JSON has every file
}

TEST_CASE("report: the HTML page says when the PDF is gone, and outlines boxes where it is not") {
  const auto dir = aj::test::temp_dir("report-gone");
  const std::string kept = dir + "/kept.pdf", gone = dir + "/gone.pdf";
  aj::test::fs::copy_file(aj::test::corpus("seeds/000_eaa2ca7fc8e25303.a.pdf"), kept);
  aj::test::fs::copy_file(aj::test::corpus("seeds/001_ada39cec4ddc1188.a.pdf"), gone);
  std::string error;
  const auto db = aj::test::make_archive(
      dir,
      {{kept, Status::partial, std::string("Ekspert <b>"), 3,
        {Problem::make(Code::text_unassigned, 2, "text that no field took (1 lines)", "stray",
                       aj::Box{59.5, 84.2, 297.5, 126.3})}},
       {gone, Status::partial, std::string("Talituse juhataja"), 4,
        {Problem::make(Code::list_unsplit, 1, "cannot split the list", "a, b ja c")}}},
      &error);
  REQUIRE_MESSAGE(!db.empty(), error);
  aj::test::fs::remove(gone);

  const std::string out = dir + "/report";
  auto r = run_aj(dir, {"report", "--db", db, "--format", "html", "--out", out, "--dpi", "72"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("no longer at " + gone) != std::string::npos);
  const std::string gone_page =
      aj::test::slurp(out + "/files/" + aj::sha256_hex(gone).substr(0, 16) + ".html");
  CHECK(gone_page.find("The PDF is gone.") != std::string::npos);
  CHECK(gone_page.find(gone) != std::string::npos);
  CHECK(gone_page.find("<img") == std::string::npos);
  CHECK(gone_page.find("cannot split the list") != std::string::npos);

  const std::string stem = aj::sha256_hex(kept).substr(0, 16);
  const std::string kept_page = aj::test::slurp(out + "/files/" + stem + ".html");
  CHECK(kept_page.find("Ekspert &lt;b&gt;") != std::string::npos);
  CHECK(kept_page.find("<img src=\"" + stem + "-p2.png\"") != std::string::npos);
  // At 72 dpi a point is a pixel: the box (padded by 2 pt) in percent of the 595.3 × 841.9 pt page.
  std::smatch m;
  REQUIRE(std::regex_search(kept_page, m, std::regex("class=\"box\" style=\"left:([0-9.]+)%;top:([0-9.]+)%;width:([0-9.]+)%")));
  const auto image = aj::test::read_png(out + "/files/" + stem + "-p2.png");
  REQUIRE_MESSAGE(image.error.empty(), image.error);
  CHECK(std::stod(m[1]) == doctest::Approx(100 * 57.5 / image.width).epsilon(0.01));
  CHECK(std::stod(m[2]) == doctest::Approx(100 * 82.2 / image.height).epsilon(0.01));
  CHECK(std::stod(m[3]) == doctest::Approx(100 * 242.0 / image.width).epsilon(0.01));
  CHECK(!aj::test::fs::exists(out + "/files/" + stem + "-p1.png"));

  // A second report into the same folder removes what the first wrote and this one does not.
  std::ofstream(out + "/files/stale-p1.png") << "old";
  REQUIRE(run_aj(dir, {"report", "--db", db, "--format", "html", "--out", out}).code == 0);
  CHECK(!aj::test::fs::exists(out + "/files/stale-p1.png"));
  CHECK(aj::test::fs::exists(out + "/files/" + stem + "-p2.png"));
}

TEST_CASE("report: the model ranks documents worst first and counts by status") {
  const auto dir = aj::test::temp_dir("report-model");
  std::string error;
  const auto db = aj::test::make_archive(
      dir,
      {{"/a/ok.pdf", Status::ok, std::string("Ekspert"), 2, {}},
       {"/a/info.pdf", Status::partial, std::string("Ekspert"), 2,
        {Problem::make(Code::hyphen_uncertain, 1, "hyphen", "ana-ja")}},
       {"/a/two-warnings.pdf", Status::partial, std::string("Ekspert"), 2,
        {Problem::make(Code::field_missing, 0, "x"), Problem::make(Code::value_invalid, 1, "y")}},
       {"/a/one-warning.pdf", Status::partial, std::string("Ekspert"), 2, {Problem::make(Code::field_missing, 0, "x")}},
       {"/a/failed.pdf", Status::failed, {}, 0, {Problem::make(Code::pdf_damaged, 0, "damaged")}}},
      &error);
  REQUIRE_MESSAGE(!db.empty(), error);
  auto handle = aj::store::open_readonly(db, &error);
  REQUIRE_MESSAGE(handle, error);
  auto report = aj::report::load(*handle, db, {}, &error);
  REQUIRE_MESSAGE(report, error);
  std::vector<std::string> order;
  for (const auto& d : report->documents_with_problems) order.push_back(d.path());
  CHECK(order == std::vector<std::string>{"/a/failed.pdf", "/a/two-warnings.pdf", "/a/one-warning.pdf", "/a/info.pdf"});
  CHECK(report->files.ok == 1);
  CHECK(report->files.partial == 3);
  CHECK(report->files.failed == 1);
  CHECK(report->problems == 5);
  CHECK(report->errors == 1);
  CHECK(report->infos == 1);
  REQUIRE(!report->codes.empty());
  CHECK(report->codes.front().code == "pdf_damaged");   // errors first
  CHECK(report->codes.back().code == "hyphen_uncertain");
  CHECK(report->repeats.empty());   // field_missing "x" in 2 files: below the default of 3

  auto two = aj::report::load(*handle, db, aj::report::Options{2}, &error);
  REQUIRE(two);
  REQUIRE(two->repeats.size() == 1);
  CHECK(two->repeats[0].documents.size() == 2);

  CHECK(aj::report::clip("a\nb   c", 10) == "a b c");
  CHECK(aj::report::clip("õõõõõ", 3) == "õõõ…");
}
