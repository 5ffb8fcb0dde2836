// ocr.cpp — Tesseract (LSTM) over a Leptonica image straightened by pixFindSkewAndDeskew.
#include "ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

namespace aj::ocr {
namespace {

// Leptonica images free themselves when they leave scope.
struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

PixPtr to_pix(const Image& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  pixSetResolution(pix.get(), static_cast<l_int32>(image.dpi), static_cast<l_int32>(image.dpi));
  l_uint32* data = pixGetData(pix.get());
  const l_int32 wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = image.grey + static_cast<size_t>(y) * image.stride;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

}  // namespace

struct Engine::Impl {
  tesseract::TessBaseAPI api;
  std::string languages;
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() { impl_->api.End(); }

std::unique_ptr<Engine> Engine::create(const std::string& languages, std::string* error) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->impl_->languages = languages;
  // Tesseract prints its own complaints to stderr; the error message below says what matters.
  engine->impl_->api.SetVariable("debug_file", "/dev/null");
  if (engine->impl_->api.Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    if (error)
      *error = "Tesseract cannot load the language data '" + languages +
               "' (install tesseract-ocr-est / tesseract-ocr-eng, or set TESSDATA_PREFIX to the tessdata folder)";
    return nullptr;
  }
  engine->impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
  return engine;
}

const std::string& Engine::languages() const { return impl_->languages; }

Page Engine::read(const Image& image) const {
  Page out;
  PixPtr pix = to_pix(image);
  if (!pix) return out;
  // Straighten small angles first: Tesseract copes with skew, but the layout
  // stage groups lines and columns by level coordinates.
  l_float32 angle = 0, confidence = 0;
  PixPtr straight(pixFindSkewAndDeskew(pix.get(), 0, &angle, &confidence));
  if (straight) out.skew_degrees = angle;
  PIX* source = straight ? straight.get() : pix.get();

  auto& api = impl_->api;
  api.SetImage(source);
  api.SetSourceResolution(static_cast<int>(image.dpi));
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return out;
  }
  const double to_points = 72.0 / image.dpi;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) {
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == 0) continue;
      int x0, y0, x1, y1;
      if (!it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
      int lx0, ly0, lx1, ly1;
      const bool has_line = it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1);
      Word w;
      w.text = text.get();
      w.box = Box{x0 * to_points, y0 * to_points, x1 * to_points, y1 * to_points};
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      w.size = (has_line ? ly1 - ly0 : y1 - y0) * to_points;
      w.space_after = !it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
      out.words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  return out;
}

}  // namespace aj::ocr
