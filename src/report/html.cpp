// html.cpp — index.html and one page per document with problems, each a
// complete HTML file with its style sheet inline. Page images are rendered
// only for the pages a problem names (or the first page, for orientation,
// when none does); a problem with a box is outlined by an absolutely
// positioned element over the image, placed in percent of the image so it
// stays on its text at any width.
#include "report/html.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "core/bounds.h"
#include "core/wording.h"
#include "report/remedy.h"
#include "report/render.h"

namespace aj::report {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStyle = R"css(
:root { --ok: #1b7f3b; --partial: #b06500; --failed: #c0182b; --outline: #ff00ff; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 40px; font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       color: #1d1d1f; background: #f6f6f4; }
h1 { font-size: 22px; margin: 4px 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 22px 0 8px; }
h3 { font-size: 14px; margin: 14px 0 4px; }
a { color: #0b57a4; }
code, .path { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 4px; overflow-wrap: anywhere; }
.status, .sev { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: bold;
                color: #fff; vertical-align: middle; }
.status.ok { background: var(--ok); } .status.partial { background: var(--partial); } .status.failed { background: var(--failed); }
.sev.error { background: var(--failed); } .sev.warning { background: var(--partial); } .sev.info { background: #55708a; }
.cards { display: flex; gap: 16px; flex-wrap: wrap; margin: 12px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 230px; }
.card h2 { margin: 0 0 4px; font-size: 14px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.card .total { font-size: 30px; font-weight: bold; margin: 0; }
.card ul { list-style: none; margin: 4px 0 0; padding: 0; display: flex; gap: 14px; }
.card li b { font-size: 18px; }
.card li.ok b { color: var(--ok); } .card li.partial b { color: var(--partial); } .card li.failed b, .card li.error b { color: var(--failed); }
.card li.warning b { color: var(--partial); } .card li.info b { color: #55708a; }
table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #ecece8; font-size: 12.5px; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td .path { color: var(--muted); display: block; }
table.documents td.file { min-width: 240px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 20px; align-items: start; }
figure.page { margin: 0 0 20px; }
figure.page figcaption { font-weight: bold; margin-bottom: 4px; }
.sheet { position: relative; display: inline-block; line-height: 0; max-width: 100%; border: 1px solid #bbb;
         box-shadow: 0 1px 4px rgba(0,0,0,.15); background: #fff; }
.sheet img { display: block; max-width: 100%; height: auto; }
.box { position: absolute; border: 3px solid var(--outline); background: rgba(255,0,255,.08); }
.box span { position: absolute; left: -3px; top: -20px; line-height: 1; padding: 2px 5px; font-size: 12px;
            font-weight: bold; color: #fff; background: var(--outline); }
.notice { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 6px; padding: 10px 14px; }
.notice.gone { background: #fdecee; border-color: #e59aa4; }
aside section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 10px; margin-bottom: 16px; }
aside h2 { margin-top: 10px; }
dl { display: grid; grid-template-columns: 130px minmax(0, 1fr); gap: 2px 10px; margin: 6px 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
dd.none { color: #aaa; }
ol.problems { padding-left: 22px; margin: 6px 0; }
ol.problems li { margin-bottom: 10px; overflow-wrap: anywhere; }
ol.problems p { margin: 2px 0; }
blockquote { margin: 4px 0 0; padding: 4px 8px; background: #f3f3f0; border-left: 3px solid #bbb; font-size: 13px;
             overflow-wrap: anywhere; }
.outlined { color: #a000a0; font-weight: bold; }
.legend .swatch { display: inline-block; width: 14px; height: 10px; border: 3px solid var(--outline); vertical-align: middle; }
)css";

std::string page_head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n";
}

std::string status_badge(const std::string& status) {
  const std::string s = status == "ok" || status == "partial" ? status : "failed";
  return "<span class=\"status " + s + "\">" + html_escape(status) + "</span>";
}

std::string severity_badge(const std::string& severity) {
  const std::string s = severity == "warning" || severity == "info" ? severity : "error";
  return "<span class=\"sev " + s + "\">" + html_escape(severity) + "</span>";
}

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string human_size(int64_t bytes) {
  char buf[32];
  if (bytes < 1024) std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  else std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return buf;
}

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", std::clamp(v, 0.0, 100.0));
  return buf;
}

std::string counts_card(const char* heading, const StatusCounts& c) {
  std::ostringstream o;
  o << "<div class=\"card\"><h2>" << heading << "</h2><p class=\"total\">" << c.total() << "</p><ul>"
    << "<li class=\"ok\">ok <b>" << c.ok << "</b></li><li class=\"partial\">partial <b>" << c.partial
    << "</b></li><li class=\"failed\">failed <b>" << c.failed << "</b></li></ul></div>\n";
  return o.str();
}

bool write_file(const fs::path& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

// ---- index.html ------------------------------------------------------------

std::string index_page(const Report& r) {
  std::ostringstream o;
  o << page_head("Failure report — " + r.database) << "<body>\n<header>\n<h1>Failure report</h1>\n"
    << "<p class=\"meta\">Database <code>" << html_escape(r.database) << "</code>"
    << (r.last_import ? " · last import " + html_escape(*r.last_import) : "")
    << " · <a href=\"org.html\">org chart</a></p>\n</header>\n";

  o << "<section class=\"cards\">\n" << counts_card("Files", r.files);
  if (r.documents.total() != r.files.total()) o << counts_card("Documents", r.documents);
  o << counts_card("Records", r.records);
  o << "<div class=\"card\"><h2>Problems</h2><p class=\"total\">" << r.problems << "</p><ul>"
    << "<li class=\"error\">error <b>" << r.errors << "</b></li><li class=\"warning\">warning <b>" << r.warnings
    << "</b></li><li class=\"info\">info <b>" << r.infos << "</b></li></ul></div>\n</section>\n";

  if (r.documents_with_problems.empty()) {
    o << "<p>Nothing went wrong: every record is ok and no problem was recorded.</p>\n</body>\n</html>\n";
    return o.str();
  }

  o << "<section>\n<h2>Problems by code</h2>\n<table class=\"codes\">\n<thead><tr><th>severity</th><th>code</th>"
       "<th>meaning</th><th>what to do</th><th class=\"n\">problems</th><th class=\"n\">files</th></tr></thead>\n<tbody>\n";
  for (const auto& c : r.codes)
    o << "<tr><td>" << severity_badge(c.severity) << "</td><td><code>" << html_escape(c.code) << "</code></td><td>"
      << html_escape(c.meaning) << "</td><td class=\"todo\">" << html_escape(what_to_do(c.code, ""))
      << "</td><td class=\"n\">" << c.problems << "</td><td class=\"n\">" << c.documents
      << "</td></tr>\n";
  o << "</tbody>\n</table>\n</section>\n";

  if (!r.repeats.empty()) {
    o << "<section>\n<h2>Repeated problems</h2>\n<p class=\"meta\">The same code and message in several files.</p>\n"
         "<table class=\"repeats\">\n<thead><tr><th class=\"n\">files</th><th>problem</th><th>first files</th></tr>"
         "</thead>\n<tbody>\n";
    for (const auto& rep : r.repeats) {
      o << "<tr><td class=\"n\">" << rep.documents.size() << "</td><td>" << severity_badge(rep.severity) << " <code>"
        << html_escape(rep.code) << "</code> " << html_escape(rep.message) << "</td><td>";
      const size_t shown = std::min<size_t>(rep.documents.size(), 5);
      for (size_t i = 0; i < shown; ++i)
        if (const auto* d = r.find(rep.documents[i]))
          o << (i ? ", " : "") << "<a href=\"files/" << document_stem(*d) << ".html\">"
            << html_escape(file_name(d->path())) << "</a>";
      if (rep.documents.size() > shown) o << " … and " << rep.documents.size() - shown << " more";
      o << "</td></tr>\n";
    }
    o << "</tbody>\n</table>\n</section>\n";
  }

  o << "<section>\n<h2>Documents with problems, worst first</h2>\n<table class=\"documents\">\n<thead><tr>"
       "<th class=\"n\">#</th><th>status</th><th>file</th><th>title</th><th class=\"n\">pages</th>"
       "<th class=\"n\">errors</th><th class=\"n\">warnings</th><th class=\"n\">info</th><th>codes</th></tr></thead>\n"
       "<tbody>\n";
  int n = 0;
  for (const auto& d : r.documents_with_problems) {
    std::string title;
    for (const auto& rec : d.records)
      if (rec.title) title += (title.empty() ? "" : "; ") + *rec.title;
    std::vector<std::string> codes;
    for (const auto& p : d.problems)
      if (std::find(codes.begin(), codes.end(), p.code) == codes.end()) codes.push_back(p.code);
    o << "<tr><td class=\"n\">" << ++n << "</td><td>" << status_badge(d.status) << "</td><td class=\"file\"><a href=\"files/"
      << document_stem(d) << ".html\">" << html_escape(file_name(d.path())) << "</a><span class=\"path\">"
      << html_escape(d.path()) << "</span></td><td>" << html_escape(clip(title, 120)) << "</td><td class=\"n\">"
      << (d.pages ? std::to_string(d.pages) : "—") << "</td><td class=\"n\">" << d.errors << "</td><td class=\"n\">" << d.warnings
      << "</td><td class=\"n\">" << d.infos << "</td><td>";
    for (size_t i = 0; i < codes.size(); ++i) o << (i ? ", " : "") << "<code>" << html_escape(codes[i]) << "</code>";
    o << "</td></tr>\n";
  }
  o << "</tbody>\n</table>\n</section>\n</body>\n</html>\n";
  return o.str();
}

// ---- org.html ------------------------------------------------------------------

// One position of the list form: title, unit, key, and the manager when it
// is not the position above.
void org_item(std::ostream& o, const OrgPosition& p) {
  o << html_escape(p.title);
  if (p.structural_unit) o << " <span class=\"meta\">— " << html_escape(*p.structural_unit) << "</span>";
  o << " <code>" << html_escape(p.record_key) << "</code>";
}

// The chart as nested lists (report/org_chart.h's tree, in HTML).
void org_list(std::ostream& o, const OrgChart& chart) {
  const OrgTree tree = org_tree(chart);
  const auto& [shown, children, roots] = tree;
  std::set<std::string> done;
  // Iterative, so a deep chart cannot exhaust the stack: "<" opens a list, ">" closes one.
  std::vector<std::variant<const OrgPosition*, char>> stack;
  o << "<ul class=\"org\">\n";
  for (auto r = roots.rbegin(); r != roots.rend(); ++r) stack.push_back(*r);
  auto walk = [&] {
    while (!stack.empty()) {
      auto top = stack.back();
      stack.pop_back();
      if (std::holds_alternative<char>(top)) {
        o << "</ul></li>\n";
        continue;
      }
      const OrgPosition* p = std::get<const OrgPosition*>(top);
      if (!done.insert(p->record_key).second) continue;
      o << "<li>";
      org_item(o, *p);
      if (p->manager_name && !(p->manager_key && shown.count(*p->manager_key)))
        o << " <span class=\"meta\">(manager: " << html_escape(*p->manager_name)
          << (p->how && *p->how == "approval_authority" ? ", the approver" : ", no job description") << ")</span>";
      auto it = children.find(p->record_key);
      if (it == children.end()) {
        o << "</li>\n";
        continue;
      }
      o << "\n<ul>\n";
      stack.push_back('>');
      for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) stack.push_back(*c);
    }
  };
  walk();
  for (const OrgPosition& p : chart.positions)   // on a manager cycle: no root leads there
    if (!done.count(p.record_key)) {
      stack.push_back(&p);
      walk();
    }
  o << "</ul>\n";
}

// org.html: the chart as SVG (Graphviz, when installed) or as a list, and
// what the records say about each other that disagrees.
std::string org_page(const Report& r, const std::string& svg_file, const std::string& svg_note) {
  std::ostringstream o;
  o << page_head("Org chart — " + r.database) << "<body>\n<nav><a href=\"index.html\">← failure report</a></nav>\n"
    << "<header>\n<h1>Org chart</h1>\n<p class=\"meta\">Each job description in force under its manager's, as "
       "<code>v_org_edges</code> resolves the names (same unit, then department, then agency).</p>\n</header>\n";
  if (!r.org_error.empty()) {
    o << "<p>The org chart could not be read: " << html_escape(r.org_error) << "</p>\n</body>\n</html>\n";
    return o.str();
  }
  if (r.org.positions.empty()) {
    o << "<p>No job description in force.</p>\n</body>\n</html>\n";
    return o.str();
  }
  o << "<section>\n";
  if (!svg_file.empty())
    o << "<p><img src=\"" << html_escape(svg_file) << "\" alt=\"org chart\" style=\"max-width: 100%\"></p>\n"
      << "<details><summary>as a list</summary>\n";
  else
    o << "<p class=\"meta\">" << html_escape(svg_note) << "; the chart as a list:</p>\n";
  org_list(o, r.org);
  if (!svg_file.empty()) o << "</details>\n";
  o << "</section>\n<section>\n<h2>What disagrees</h2>\n";
  if (r.org.problems.empty()) {
    o << "<p>Nothing: every substitution is stated by both sides, every manager has a job description.</p>\n";
  } else {
    o << "<table class=\"codes\">\n<thead><tr><th>kind</th><th>position</th><th>what</th></tr></thead>\n<tbody>\n";
    for (const OrgProblem& p : r.org.problems)
      o << "<tr><td><code>" << html_escape(p.kind) << "</code></td><td>" << html_escape(p.title.value_or(""))
        << " <code>" << html_escape(p.record_key) << "</code></td><td>" << html_escape(p.detail) << "</td></tr>\n";
    o << "</tbody>\n</table>\n";
  }
  o << "</section>\n</body>\n</html>\n";
  return o.str();
}

// ---- one document's page -----------------------------------------------------

// The record's fields as the registry lists them (RecordRow::fields).
void record_fields(std::ostream& o, const RecordRow& r, bool several) {
  if (several)
    o << "<h3>Record " << r.index << (r.appendix ? " (" + html_escape(*r.appendix) + ")" : "") << "</h3>";
  if (r.nothing_extracted()) {
    o << "<p>" << status_badge(r.status) << " Nothing was extracted"
      << (r.grammar.empty() ? " (no grammar matched)" : " (grammar " + html_escape(r.grammar) + ")") << ".</p>\n";
    return;
  }
  o << "<dl>";
  o << "<dt>status</dt><dd>" << status_badge(r.status) << "</dd>";
  o << "<dt>record key</dt><dd><code>" << html_escape(r.record_key) << "</code></dd>";
  o << "<dt>grammar</dt>"
    << (r.grammar.empty() ? "<dd class=\"none\">none matched</dd>" : "<dd>" + html_escape(r.grammar) + "</dd>");
  o << "<dt>pages</dt><dd>" << r.page_first << (r.page_last != r.page_first ? "–" + std::to_string(r.page_last) : "")
    << "</dd>";
  for (const FieldValue& f : r.fields) {
    o << "<dt>" << html_escape(std::string(f.field->label)) << "</dt>";
    if (f.count)
      o << "<dd" << (*f.count ? "" : " class=\"none\"") << ">" << *f.count << html_escape(f.detail) << "</dd>";
    else if (f.text)
      o << "<dd>" << html_escape(clip(*f.text, 300)) << "</dd>";
    else
      o << "<dd class=\"none\">—</dd>";
  }
  o << "</dl>\n";
}

struct DocPage {
  std::string html;
  int64_t images = 0;
  std::string note;   // why pages could not be shown, if so
};

// file:///…/a%20b.pdf#page=3: a PDF viewer (a browser's among them) opens it at the page.
std::string pdf_url(const std::string& path, int page) {
  static const char* hex = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') url += static_cast<char>(c);
    else url += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return url + "#page=" + std::to_string(page);
}

// The grammar of the record a problem belongs to ("" for the directive's own).
std::string record_grammar(const DocumentEntry& d, const ProblemRow& p) {
  for (const auto& rec : d.records)
    if (rec.index == p.record_index && p.record_id != 0) return rec.grammar;
  return "";
}

DocPage document_page(const DocumentEntry& d, const fs::path& files_dir, const HtmlOptions& options,
                      std::set<std::string>* written) {
  DocPage out;
  const std::string stem = document_stem(d);
  std::ostringstream o;
  o << page_head(file_name(d.path()) + " — failure report") << "<body class=\"document\">\n"
    << "<nav><a href=\"../index.html\">← all documents</a></nav>\n<header>\n<h1>"
    << html_escape(file_name(d.path())) << " " << status_badge(d.status) << "</h1>\n";
  o << "<p class=\"meta\"><span class=\"path\">" << html_escape(d.path()) << "</span></p>\n";
  for (size_t i = 1; i < d.paths.size(); ++i)
    o << "<p class=\"meta\">also at <span class=\"path\">" << html_escape(d.paths[i]) << "</span></p>\n";
  o << "<p class=\"meta\">" << d.pages << (d.pages == 1 ? " page" : " pages") << " · " << human_size(d.size)
    << " · SHA-256 <code>" << html_escape(d.sha256) << "</code> · " << plural(d.errors, "error", "errors") << ", "
    << plural(d.warnings, "warning", "warnings") << ", " << d.infos << " info";
  if (d.file.exists)
    o << " · <a class=\"pdf\" href=\"" << html_escape(pdf_url(d.file.path, 1)) << "\">open the PDF</a>";
  o << "</p>\n";
  if (d.pdf_title) o << "<p class=\"meta\">PDF title: " << html_escape(clip(*d.pdf_title, 200)) << "</p>\n";
  o << "</header>\n";

  // Which pages to show: those a problem names; else the first, for orientation.
  std::vector<int> pages;
  for (const auto& p : d.problems)
    if (p.page > 0 && std::find(pages.begin(), pages.end(), p.page) == pages.end())
      pages.push_back(p.page);
  std::sort(pages.begin(), pages.end());
  // A document with problems on a thousand pages shows the first few; the
  // rest are named, and their problems are listed on the right all the same.
  std::vector<int> not_shown;
  if (pages.size() > options.max_pages_shown) {
    not_shown.assign(pages.begin() + static_cast<std::ptrdiff_t>(options.max_pages_shown), pages.end());
    pages.resize(options.max_pages_shown);
  }
  const bool orientation = pages.empty();
  if (orientation && d.pages > 0) pages.push_back(1);

  o << "<div class=\"columns\">\n<main class=\"pages\">\n";
  if (pages.empty()) {
    o << "<p class=\"notice\">No page can be shown: no problem names a page, and the PDF had no readable page "
         "when it was imported (see the problems).</p>\n";
  } else if (!d.file.exists) {
    out.note = "the PDF is no longer at " + d.file.path;
    o << "<p class=\"notice gone\"><b>The PDF is gone.</b> It is no longer at <span class=\"path\">"
      << html_escape(d.file.path) << "</span>"
      << (d.paths.size() > 1 ? " nor at any other path it was imported from" : "")
      << ", so its pages cannot be shown here. The problems on the right are from the database.</p>\n";
  } else {
    if (d.file.changed)
      o << "<p class=\"notice\">The file at <span class=\"path\">" << html_escape(d.file.path)
        << "</span> has changed since it was imported (its size or modification time differ): the pages below "
           "may not match the problems. Import it again to refresh them.</p>\n";
    const Rendering rendering =
        render_pages(d.file.path, pages, options.dpi, files_dir.string(), stem, options.render);
    if (!rendering.error.empty()) {
      out.note = "cannot render " + d.file.path + ": " + rendering.error;
      o << "<p class=\"notice\">The pages cannot be shown: " << html_escape(rendering.error) << " (<span class=\"path\">"
        << html_escape(d.file.path) << "</span>).</p>\n";
    }
    if (rendering.pages.size() < pages.size() && rendering.error.empty())
      o << "<p class=\"notice\">Some problems name pages the PDF no longer has (it has " << rendering.page_count
        << ").</p>\n";
    bool any_box = false;
    for (const auto& p : d.problems) any_box = any_box || p.box;
    if (any_box)
      o << "<p class=\"legend meta\"><span class=\"swatch\"></span> outlines where a problem is on the page "
           "(text no field took, and other problems with a position); the number is the problem's on the "
           "right.</p>\n";
    for (const auto& rp : rendering.pages) {
      int on_page = 0;
      for (const auto& p : d.problems) on_page += p.page == rp.page;
      o << "<figure class=\"page\" id=\"page-" << rp.page << "\"><figcaption>Page " << rp.page << " of "
        << rendering.page_count
        << (orientation ? " (no problem names a page; shown for orientation)"
                        : " · " + std::to_string(on_page) + (on_page == 1 ? " problem" : " problems"))
        << "</figcaption>\n";
      if (!rp.error.empty()) {
        o << "<p class=\"notice\">" << html_escape(rp.error) << "</p></figure>\n";
        continue;
      }
      written->insert(rp.file);
      ++out.images;
      o << "<div class=\"sheet\"><img src=\"" << html_escape(rp.file) << "\" width=\"" << rp.width << "\" height=\""
        << rp.height << "\" alt=\"page " << rp.page << "\">";
      int number = 0;
      for (const auto& p : d.problems) {
        ++number;
        if (p.page != rp.page || !p.box) continue;
        constexpr double pad = 2.0;   // points around the text, so the outline does not cover it
        const double w = rp.width / rp.scale, h = rp.height / rp.scale;   // page size in points
        const double x0 = std::max(0.0, p.box->x0 - pad), y0 = std::max(0.0, p.box->y0 - pad);
        const double x1 = std::min(w, p.box->x1 + pad), y1 = std::min(h, p.box->y1 + pad);
        if (x1 <= x0 || y1 <= y0) continue;
        o << "<div class=\"box\" style=\"left:" << percent(100 * x0 / w) << ";top:" << percent(100 * y0 / h)
          << ";width:" << percent(100 * (x1 - x0) / w) << ";height:" << percent(100 * (y1 - y0) / h)
          << "\" title=\"" << number << ". " << html_escape(p.code) << ": " << html_escape(clip(p.message, 200))
          << "\"><span>" << number << "</span></div>";
      }
      o << "</div>\n</figure>\n";
    }
    if (!not_shown.empty())
      o << "<p class=\"notice\">" << plural(static_cast<int64_t>(not_shown.size()), "more page", "more pages")
        << " with problems " << (not_shown.size() == 1 ? "is" : "are") << " not shown (the report draws the first "
        << options.max_pages_shown << " of a document): " << (not_shown.size() == 1 ? "page " : "pages ")
        << html_escape(page_ranges(not_shown)) << ". Their problems are listed on the right.</p>\n";
  }
  o << "</main>\n<aside>\n";

  o << "<section>\n<h2>Problems (" << d.problems.size() << ")</h2>\n<ol class=\"problems\">\n";
  for (const auto& p : d.problems) {
    o << "<li>" << severity_badge(p.severity) << " <code>" << html_escape(p.code) << "</code>";
    if (p.record_id == 0) o << " · the directive";
    else if (d.records.size() > 1) o << " · record " << p.record_index;
    if (p.page) o << " · <a href=\"#page-" << p.page << "\">page " << p.page << "</a>";
    if (p.page && d.file.exists)
      o << " · <a class=\"pdf\" href=\"" << html_escape(pdf_url(d.file.path, p.page)) << "\">open the PDF at page "
        << p.page << "</a>";
    if (p.box && p.page) o << " · <span class=\"outlined\">outlined</span>";
    o << "<p>" << html_escape(p.message) << "</p>";
    if (!p.excerpt.empty()) o << "<blockquote>" << html_escape(clip(p.excerpt, 600)) << "</blockquote>";
    o << "<p class=\"todo\">What to do: " << html_escape(what_to_do(p.code, record_grammar(d, p))) << "</p>";
    o << "</li>\n";
  }
  if (d.problems.empty())
    o << "<li>The record's status is " << html_escape(d.status) << ", but no problem was recorded.</li>\n";
  o << "</ol>\n</section>\n";
  o << "<section class=\"fields\">\n<h2>Extracted fields</h2>\n";
  for (const auto& rec : d.records) record_fields(o, rec, d.records.size() > 1);
  if (d.records.empty()) o << "<p class=\"meta\">No record.</p>\n";
  o << "</section>\n";

  o << "</aside>\n</div>\n</body>\n</html>\n";
  out.html = o.str();
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '=': out += "&#61;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string document_stem(const DocumentEntry& d) {
  std::string stem = d.sha256.substr(0, 16);
  if (stem.size() < 16 || stem.find_first_not_of("0123456789abcdef") != std::string::npos)
    stem = "document-" + std::to_string(d.document_id);   // a hand-made database; never a path from the data
  return stem;
}

std::optional<HtmlResult> write_html(const Report& report, const std::string& dir, const HtmlOptions& options,
                                     std::string* error) {
  HtmlResult result;
  const fs::path root(dir), files = root / "files";
  std::error_code ec;
  fs::create_directories(files, ec);
  if (ec) {
    *error = "cannot create " + files.string() + ": " + ec.message();
    return std::nullopt;
  }
  std::set<std::string> written;
  for (const auto& d : report.documents_with_problems) {
    DocPage page = document_page(d, files, options, &written);
    const std::string name = document_stem(d) + ".html";
    if (!write_file(files / name, page.html, error)) return std::nullopt;
    written.insert(name);
    ++result.document_pages;
    result.images += page.images;
    if (!page.note.empty()) result.notes.push_back(page.note);
  }
  // Pages and images an earlier report left that this one did not write.
  for (const auto& e : fs::directory_iterator(files, ec)) {
    const std::string name = e.path().filename().string();
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".html" || ext == ".png") && !written.count(name)) fs::remove(e.path(), ec);
  }
  // The org chart: an SVG file shown as an image (so nothing in it runs),
  // drawn by Graphviz when it is installed.
  std::string svg_file, svg_note = "Graphviz is not used";
  if (report.org_error.empty() && !report.org.positions.empty()) {
    if (auto svg = dot_to_svg(org_dot(report.org), &svg_note)) {
      if (!write_file(root / "org.svg", *svg, error)) return std::nullopt;
      svg_file = "org.svg";
    }
  }
  if (svg_file.empty()) fs::remove(root / "org.svg", ec);
  if (!write_file(root / "org.html", org_page(report, svg_file, svg_note), error)) return std::nullopt;
  result.index = (root / "index.html").string();
  if (!write_file(result.index, index_page(report), error)) return std::nullopt;
  return result;
}

}  // namespace aj::report
