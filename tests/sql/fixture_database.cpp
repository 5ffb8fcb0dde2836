// fixture_database.cpp — the fixed records written through the store's real
// write path (fixture_database.h).
#include "fixture_database.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/directive.h"
#include "normalize/base_form.h"
#include "recognize/grammar.h"
#include "core/record.h"
#include "import/search_indexer.h"
#include "store/archive.h"

namespace aj::sqllogic {
namespace {

namespace fs = std::filesystem;

// The marker every fixture record is stored under, in place of a grammar
// set's fingerprint (nothing here was parsed with grammars).
constexpr const char* kFingerprint = "sql-fixtures";

// One records/*.json as the store takes it; throws nlohmann's exceptions on
// a malformed file (the caller names the file).
store::ParsedDocument document_from_json(const nlohmann::json& j) {
  store::ParsedDocument doc;
  doc.sha256 = j.at("sha256").get<std::string>();
  doc.size = j.at("size").get<int64_t>();
  doc.info = info_from_json(j.value("info", nlohmann::json::object()));
  doc.seconds = j.value("seconds", 0.0);
  for (const auto& p : j.at("paths"))
    doc.paths.push_back({p.at("path").get<std::string>(), p.value("size", doc.size), p.value("mtime_ns", int64_t{0})});
  for (const auto& r : j.at("records")) doc.records.push_back(record_from_json(r));
  if (j.contains("directive") && j["directive"].is_object()) doc.directive = directive_from_json(j["directive"]);
  if (doc.paths.empty() || doc.records.empty()) throw std::runtime_error("a document needs a path and a record");
  return doc;
}

std::vector<fs::path> record_files(const std::string& records_dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(records_dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::string build_fixture_database(const std::string& records_dir, const std::string& db_path) {
  std::error_code ec;
  if (!fs::is_directory(records_dir, ec)) return "no records folder " + records_dir;
  const auto files = record_files(records_dir);
  if (files.empty()) return "no records/*.json in " + records_dir;

  std::string error;
  auto archive = store::Archive::open(db_path, &error);
  if (!archive) return error;
  // The base forms an import stores (org views), from the installed lexicon.
  const auto base_forms = normalize::BaseForms::load(
      normalize::base_form_rules_file(recognize::default_grammar_dir()), &error);
  if (!base_forms) return error;
  archive->use_base_forms(base_forms.get());
  if (!archive->begin_run({records_dir, kFingerprint, {"aj_sqllogic", records_dir}, 1, false}, &error)) return error;
  store::RunCounts counts;
  for (const auto& file : files) {
    store::ParsedDocument doc;
    try {
      std::ifstream in(file);
      doc = document_from_json(nlohmann::json::parse(in));
    } catch (const std::exception& e) {
      return file.string() + ": " + e.what();
    }
    if (!archive->write_document(doc, kFingerprint, &error)) return file.string() + ": " + error;
    ++counts.files_seen;
    ++counts.files_new;
    counts.pages += doc.info.pages;
    for (const Record& r : doc.records)
      ++(r.status == Status::ok ? counts.records_ok : r.status == Status::partial ? counts.records_partial
                                                                                 : counts.records_failed);
  }
  if (!archive->finish_run(counts, &error)) return error;

  auto indexer = importer::SearchIndexer::open(db_path, &error);
  if (!indexer) return error;
  indexer->start();
  if (!indexer->wait(&error)) return error;
  return "";
}

}  // namespace aj::sqllogic
