// render.h — PDF pages as PNG images for the HTML report, with Poppler's
// C++ page renderer (Splash), only the pages asked for.
//
// A page is rendered in its displayed orientation (the page's /Rotate
// applied), which is the space the extractor's word boxes are in, so a box
// in points maps onto the image by the factor dpi / 72. Nothing throws: a
// PDF Poppler cannot open, a locked one, or an image that cannot be written
// comes back as an error string.
#pragma once

#include <string>
#include <vector>

namespace aj::report {

struct RenderedPage {
  int page = 0;               // 1-based
  std::string file;           // the PNG's file name (no folder)
  int width = 0, height = 0;  // pixels
  double scale = 1;           // pixels per PDF point (dpi / 72)
  std::string error;          // non-empty when this page could not be rendered or written
};

struct Rendering {
  std::string error;                  // non-empty when the PDF could not be opened at all
  int page_count = 0;
  std::vector<RenderedPage> pages;    // one per page asked for that the PDF has
};

// Renders `pages` of the PDF at `pdf_path` into `dir`/`stem`-p<N>.png.
Rendering render_pages(const std::string& pdf_path, const std::vector<int>& pages, int dpi, const std::string& dir,
                       const std::string& stem);

}  // namespace aj::report
