// test_report_mixed.cpp — `ametijuhend report` on a real import of a mixed
// folder: the seeds, every bad file, a directive that lists more appendices
// than it holds, and corpus/mixed/unassigned.pdf (text no field takes). The
// JSON report must name each bad file with its own code, the text report
// must carry the summary counts the database holds, and a record may be ok
// only when nothing but information was recorded against it.
#include <doctest/doctest.h>

#include "test_report_support.h"

namespace {

using aj::test::query;
using aj::test::report_file;
using aj::test::run_aj;
using aj::test::scalar;

// The codes of a JSON report's file entry.
std::vector<std::string> codes_of(const nlohmann::json* file) {
  std::vector<std::string> out;
  if (file)
    for (const auto& p : (*file)["problems"]) out.push_back(p["code"]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("report: json names every bad file of a mixed folder with its code") {
  const auto dir = aj::test::temp_dir("report-json");
  const auto db = aj::test::import_mixed(dir);
  REQUIRE(!db.empty());
  auto r = run_aj(dir, {"report", "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto report = nlohmann::json::parse(r.out);

  CHECK(has(codes_of(report_file(report, "truncated.pdf")), "pdf_damaged"));
  CHECK(has(codes_of(report_file(report, "encrypted.pdf")), "pdf_encrypted"));
  CHECK(has(codes_of(report_file(report, "not-a-pdf.pdf")), "not_a_pdf"));
  const auto* scanned = report_file(report, "scanned.pdf");
  REQUIRE(scanned);
  bool page_one = false;
  for (const auto& p : (*scanned)["problems"]) page_one = page_one || (p["code"] == "no_text_layer" && p["page"] == 1);
  CHECK(page_one);
  for (const char* bad : {"truncated.pdf", "encrypted.pdf", "not-a-pdf.pdf", "scanned.pdf"})
    CHECK_MESSAGE((report_file(report, bad) && (*report_file(report, bad))["status"] == "failed"), bad);
  const auto* unknown = report_file(report, "unknown-layout.pdf");
  REQUIRE(unknown);
  CHECK((*unknown)["status"] != "ok");
  CHECK(((*unknown)["status"] == "failed" || (*unknown)["status"] == "partial"));
  CHECK(!codes_of(unknown).empty());
  CHECK(has(codes_of(report_file(report, "2025-40-mismatch.pdf")), "directive_mismatch"));

  // The document with text no field takes: the problem has its page and box.
  const auto* unassigned = report_file(report, "unassigned.pdf");
  REQUIRE(unassigned);
  CHECK((*unassigned)["status"] == "partial");
  bool boxed = false;
  for (const auto& p : (*unassigned)["problems"])
    if (p["code"] == "text_unassigned")
      boxed = boxed || (p["page"] == 1 && p["box"].is_object() && p["box"]["x1"].get<double>() > p["box"]["x0"].get<double>() &&
              p["excerpt"].get<std::string>().find("ükski väli") != std::string::npos);
  CHECK(boxed);
  // The paragraph after the Üldosa table is text no field took, not part of the table's last value.
  bool after_table = false;
  for (const auto& p : (*unassigned)["problems"])
    after_table = after_table || (p["code"] == "text_unassigned" &&
                                  p["excerpt"].get<std::string>().find("tabeli järel") != std::string::npos);
  CHECK(after_table);
  for (const char* code : {"field_missing", "task_without_results", "value_invalid", "hyphen_uncertain"})
    CHECK_MESSAGE(has(codes_of(unassigned), code), code);

  // The seeds parse cleanly, so they are not in the list; the summary agrees with the database.
  for (const auto& f : report["files"]) CHECK(f["path"].get<std::string>().find("/pdfs/00") == std::string::npos);
  CHECK(report["summary"]["records"]["ok"] == std::stoi(scalar(db, "SELECT count(*) FROM records WHERE status = 'ok'")));
  CHECK(report["summary"]["records"]["failed"] ==
        std::stoi(scalar(db, "SELECT count(*) FROM records WHERE status = 'failed'")));
  CHECK(report["summary"]["files"]["total"] == std::stoi(scalar(db, "SELECT count(*) FROM files")));
  CHECK(report["summary"]["problems"]["total"] == std::stoi(scalar(db, "SELECT count(*) FROM problems")));

  // --out FILE writes the same JSON.
  auto to_file = run_aj(dir, {"report", "--db", db, "--format", "json", "--out", dir + "/report.json"});
  CHECK(to_file.code == 0);
  CHECK(to_file.out.empty());
  CHECK(aj::test::slurp(dir + "/report.json") == r.out);
}

TEST_CASE("report: the status is honest: an ok record has its required fields and no warning, error or unassigned text") {
  const auto dir = aj::test::temp_dir("report-honest");
  const auto db = aj::test::import_mixed(dir);
  REQUIRE(!db.empty());
  CHECK(scalar(db, "SELECT count(*) FROM v_problems WHERE status = 'ok' AND severity <> 'info'") == "0");
  CHECK(scalar(db, "SELECT count(*) FROM v_problems WHERE status = 'ok' AND code IN "
                   "('text_unassigned', 'field_missing', 'section_missing', 'hyphen_uncertain')") == "0");
  CHECK(scalar(db, "SELECT count(*) FROM records WHERE status = 'ok' AND (title IS NULL OR direct_manager IS NULL)") ==
        "0");
  CHECK(scalar(db, "SELECT status FROM records WHERE source_file = 'unassigned.pdf'") == "partial");
  CHECK(scalar(db, "SELECT special_conditions FROM records WHERE source_file = 'unassigned.pdf'") ==
        "Aruandeid koostab analüüsi- ja");
}

TEST_CASE("report: text has the summary counts, the codes' meanings and each file's problems") {
  const auto dir = aj::test::temp_dir("report-text");
  const auto db = aj::test::import_mixed(dir);
  REQUIRE(!db.empty());
  auto r = run_aj(dir, {"report", "--db", db});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string& text = r.out;
  INFO(text);
  auto count = [&](const std::string& sql) { return scalar(db, sql); };
  const std::string records = "records    " + count("SELECT count(*) FROM records") + " (ok " +
                              count("SELECT count(*) FROM records WHERE status = 'ok'") + ", partial " +
                              count("SELECT count(*) FROM records WHERE status = 'partial'") + ", failed " +
                              count("SELECT count(*) FROM records WHERE status = 'failed'") + ")";
  CHECK(text.find(records) != std::string::npos);
  CHECK(text.find("files      " + count("SELECT count(*) FROM files") + " (ok ") != std::string::npos);
  CHECK(text.find("problems   " + count("SELECT count(*) FROM problems") + " (error ") != std::string::npos);
  for (const char* code : {"pdf_damaged", "pdf_encrypted", "not_a_pdf", "no_text_layer", "text_unassigned"}) {
    const std::string meaning = std::string(aj::code_meaning(*aj::code_from_name(code)));
    CHECK_MESSAGE(text.find(meaning) != std::string::npos, code);
  }
  // Worst first: the failed files come before the partial ones.
  const auto truncated = text.find("failed  " + dir + "/pdfs/truncated.pdf");
  const auto unassigned = text.find("partial  " + dir + "/pdfs/unassigned.pdf");
  CHECK(truncated != std::string::npos);
  CHECK(unassigned != std::string::npos);
  CHECK(truncated < unassigned);
  CHECK(text.find("text_unassigned (p.1): text that no field took") != std::string::npos);
  CHECK(text.find("«See lõik on siia jäetud meelega") != std::string::npos);
  CHECK(text.find("no_text_layer (p.1)") != std::string::npos);
  CHECK(text.find("/pdfs/000_") == std::string::npos);   // clean seeds are not listed
}

TEST_CASE("report: errors as values: a missing database or an unwritable folder exit 1 with a message") {
  const auto dir = aj::test::temp_dir("report-errors");
  auto missing = run_aj(dir, {"report", "--db", dir + "/nothing.sqlite"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("does not exist") != std::string::npos);
  CHECK(!aj::test::fs::exists(dir + "/nothing.sqlite"));   // read-only: not created

  std::string error;
  const auto db = aj::test::make_archive(dir, {{"/nowhere/a.pdf", aj::Status::failed, {}, 0,
                                                {aj::Problem::make(aj::Code::pdf_damaged, 0, "damaged")}}},
                                         &error);
  REQUIRE_MESSAGE(!db.empty(), error);
  std::ofstream(dir + "/a-file") << "x";
  auto unwritable = run_aj(dir, {"report", "--db", db, "--format", "html", "--out", dir + "/a-file/report"});
  CHECK(unwritable.code == 1);
  CHECK(unwritable.err.find("cannot create") != std::string::npos);
  auto bad_format = run_aj(dir, {"report", "--db", db, "--format", "pdf"});
  CHECK(bad_format.code == 2);
}
