// html.h — the failure report as static HTML: a folder that opens from
// disk in any browser, with no server, no JavaScript and nothing fetched.
//
//   DIR/index.html            counts by status, problems by code, repeated
//                             problems, and every document with problems,
//                             worst first, linking to its page
//   DIR/files/<sha>.html      one page per document with problems: its
//                             extracted fields, its problems, and the PDF
//                             pages they are on, rendered beside them
//   DIR/files/<sha>-p<N>.png  those pages (report/render.h); a problem with
//                             a box is outlined over the image (magenta, its
//                             number in the corner)
//   DIR/org.html              the org chart (report/org_chart.h) and what the
//                             records say about each other that disagrees
//   DIR/org.svg               the chart drawn by Graphviz, shown by org.html
//                             as an image; without Graphviz, a nested list
//
// <sha> is the first 16 hex digits of the document's SHA-256, so a page's
// name survives a re-import. Pages and images left in DIR/files/ by an
// earlier report that this one did not write are removed. Every text that
// came from a document or the database (titles, excerpts, paths, messages)
// is escaped, '=' included, so nothing in a PDF can become markup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/render.h"
#include "report/report.h"

namespace aj::report {

struct HtmlOptions {
  int dpi = 90;                    // page images' resolution
  size_t max_pages_shown = 12;     // page images per document: the first pages problems name
  RenderLimits render;             // memory, time and pixels of each page's rendering
};

struct HtmlResult {
  std::string index;                 // DIR/index.html
  int64_t document_pages = 0;        // DIR/files/*.html written
  int64_t images = 0;                // PNGs written
  std::vector<std::string> notes;    // pages that could not be shown, and why (also on the pages)
};

// Writes the report into `dir` (created when missing). nullopt with *error
// when a file cannot be written.
std::optional<HtmlResult> write_html(const Report& report, const std::string& dir, const HtmlOptions& options,
                                     std::string* error);

// Text made safe for HTML text and quoted attribute values: & < > " ' =.
std::string html_escape(std::string_view text);

// The document's page and image stem inside DIR/files/: the first 16 hex digits of its SHA-256.
std::string document_stem(const DocumentEntry& d);

}  // namespace aj::report
