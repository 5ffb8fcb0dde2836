// render.cpp — pages to PNG with poppler::page_renderer. Poppler's own
// error messages (it prints them to stderr by default) are caught and kept
// for the error string instead.
#include "report/render.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

namespace aj::report {
namespace {

std::string g_poppler_message;

void keep_poppler_message(const std::string& message, void*) { g_poppler_message = message; }

std::string with_poppler_message(std::string what) {
  return g_poppler_message.empty() ? what : what + " (Poppler: " + g_poppler_message + ")";
}

}  // namespace

Rendering render_pages(const std::string& pdf_path, const std::vector<int>& pages, int dpi, const std::string& dir,
                       const std::string& stem) {
  Rendering out;
  poppler::set_debug_error_function(keep_poppler_message, nullptr);
  g_poppler_message.clear();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf_path));
  if (!doc) {
    out.error = with_poppler_message("Poppler could not open the PDF");
    return out;
  }
  if (doc->is_locked()) {
    out.error = "the PDF is locked with a password";
    return out;
  }
  if (!poppler::page_renderer::can_render()) {
    out.error = "this Poppler build cannot render pages";
    return out;
  }
  out.page_count = doc->pages();
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_rgb24);   // no alpha: smaller PNGs
  for (int number : pages) {
    if (number < 1 || number > out.page_count) continue;
    RenderedPage rp;
    rp.page = number;
    rp.scale = dpi / 72.0;
    rp.file = stem + "-p" + std::to_string(number) + ".png";
    g_poppler_message.clear();
    std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
    if (!page) {
      rp.error = with_poppler_message("Poppler could not read page " + std::to_string(number));
      out.pages.push_back(std::move(rp));
      continue;
    }
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid()) {
      rp.error = with_poppler_message("Poppler could not render page " + std::to_string(number));
    } else if (!image.save(dir + "/" + rp.file, "png", dpi)) {
      rp.error = "could not write " + dir + "/" + rp.file;
    } else {
      rp.width = image.width();
      rp.height = image.height();
    }
    out.pages.push_back(std::move(rp));
  }
  return out;
}

}  // namespace aj::report
