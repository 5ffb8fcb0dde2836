// test_store_search_indexer.cpp — the search indexes built beside the import
// (store/search_indexer.h): with a pass after every couple of documents,
// the import loop holds back its writes (documents and extra paths) while a
// pass runs, and nothing may be lost, doubled or left out of the indexes.
#include <doctest/doctest.h>

#include <sstream>

#include "import/import.h"
#include "test_store_support.h"

namespace {

using aj::test::query;
using aj::test::scalar;

// Imports `in` into `db` in-process, with a search pass every `batch` documents.
aj::importer::ImportResult import_with_batch(const std::string& in, const std::string& db, int batch) {
  aj::importer::ImportOptions options;
  options.paths = {in};
  options.db_path = db;
  options.grammar_dir = aj::test::grammars();
  options.jobs = 2;
  options.search_batch = batch;
  std::ostringstream log;
  std::string error;
  auto result = aj::importer::run_import(options, log, false, &error);
  INFO(error);
  INFO(log.str());
  REQUIRE(result.has_value());
  CHECK(result->store_errors == 0);
  return *result;
}

}  // namespace

TEST_CASE("store: search passes run beside the import, and every document, path and search text is kept") {
  auto dir = aj::test::temp_dir("store-search-indexer");
  // a/ holds 24 distinct PDFs, b/ the same bytes again: in path order b/'s
  // copies arrive while a/'s documents are stored or still being parsed.
  aj::test::distinct_copies(dir + "/in/a", 24);
  aj::test::fs::copy(dir + "/in/a", dir + "/in/b");
  const std::string busy = dir + "/busy.sqlite", calm = dir + "/calm.sqlite";

  const auto result = import_with_batch(dir + "/in", busy, 2);
  CHECK(result.counts.files_seen == 48);
  CHECK(result.counts.files_new == 24);
  CHECK(result.counts.files_same_content == 24);
  import_with_batch(dir + "/in", calm, 1000);   // one pass, at the end

  CHECK(scalar(busy, "SELECT count(*) FROM documents") == "24");
  CHECK(scalar(busy, "SELECT count(*) FROM files") == "48");
  CHECK(aj::test::search_index_intact(busy));
  const std::string texts = "SELECT kind, text FROM search_text s JOIN v_positions p USING (record_id) ORDER BY p.path, s.id";
  CHECK(query(busy, texts) == query(calm, texts));
  const std::string hits = "SELECT count(*) FROM v_search_trigram WHERE text MATCH 'süsteem'";
  CHECK(scalar(busy, hits) != "0");
  CHECK(scalar(busy, hits) == scalar(calm, hits));

  // A second run finds everything unchanged and indexes nothing new.
  const auto again = import_with_batch(dir + "/in", busy, 2);
  CHECK(again.counts.files_unchanged == 48);
  CHECK(aj::test::search_index_intact(busy));
}
