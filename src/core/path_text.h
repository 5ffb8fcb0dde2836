// path_text.h — a file name as text: how paths are stored, printed and
// exported, since a Linux path is bytes and may be neither UTF-8 nor free of
// control characters (a newline in a name would forge a line of a report).
//
// The rule (lossless, and the identity for ordinary names): a byte that is
// not part of valid UTF-8, a control character (U+0000–U+001F, U+007F) and a
// backslash that would read as such an escape ("\x" followed by two hex
// digits) are written "\xHH" with upper-case hex; everything else is kept.
// path_bytes() undoes it. So `caf\xE9.pdf` is the Latin-1 name café.pdf and
// `a\x0Ab.pdf` a name with a newline; commands accept either form.
#pragma once

#include <string>
#include <string_view>

namespace aj {

// `raw` (a path's bytes) as valid UTF-8 without control characters.
std::string path_text(std::string_view raw);

// The bytes a path_text() form stands for ("\xHH" read back).
std::string path_bytes(std::string_view text);

// A path given as an argument, as the file system knows it: `arg` itself
// when it exists, else the bytes its escapes stand for when those exist
// (a name pasted from a report), else `arg`.
std::string path_argument(const std::string& arg);

}  // namespace aj
