// walk.h — the files an import looks at: every regular file under the
// given paths (folders recursively; symbolic links to files are followed,
// links to folders are not, so a loop cannot trap the walk). Whether a file
// is a PDF is decided later by its bytes, not here by its name.
#pragma once

#include <string>
#include <vector>

namespace aj::importer {

struct Walk {
  std::vector<std::string> files;    // absolute, normalised, sorted, each once
  std::vector<std::string> errors;   // "PATH: what went wrong" for paths that could not be listed
};

Walk walk(const std::vector<std::string>& paths);

// True when the name ends in .pdf, in any case.
bool has_pdf_name(const std::string& path);

}  // namespace aj::importer
