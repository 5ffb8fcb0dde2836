// walk.cpp — std::filesystem traversal with error codes (never exceptions);
// each entry's type from lstat/stat, so nothing is opened here.
#include "import/walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "core/path_text.h"

namespace aj::importer {

namespace fs = std::filesystem;

namespace {

enum class Type { file, folder, other };

struct Entry {
  Type type = Type::other;
  std::string kind, reason;   // for Type::other, and for a folder named like a PDF
};

// What a non-regular, non-folder st_mode is, in the summary's words and in a sentence's.
std::pair<std::string, std::string> special_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return {"FIFO", "a FIFO (named pipe)"};
  if (S_ISCHR(mode)) return {"character device", "a character device"};
  if (S_ISBLK(mode)) return {"block device", "a block device"};
  if (S_ISSOCK(mode)) return {"socket", "a socket"};
  return {"special file", "a special file"};
}

// The entry's type without opening it; nullopt when even lstat fails (the
// entry vanished, or its folder cannot be searched), with errno set.
std::optional<Entry> classify(const fs::path& path) {
  struct stat link {};
  if (lstat(path.c_str(), &link) != 0) return std::nullopt;
  const bool symlink = S_ISLNK(link.st_mode);
  struct stat target = link;
  if (symlink && stat(path.c_str(), &target) != 0) {
    const int err = errno;
    if (err == ELOOP) return Entry{Type::other, "looping symlink", "is a symbolic link that loops"};
    if (err == ENOENT || err == ENOTDIR)
      return Entry{Type::other, "dangling symlink", "is a dangling symbolic link (its target does not exist)"};
    return Entry{Type::other, "unresolvable symlink",
                 std::string("is a symbolic link whose target cannot be examined: ") + std::strerror(err)};
  }
  if (S_ISREG(target.st_mode)) return Entry{Type::file, {}, {}};
  if (S_ISDIR(target.st_mode)) {
    if (symlink)   // not followed, so that a loop of links cannot trap the walk
      return Entry{Type::other, "symlink to a folder", "is a symbolic link to a folder, which the walk does not follow"};
    return Entry{Type::folder, "folder", "is a folder, not a file (the files in it are imported)"};
  }
  auto [kind, sentence] = special_kind(target.st_mode);
  if (symlink) return Entry{Type::other, "symlink to a " + kind, "is a symbolic link to " + sentence};
  return Entry{Type::other, kind, "is " + sentence};
}

}  // namespace

Walk walk(const std::vector<std::string>& paths) {
  Walk out;
  // An entry that is not a regular file: reported when named like a PDF, counted otherwise.
  auto not_a_file = [&](const std::string& path, const Entry& e) {
    if (has_pdf_name(path))
      out.unreadable.push_back(UnreadableEntry{path, e.kind, e.reason + "; it was not opened"});
    else if (e.type == Type::other)
      ++out.other_entries;
  };
  for (const auto& arg : paths) {
    std::error_code ec;
    const fs::path root = fs::absolute(path_argument(arg), ec).lexically_normal();
    const auto entry = classify(root);
    if (ec || !entry) {
      out.errors.push_back(path_text(arg) + ": no such file or folder");
      continue;
    }
    if (entry->type == Type::file) {
      out.files.push_back(root.string());
      continue;
    }
    if (entry->type == Type::other) {
      if (!has_pdf_name(root.string())) {
        out.errors.push_back(path_text(arg) + ": neither a file nor a folder (it " + entry->reason + ")");
        continue;
      }
      not_a_file(root.string(), *entry);
      continue;
    }
    not_a_file(root.string(), *entry);
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.errors.push_back(path_text(arg) + ": cannot list the folder: " + ec.message());
      continue;
    }
    bool whole = true;
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        out.errors.push_back(path_text(arg) + ": the walk stopped: " + ec.message());
        whole = false;
        break;
      }
      const fs::path path = it->path().lexically_normal();
      const auto e = classify(path);
      if (!e) {
        if (has_pdf_name(path.string()))
          out.unreadable.push_back(UnreadableEntry{path.string(), "not examinable",
                                                   std::string("cannot be examined: ") + std::strerror(errno)});
        continue;
      }
      if (e->type == Type::file)
        out.files.push_back(path.string());
      else
        not_a_file(path.string(), *e);
    }
    if (whole) out.folders.push_back(root.string());
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  const auto by_path = [](const UnreadableEntry& a, const UnreadableEntry& b) { return a.path < b.path; };
  const auto same_path = [](const UnreadableEntry& a, const UnreadableEntry& b) { return a.path == b.path; };
  std::sort(out.unreadable.begin(), out.unreadable.end(), by_path);
  out.unreadable.erase(std::unique(out.unreadable.begin(), out.unreadable.end(), same_path), out.unreadable.end());
  return out;
}

bool has_pdf_name(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

}  // namespace aj::importer
