// walk.h — the files an import looks at: every regular file under the
// given paths (folders recursively; symbolic links to files are followed,
// links to folders are not, so a loop cannot trap the walk). Whether a file
// is a PDF is decided later by its bytes, not here by its name.
//
// Entries are classified with lstat/stat only, never opened: a FIFO, a
// device or a link to /dev/zero could block or never end. Such an entry
// named like a PDF is returned in `unreadable` with the reason, so the
// import stores it as a failed record (file_unreadable) and reports it
// once; any other such entry is only counted in `other_entries`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace aj::importer {

struct UnreadableEntry {
  std::string path;     // absolute, normalised
  std::string kind;     // short, for the summary: "FIFO", "dangling symlink", "folder", …
  std::string reason;   // a sentence part: "is a FIFO (named pipe); it was not opened"
};

struct Walk {
  std::vector<std::string> files;             // regular files: absolute, normalised, sorted, each once
  std::vector<UnreadableEntry> unreadable;    // named like a PDF but not a regular file, sorted by path
  int64_t other_entries = 0;                  // not regular files, not folders, not named like a PDF
  std::vector<std::string> errors;            // "PATH: what went wrong" for paths that could not be listed
  std::vector<std::string> folders;           // the folders walked in full: absolute, normalised
};

Walk walk(const std::vector<std::string>& paths);

// True when the name ends in .pdf, in any case.
bool has_pdf_name(const std::string& path);

}  // namespace aj::importer
