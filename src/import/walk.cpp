// walk.cpp — std::filesystem traversal with error codes (never exceptions).
#include "import/walk.h"

#include <algorithm>
#include <filesystem>

namespace aj::importer {

namespace fs = std::filesystem;

Walk walk(const std::vector<std::string>& paths) {
  Walk out;
  for (const auto& arg : paths) {
    std::error_code ec;
    const fs::path root = fs::absolute(arg, ec).lexically_normal();
    const auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(arg + ": no such file or folder");
      continue;
    }
    if (fs::is_regular_file(status)) {
      out.files.push_back(root.string());
      continue;
    }
    if (!fs::is_directory(status)) {
      out.errors.push_back(arg + ": neither a file nor a folder");
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.errors.push_back(arg + ": cannot list the folder: " + ec.message());
      continue;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        out.errors.push_back(arg + ": the walk stopped: " + ec.message());
        break;
      }
      std::error_code type_ec;
      if (it->is_regular_file(type_ec)) out.files.push_back(it->path().lexically_normal().string());
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

bool has_pdf_name(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

}  // namespace aj::importer
