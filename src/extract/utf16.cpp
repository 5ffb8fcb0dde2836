// utf16.cpp — through ICU's u_strToUTF8WithSub, which converts in one pass
// with no converter object: poppler::ustring::to_utf8() opens an iconv
// converter on every call, and for one call per word that cost more than the
// layout analysis of the whole page.
#include "extract/utf16.h"

#include <unicode/ustring.h>

namespace aj::extract {

std::string utf8_from_utf16(std::u16string_view text) {
  // One UTF-16 unit never needs more than three UTF-8 bytes (a surrogate
  // pair, two units, needs four), so one buffer of 3 × the length suffices.
  std::string out(3 * text.size(), '\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                     static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return {};  // only on a buffer too small, which the bound above rules out
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace aj::extract
