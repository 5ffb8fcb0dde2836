// pix.h — Leptonica images that free themselves when they leave scope
// (internal to src/ocr/).
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

namespace aj::ocr {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;

}  // namespace aj::ocr
