// render.h — PDF pages as PNG images for the HTML report, with Poppler's
// C++ page renderer (Splash), only the pages asked for, in a child process.
//
// The PDFs of an archive are untrusted: one page may need gigabytes or
// minutes to draw, or crash Poppler. So the report never renders in its own
// process: a child renders the pages one after the other under an address-
// space limit (RenderLimits::memory_bytes) and says each page as it is done
// over a pipe; a page the child dies on or takes longer than
// RenderLimits::page_seconds for (it is killed) comes back with an error
// saying so, and a fresh child goes on with the pages after it. Every image
// is at most RenderLimits::max_pixels: a page so large that the report's
// dpi would exceed it is drawn at a lower resolution (RenderedPage::scale
// says which), so a 14,400-point page is a 2,000-pixel image, not 18,000.
//
// A page is rendered in its displayed orientation (the page's /Rotate
// applied), which is the space the extractor's word boxes are in, so a box
// in points maps onto the image by RenderedPage::scale. Nothing throws: a
// PDF Poppler cannot open, a locked one, or an image that cannot be written
// comes back as an error string.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace aj::report {

struct RenderLimits {
  uint64_t memory_bytes = uint64_t{2} << 30;   // the child's address space (report --max-memory)
  double page_seconds = 30;                    // one page's time, then the child is killed
  double max_pixels = 6e6;                     // width × height of one image
};

struct RenderedPage {
  int page = 0;               // 1-based
  std::string file;           // the PNG's file name (no folder)
  int width = 0, height = 0;  // pixels
  double scale = 1;           // pixels per PDF point (dpi / 72, lower for a huge page)
  std::string error;          // non-empty when this page could not be rendered or written
};

struct Rendering {
  std::string error;                  // non-empty when the PDF could not be opened at all
  int page_count = 0;
  std::vector<RenderedPage> pages;    // one per page asked for that the PDF has
};

// Renders `pages` of the PDF at `pdf_path` into `dir`/`stem`-p<N>.png.
Rendering render_pages(const std::string& pdf_path, const std::vector<int>& pages, int dpi, const std::string& dir,
                       const std::string& stem, const RenderLimits& limits = {});

}  // namespace aj::report
