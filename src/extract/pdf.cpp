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
#include <poppler/cpp/poppler-page.h>

#include <cstdint>
#include <fstream>
#include <sstream>

#include "core/bounds.h"

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

Document read(poppler::document* doc) {
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
    if (page.words.empty())
      out.problems.push_back(Problem::make(Code::no_text_layer, page.number,
                                           "page " + std::to_string(page.number) +
                                               " has no text layer (a scanned image?); OCR is not done"));
    out.pages.push_back(std::move(page));
  }
  return out;
}

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

Document Extractor::load_bytes(std::string_view bytes) const {
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
  return read(doc.get());
}

Document Extractor::load_file(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Document out;
    out.problems.push_back(Problem::make(Code::file_unreadable, 0, "cannot open " + path + " for reading"));
    return out;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string bytes = std::move(buf).str();
  return load_bytes(bytes);
}

}  // namespace aj::extract
