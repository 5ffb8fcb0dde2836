// test_report_html.cpp — the HTML report of the mixed folder, opened from
// disk in headless Chromium as a reader would: the index must show the
// counts (its text, and a screenshot that is not blank), the page of
// unassigned.pdf must show the rendered PDF page with the unassigned text
// outlined (a run of the outline colour in the screenshot), and the text of
// xss.pdf must stay text: escaped in the HTML, and no element made of it in
// the DOM Chromium builds. Without chromium these tests fail, saying so.
#include <doctest/doctest.h>

#include <regex>

#include "report/html.h"
#include "test_report_support.h"

namespace {

using aj::test::run_aj;
using aj::test::scalar;

// The outline colour of report/html.cpp (--outline: #ff00ff).
constexpr int kOutline[3] = {255, 0, 255};

struct Built {
  std::string dir, db, out;   // out: the report folder
};

Built build_report(const std::string& name) {
  Built b;
  b.dir = aj::test::temp_dir(name);
  b.db = aj::test::import_mixed(b.dir);
  REQUIRE(!b.db.empty());
  b.out = b.dir + "/report";
  auto r = run_aj(b.dir, {"report", "--db", b.db, "--format", "html", "--out", b.out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Wrote " + b.out + "/index.html") != std::string::npos);
  return b;
}

// The report page of the document stored with this file name.
std::string page_of(const Built& b, const std::string& file_name) {
  const std::string sha = scalar(b.db, "SELECT d.sha256 FROM documents d JOIN files f ON f.document_id = d.id "
                                       "WHERE f.path LIKE '%/" + file_name + "'");
  REQUIRE(sha.size() == 64);
  return b.out + "/files/" + sha.substr(0, 16) + ".html";
}

}  // namespace

TEST_CASE("report: the HTML index shows the counts, and its screenshot is not blank") {
  REQUIRE_MESSAGE(!aj::test::chromium_binary().empty(), aj::test::kNoChromium);
  const Built b = build_report("report-html-index");
  const std::string index = aj::test::slurp(b.out + "/index.html");
  const std::string files = scalar(b.db, "SELECT count(*) FROM files");
  const std::string records = scalar(b.db, "SELECT count(*) FROM records");
  const std::string failed = scalar(b.db, "SELECT count(*) FROM records WHERE status = 'failed'");
  CHECK(index.find("<h2>Files</h2><p class=\"total\">" + files + "</p>") != std::string::npos);
  CHECK(index.find("<h2>Records</h2><p class=\"total\">" + records + "</p>") != std::string::npos);
  CHECK(index.find("failed <b>" + failed + "</b>") != std::string::npos);
  for (const char* code : {"pdf_damaged", "pdf_encrypted", "not_a_pdf", "no_text_layer", "text_unassigned"})
    CHECK_MESSAGE(index.find("<code>" + std::string(code) + "</code>") != std::string::npos, code);
  // Worst first, each linking to its page, which exists.
  CHECK(index.find("truncated.pdf") < index.find("unassigned.pdf"));
  std::smatch m;
  std::string rest = index;
  int links = 0;
  const std::regex link("href=\"(files/[0-9a-f]{16}\\.html)\"");
  while (std::regex_search(rest, m, link)) {
    CHECK_MESSAGE(aj::test::fs::exists(b.out + "/" + m[1].str()), m[1].str());
    ++links;
    rest = m.suffix();
  }
  CHECK(links >= 8);
  // Self-contained: nothing fetched, no script.
  CHECK(index.find("<script") == std::string::npos);
  CHECK(index.find("http://") == std::string::npos);
  CHECK(index.find("https://") == std::string::npos);

  const std::string shot = b.dir + "/index.png";
  auto r = aj::test::run_chromium(b.dir, "--screenshot=" + shot, b.out + "/index.html");
  INFO(aj::test::tail(r.err));
  REQUIRE(r.code == 0);
  const auto px = aj::test::read_png(shot);
  REQUIRE_MESSAGE(px.error.empty(), px.error);
  CHECK(px.width == 1200);
  CHECK(aj::test::colour_count(px) > 20);                  // not blank
  CHECK(aj::test::longest_run(px, 0xc0, 0x18, 0x2b, 12) >= 20);   // a "failed" badge is drawn
}

TEST_CASE("report: the HTML page of a document outlines the text no field took, over the rendered page") {
  REQUIRE_MESSAGE(!aj::test::chromium_binary().empty(), aj::test::kNoChromium);
  const Built b = build_report("report-html-outline");
  const std::string page = page_of(b, "unassigned.pdf");
  const std::string html = aj::test::slurp(page);
  REQUIRE(!html.empty());
  const std::string stem = aj::test::fs::path(page).stem().string();
  CHECK(html.find("<img src=\"" + stem + "-p1.png\"") != std::string::npos);
  CHECK(aj::test::fs::exists(b.out + "/files/" + stem + "-p1.png"));
  CHECK(!aj::test::fs::exists(b.out + "/files/" + stem + "-p2.png"));   // only the pages with problems
  CHECK(html.find("class=\"box\"") != std::string::npos);
  CHECK(html.find("text that no field took") != std::string::npos);
  CHECK(html.find("Spetsialist (andmekvaliteet)") != std::string::npos);   // an extracted field

  // The rendered page image itself: a page of text.
  const auto image = aj::test::read_png(b.out + "/files/" + stem + "-p1.png");
  REQUIRE_MESSAGE(image.error.empty(), image.error);
  CHECK(image.width > 500);
  CHECK(aj::test::longest_run(image, kOutline[0], kOutline[1], kOutline[2]) == 0);   // the PNG is the page as is

  const std::string shot = b.dir + "/page.png";
  auto r = aj::test::run_chromium(b.dir, "--screenshot=" + shot, page);
  INFO(aj::test::tail(r.err));
  REQUIRE(r.code == 0);
  const auto px = aj::test::read_png(shot);
  REQUIRE_MESSAGE(px.error.empty(), px.error);
  // The outline: a long horizontal run of its colour (the box spans the stray paragraph's width).
  CHECK(aj::test::longest_run(px, kOutline[0], kOutline[1], kOutline[2]) >= 200);
  CHECK(aj::test::colour_count(px) > 20);
}

TEST_CASE("report: document text is escaped in the HTML and stays text in Chromium's DOM (xss.pdf)") {
  REQUIRE_MESSAGE(!aj::test::chromium_binary().empty(), aj::test::kNoChromium);
  const Built b = build_report("report-html-xss");
  const std::string page = page_of(b, "xss.pdf");
  const std::string html = aj::test::slurp(page);
  const std::string index = aj::test::slurp(b.out + "/index.html");
  for (const std::string* h : {&html, &index}) {
    CHECK(h->find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(h->find("<script") == std::string::npos);
    CHECK(h->find("onerror=") == std::string::npos);
    CHECK(h->find("<img src=x") == std::string::npos);
  }
  CHECK(html.find("&lt;img src&#61;x onerror&#61;alert(2)&gt;") != std::string::npos);
  // Every page the report wrote, not only these two.
  for (const auto& e : aj::test::fs::directory_iterator(b.out + "/files"))
    if (e.path().extension() == ".html") {
      const std::string any = aj::test::slurp(e.path().string());
      CHECK_MESSAGE(any.find("<script") == std::string::npos, e.path().string());
      CHECK_MESSAGE(any.find("onerror=") == std::string::npos, e.path().string());
    }

  auto dom = aj::test::run_chromium(b.dir, "--dump-dom", page);
  INFO(aj::test::tail(dom.err));
  REQUIRE(dom.code == 0);
  REQUIRE(dom.out.find("</html>") != std::string::npos);
  CHECK(dom.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);   // serialised as text
  CHECK(dom.out.find("<script") == std::string::npos);                                 // no element made
  CHECK(dom.out.find("onerror=\"") == std::string::npos);                              // no attribute made
  size_t images = 0;
  for (size_t at = dom.out.find("<img"); at != std::string::npos; at = dom.out.find("<img", at + 1)) ++images;
  CHECK(images == 1);   // the page image only
}

TEST_CASE("report: a document page links the PDF at the page, counts in the right plural and says what to do") {
  REQUIRE_MESSAGE(!aj::test::chromium_binary().empty(), aj::test::kNoChromium);
  const Built b = build_report("report-html-wording");
  const std::string page = page_of(b, "unassigned.pdf");
  auto dom = aj::test::run_chromium(b.dir, "--dump-dom", page);
  INFO(aj::test::tail(dom.err));
  REQUIRE(dom.code == 0);
  CHECK(dom.out.find("unassigned.pdf#page=1\"") != std::string::npos);   // open the PDF at the problem's page
  CHECK(dom.out.find("href=\"file://") != std::string::npos);
  CHECK(dom.out.find("What to do: ") != std::string::npos);
  CHECK(dom.out.find("ametijuhend explain FILE") != std::string::npos);
  CHECK(dom.out.find(" 1 errors") == std::string::npos);
  CHECK(dom.out.find(" 1 warnings") == std::string::npos);
  const std::string index = aj::test::slurp(b.out + "/index.html");
  CHECK(index.find("what to do") != std::string::npos);
  // No grammar's pattern is shown to a reviewer, in any page the report wrote.
  for (const auto& e : aj::test::fs::directory_iterator(b.out + "/files"))
    if (e.path().extension() == ".html") {
      const std::string any = aj::test::slurp(e.path().string());
      CHECK_MESSAGE(any.find("(heading /") == std::string::npos, e.path().string());
    }
}

TEST_CASE("report: html_escape escapes markup, quotes and '='") {
  CHECK(aj::report::html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(aj::report::html_escape("a & \"b\" 'c' x=y") == "a &amp; &quot;b&quot; &#39;c&#39; x&#61;y");
  CHECK(aj::report::html_escape("õäöü šž") == "õäöü šž");
}
