// pdf.cpp — Poppler C++ API → pages of words.
//
// Quirks handled here (see the research notes for how they were found):
//  - load_* returns nullptr with no reason; the reason goes to the debug
//    callback, so we capture the last message per thread;
//  - a user-password PDF loads, as a locked document;
//  - a damaged page tree loads, as a document of no page (pdf_damaged);
//  - text_list() boxes are points with a top-left origin in the page as
//    displayed (Poppler applies /Rotate 90/180/270), but page_rect() is the
//    unrotated MediaBox: on a page turned on its side we swap width and height,
//    so that words and page share one frame (tests/unit/test_extract.cpp);
//  - font names keep the subset prefix "ABCDEF+"; we strip it.
#include "extract/pdf.h"
#include "extract/utf16.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/bounds.h"
#include "ocr/ocr.h"

namespace aj::extract {
namespace {

thread_local std::string g_last_poppler_message;

void capture_poppler_message(const std::string& msg, void*) { g_last_poppler_message = msg; }

// The smallest valid one-page PDF, kept open as the sentinel document.
constexpr std::string_view kSentinelPdf =
    "%PDF-1.4\n"
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

// Poppler's ustring holds UTF-16 units as unsigned short.
std::string utf8(const poppler::ustring& u) {
  return utf8_from_utf16(std::u16string_view(reinterpret_cast<const char16_t*>(u.data()), u.size()));
}

std::string strip_subset_prefix(std::string name) {
  // "BAAAAA+LiberationSans" → "LiberationSans": six capitals and a plus.
  if (name.size() > 7 && name[6] == '+') {
    bool prefix = true;
    for (int i = 0; i < 6; ++i) prefix = prefix && name[i] >= 'A' && name[i] <= 'Z';
    if (prefix) name.erase(0, 7);
  }
  return name;
}

// True when the page's /Rotate (90 or 270) turns it on its side: its displayed
// width is the unrotated height.
bool sideways(poppler::page::orientation_enum o) {
  return o == poppler::page::landscape || o == poppler::page::seascape;
}

// A page whose text layer is too thin to be the page's text: fewer than one
// character per 25 000 pt² (about 20 on an A4 page) — a scan, perhaps with a
// stamp's or a scanner's few letters laid over it.
bool text_layer_too_thin(const Page& page) {
  size_t chars = 0;
  for (const auto& w : page.words) chars += w.text.size();
  return static_cast<double>(chars) * 25000.0 < page.width * page.height;
}

// OCR resolution: 300 dpi, less for a page so large that its image would pass
// kMaxOcrPixels (an A4 page is 8.7 M pixels at 300 dpi; a hostile MediaBox
// must not become gigabytes of image in a worker capped at 2 GiB).
constexpr double kOcrDpi = 300;
constexpr double kMaxOcrPixels = 40e6;

double ocr_dpi(const Page& page) {
  const double pixels = page.width * page.height * (kOcrDpi / 72) * (kOcrDpi / 72);
  return pixels <= kMaxOcrPixels ? kOcrDpi : kOcrDpi * std::sqrt(kMaxOcrPixels / pixels);
}

// True when the page drawn at a thumbnail's resolution has no dark pixel: a
// blank page, not worth rendering at 300 dpi (corpus/hostile has 2000 of them).
bool blank(const poppler::page_renderer& renderer, const poppler::page& page) {
  poppler::image thumb = renderer.render_page(&page, 18, 18);
  if (!thumb.is_valid()) return true;
  const char* data = thumb.const_data();
  for (int y = 0; y < thumb.height(); ++y)
    for (int x = 0; x < thumb.width(); ++x)
      if (static_cast<unsigned char>(data[static_cast<size_t>(y) * thumb.bytes_per_row() + x]) < 200) return false;
  return true;
}

}  // namespace

bool same_line(const Word& a, const Word& b) {
  const double overlap = std::min(a.box.y1, b.box.y1) - std::max(a.box.y0, b.box.y0);
  return overlap > 0.5 * std::min(a.box.y1 - a.box.y0, b.box.y1 - b.box.y0);
}

bool opens_line(const Word& w, const std::vector<Word>& words, double gap) {
  for (const Word& o : words)
    if (&o != &w && same_line(w, o) && o.box.x1 <= w.box.x0 + 0.5 && w.box.x0 - o.box.x1 < gap) return false;
  return true;
}

namespace {

// OCR reads a list's bullet as whatever it resembles ("*", "e", "«", "©",
// "=" for a small square). A word of one such character with no text just
// before it on its level (another table column may stand further left) and
// a bullet's gap after it (wider than a word gap: the tab to the item's
// text) is the bullet, and becomes the one glyph the normaliser knows as
// one. A one-letter word inside a line is never touched.
void mark_ocr_bullets(std::vector<Word>& words) {
  static const char* const kLookalikes[] = {"*", "e", "o", "«", "»", "©", "°", "¢", "+", "•", "·", "®", "@",
                                            "=", "■", "▪", "□", "§"};
  for (Word& w : words) {
    if (std::find(std::begin(kLookalikes), std::end(kLookalikes), w.text) == std::end(kLookalikes)) continue;
    if (!opens_line(w, words, 6)) continue;   // a word gap before it, not a column gap
    const Word* next = nullptr;
    for (const Word& o : words)
      if (&o != &w && same_line(w, o) && o.box.x0 >= w.box.x1 - 0.5 && (!next || o.box.x0 < next->box.x0)) next = &o;
    if (next && next->box.x0 - w.box.x1 > std::max(5.0, 0.5 * (next->box.y1 - next->box.y0))) w.text = "\u2022";
  }
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

int Document::ocr_pages() const {
  return static_cast<int>(std::count_if(pages.begin(), pages.end(), [](const Page& p) { return p.ocr; }));
}

void Extractor::set_ocr(OcrOptions options) {
  if (options.languages != ocr_options_.languages) {
    ocr_engine_.reset();
    ocr_tried_ = false;
  }
  ocr_options_ = std::move(options);
}

const ocr::Engine* Extractor::ocr_engine() const {
  if (!ocr_tried_) {
    ocr_tried_ = true;
    ocr_engine_ = ocr::Engine::create(ocr_options_.languages, &ocr_error_);
  }
  return ocr_engine_.get();
}

void Extractor::recognise(poppler::page& source, Page& page, std::vector<Problem>& problems,
                          const OcrPageHook& before_ocr_page) const {
  const std::string where = "page " + std::to_string(page.number);
  const bool empty = page.words.empty();
  if (ocr_options_.mode == OcrMode::off || (ocr_options_.mode == OcrMode::auto_detect && !text_layer_too_thin(page))) {
    if (empty)
      problems.push_back(Problem::make(Code::no_text_layer, page.number,
                                       where + " has no text layer (a scanned image?) and OCR is off (--ocr off)"));
    return;
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  if (blank(renderer, source)) {
    if (empty) problems.push_back(Problem::make(Code::no_text_layer, page.number, where + " is blank: no text, no image"));
    return;
  }
  const ocr::Engine* engine = ocr_engine();
  if (!engine) {
    problems.push_back(Problem::make(Code::no_text_layer, page.number,
                                     where + " has no text layer and cannot be read by OCR: " + ocr_error_));
    return;
  }
  if (before_ocr_page) before_ocr_page(page.number);
  const double dpi = ocr_dpi(page);
  poppler::image image = renderer.render_page(&source, dpi, dpi);
  if (!image.is_valid()) {
    problems.push_back(Problem::make(Code::no_text_layer, page.number,
                                     where + " has no text layer and Poppler could not render it for OCR"));
    return;
  }
  ocr::Page read = engine->read(ocr::Image{image.width(), image.height(), image.bytes_per_row(), dpi,
                                           reinterpret_cast<const unsigned char*>(image.const_data())});
  if (read.words.empty()) {
    if (empty)
      problems.push_back(Problem::make(Code::no_text_layer, page.number,
                                       where + " has no text layer and OCR found no words on its image"));
    return;
  }
  page.words.clear();
  page.ocr = true;
  double confidence_sum = 0;
  for (auto& w : read.words) {
    confidence_sum += w.confidence;
    const bool mark = !ocr::has_letter_or_digit(w.text);
    // Tesseract may give a sentence's last mark as a word of its own
    // ("rakendamisel" "."), even as a text line of its own after other
    // blocks ("5" … "." "VASTUTUS"): one touching a word on its left on its
    // line belongs to that word.
    Word* before = nullptr;
    if (mark && w.text.size() <= 3)
      for (auto b = page.words.rbegin(); b != page.words.rend() && !before; ++b)
        if (std::abs(b->box.y0 - w.box.y0) < 0.5 && w.box.x0 >= b->box.x0 && w.box.x0 - b->box.x1 < 0.3 * w.size &&
            w.box.x0 >= b->box.x1 - 0.3 * w.size)
          before = &*b;
    const bool attached = before != nullptr;
    // A scan's specks and shadows come back as unsure marks ("|", "'", "=");
    // kept, they would split table columns and end values with junk. They
    // are set aside, still reported below with their box.
    const bool speck = !attached && mark && w.confidence < kLowOcrConfidence;
    if (w.confidence < kLowOcrConfidence)
      problems.push_back(Problem::make(Code::ocr_low_confidence, page.number,
                                       "OCR is unsure of this word (confidence " + one_decimal(w.confidence) +
                                           " of 100, threshold " + one_decimal(kLowOcrConfidence) + ")" +
                                           (speck ? "; set aside as a speck (no letter or digit)" : ""),
                                       bounded_utf8(w.text, SIZE_MAX, kMetadataBytes), w.box));
    if (attached) {
      before->text += w.text;
      before->box.x1 = std::max(before->box.x1, w.box.x1);
      before->space_after = w.space_after;
    } else if (!speck) {
      page.words.push_back(Word{std::move(w.text), w.box, std::string(), w.size, w.space_after});
    }
  }
  mark_ocr_bullets(page.words);
  problems.push_back(Problem::make(
      Code::ocr_used, page.number,
      where + " was read by OCR (Tesseract, " + engine->languages() + ", " + one_decimal(dpi) + " dpi, straightened " +
          one_decimal(read.skew_degrees) + "°): " + std::to_string(page.words.size()) +
          " words, mean word confidence " + one_decimal(confidence_sum / page.words.size()) + " of 100" +
          (read.unsure_marks > 0 ? "; " + std::to_string(read.unsure_marks) + " unsure marks left out as specks" : "") +
          (read.speck_marks > 0 ? "; " + std::to_string(read.speck_marks) + " marks at a word's end too faint for print, left out or mended" : "") +
          (read.split_words > 0 ? "; " + std::to_string(read.split_words) + " words split at a word space" : "") +
          (read.shaped_bullets > 0 ? "; " + std::to_string(read.shaped_bullets) + " bullets found by their shape" : "")));
}

Document Extractor::read(poppler::document* doc, const OcrPageHook& before_ocr_page) const {
  Document out;
  out.info.pages = doc->pages();
  out.info.encrypted = doc->is_encrypted();
  // Metadata is whatever the producer wrote: bounded and cleaned (core/bounds.h).
  out.info.producer = bounded_utf8(utf8(doc->get_producer()), SIZE_MAX, kMetadataBytes);
  out.info.creator = bounded_utf8(utf8(doc->get_creator()), SIZE_MAX, kMetadataBytes);
  out.info.title = bounded_utf8(utf8(doc->get_title()), SIZE_MAX, kMetadataBytes);
  if (std::time_t t = doc->get_creation_date_t(); t > 0) out.info.created = t;
  for (int i = 0; i < out.info.pages; ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    Page page;
    page.number = i + 1;
    if (!p) {
      out.problems.push_back(Problem::make(Code::pdf_damaged, page.number, "Poppler could not read this page"));
      out.pages.push_back(std::move(page));
      continue;
    }
    auto rect = p->page_rect();
    const bool turned = sideways(p->orientation());
    page.width = turned ? rect.height() : rect.width();
    page.height = turned ? rect.width() : rect.height();
    for (const auto& tb : p->text_list(poppler::page::text_list_include_font)) {
      Word w;
      w.text = utf8(tb.text());
      if (w.text.empty()) continue;
      auto b = tb.bbox();
      w.box = Box{b.left(), b.top(), b.right(), b.bottom()};
      w.font = tb.has_font_info() ? strip_subset_prefix(tb.get_font_name()) : std::string();
      w.size = tb.get_font_size();
      w.space_after = tb.has_space_after();
      page.words.push_back(std::move(w));
    }
    recognise(*p, page, out.problems, before_ocr_page);
    out.pages.push_back(std::move(page));
  }
  return out;
}

namespace {

Document open_failure(std::string_view bytes) {
  Document out;
  if (!looks_like_pdf(bytes.substr(0, 1024)))
    out.problems.push_back(Problem::make(Code::not_a_pdf, 0, "the file does not start with %PDF-"));
  else
    out.problems.push_back(Problem::make(
        Code::pdf_damaged, 0,
        "Poppler could not open the PDF" +
            (g_last_poppler_message.empty() ? std::string() : ": " + g_last_poppler_message)));
  return out;
}

}  // namespace

struct Extractor::Sentinel {
  std::unique_ptr<poppler::document> doc;
};

Extractor::Extractor() : sentinel_(std::make_unique<Sentinel>()) {
  poppler::set_debug_error_function(capture_poppler_message, nullptr);
  sentinel_->doc.reset(
      poppler::document::load_from_raw_data(kSentinelPdf.data(), static_cast<int>(kSentinelPdf.size())));
}

Extractor::~Extractor() = default;

bool looks_like_pdf(std::string_view head) { return head.find("%PDF-") != std::string_view::npos; }

Document Extractor::load_bytes(std::string_view bytes, const OcrPageHook& before_ocr_page) const {
  g_last_poppler_message.clear();
  if (!looks_like_pdf(bytes.substr(0, 1024))) return open_failure(bytes);
  // load_from_raw_data does not copy: `bytes` outlives `doc` in this scope.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return open_failure(bytes);
  if (doc->is_locked()) {
    Document out;
    out.info.encrypted = true;
    out.problems.push_back(Problem::make(Code::pdf_encrypted, 0, "the PDF is locked with a user password"));
    return out;
  }
  // A page tree Poppler cannot walk (objects that contain each other, a
  // /Count past the objects there are) opens as a document of no page.
  if (doc->pages() <= 0) {
    Document out;
    out.problems.push_back(Problem::make(
        Code::pdf_damaged, 0,
        "the PDF opens but no page can be read from its page tree" +
            (g_last_poppler_message.empty() ? std::string() : ": " + g_last_poppler_message)));
    return out;
  }
  return read(doc.get(), before_ocr_page);
}

Document Extractor::load_file(const std::string& path, const OcrPageHook& before_ocr_page) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Document out;
    out.problems.push_back(Problem::make(Code::file_unreadable, 0, "cannot open " + path + " for reading"));
    return out;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string bytes = std::move(buf).str();
  return load_bytes(bytes, before_ocr_page);
}

}  // namespace aj::extract
