// sha256.h — SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex
// digits: the content key of a stored document. Computed by libnettle, so the
// import owns no cryptography of its own.
#pragma once

#include <string>
#include <string_view>

namespace aj {

std::string sha256_hex(std::string_view bytes);

}  // namespace aj
