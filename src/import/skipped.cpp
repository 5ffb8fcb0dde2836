// skipped.cpp — the skip summary and the stand-in record of an unreadable entry.
#include "import/skipped.h"

#include <filesystem>

#include "core/bounds.h"
#include "core/sha256.h"

namespace aj::importer {

std::string Skipped::summary() const {
  int64_t unreadable_total = 0;
  std::string kinds;
  for (const auto& [kind, n] : unreadable) {
    unreadable_total += n;
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
  if (not_pdf == 0 && unreadable_total == 0) return {};
  return "Skipped: " + std::to_string(not_pdf) + " not PDF, " + std::to_string(unreadable_total) + " unreadable" +
         (kinds.empty() ? std::string() : " (" + kinds + ")") + ".\n";
}

std::string unreadable_key(const std::string& path, const std::string& reason) {
  return sha256_hex("unreadable\n" + path + "\n" + reason);
}

store::ParsedDocument unreadable_document(const store::FileStat& file, const std::string& reason) {
  Record r;
  r.source = Source{std::filesystem::path(file.path).filename().string(), 1, 1, 1};
  r.status = Status::failed;
  r.problems.push_back(Problem::make(Code::file_unreadable, 0, bounded_utf8(r.source.file + " " + reason, kMessageChars)));
  store::ParsedDocument doc;
  doc.sha256 = unreadable_key(file.path, reason);
  doc.records.push_back(std::move(r));
  doc.paths.push_back(file);
  return doc;
}

}  // namespace aj::importer
