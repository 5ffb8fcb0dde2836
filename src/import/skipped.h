// skipped.h — what an import does not parse, so that nothing is skipped
// silently: files that are not PDFs (counted), and entries that cannot be
// read as files (walk.h), each named like a PDF stored as one failed record
// with file_unreadable, so that it is reported once, like not_a_pdf files.
//
// Such a record's document has no bytes to hash: its content key is the
// SHA-256 of "unreadable", the path and the reason, so each unreadable path
// is its own document, and the same entry found again is recognised without
// being opened. When the path later holds a readable file, the path moves to
// that file's document and the stand-in is dropped with its record.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "store/archive.h"

namespace aj::importer {

struct Skipped {
  int64_t not_pdf = 0;                          // regular files without %PDF- nor a .pdf name, and other entries
  std::map<std::string, int64_t> unreadable;    // by kind ("FIFO", "dangling symlink", "cannot open", …)

  // "Skipped: 3 not PDF, 2 unreadable (1 FIFO, 1 dangling symlink)." or "" when nothing was skipped.
  std::string summary() const;
};

// The content key standing for an unreadable entry (see above).
std::string unreadable_key(const std::string& path, const std::string& reason);

// The failed record for an unreadable entry: one file_unreadable problem
// whose message is "NAME REASON" (the file name, then why).
store::ParsedDocument unreadable_document(const store::FileStat& file, const std::string& reason);

}  // namespace aj::importer
