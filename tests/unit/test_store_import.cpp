// test_store_import.cpp — `ametijuhend import` run as a program on the
// corpus, and what it leaves in the database, read back through SQL:
// records in the views, unchanged files skipped, grammar changes re-parsed,
// duplicate content stored once, PDFs taken by content, bad files stored as
// failed with their own codes, and the exit codes.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_store_support.h"

namespace {

using aj::test::query;
using aj::test::Rows;
using aj::test::run_aj;
using aj::test::scalar;

// Imports `paths` into dir/db.sqlite, requiring exit code 0.
std::string import_into(const std::string& dir, std::vector<std::string> paths, std::vector<std::string> extra = {}) {
  const std::string db = dir + "/db.sqlite";
  std::vector<std::string> args{"import", "--db", db};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), paths.begin(), paths.end());
  auto r = run_aj(dir, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return db;
}

// The counts of the last import run: new, re-parsed, same content, unchanged.
std::vector<std::string> last_run(const std::string& db) {
  Rows rows = query(db,
                    "SELECT files_new, files_reparsed, files_same_content, files_unchanged FROM import_runs "
                    "ORDER BY id DESC LIMIT 1");
  return rows.empty() ? std::vector<std::string>{} : rows[0];
}

}  // namespace

/* The number of numbered migrations in schema/ (001_….sql, 002_….sql, …). */
static std::size_t schema_files() {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(aj::test::source_dir() + "/schema"))
    if (entry.path().extension() == ".sql") ++n;
  return n;
}

TEST_CASE("store: the seeds land in v_positions with their titles and direct managers") {
  auto dir = aj::test::temp_dir("store-positions");
  auto db = import_into(dir, {aj::test::corpus("seeds")});
  CHECK(query(db, "SELECT title, direct_manager, status FROM v_positions ORDER BY path") ==
        Rows{{"Ekspert (ohvriabi ärianalüüsid)", "Talituse juhataja", "ok"},
             {"Ekspert (ohvriabi ärianalüüsid)", "Talituse juhataja", "ok"},
             {"Talituse juhataja", "Osakonna juhataja", "ok"},
             {"Talituse juhataja", "Osakonna juhataja", "ok"},
             {"Peaspetsialist (kasutaja tugi)", "Talitusejuhataja", "ok"},
             {"Peaspetsialist (kasutaja tugi)", "Talitusejuhataja", "ok"},
             {"Ekspert (nõustamismetoodikad)", "Juhtivspetsialist (OA kriisitelefon)", "ok"},
             {"Ekspert (nõustamismetoodikad)", "Juhtivspetsialist (OA kriisitelefon)", "ok"},
             {"Teenuse juht (TTTVT)", "Tiimijuht", "ok"},
             {"Teenuse juht (TTTVT)", "Tiimijuht", "ok"}});
  CHECK(scalar(db, "SELECT count(*) FROM v_positions WHERE path LIKE '%/corpus/seeds/%.pdf'") == "10");
  CHECK(query(db, "SELECT department, division, team FROM v_positions WHERE source_file = '004_0473cc471da9172f.a.pdf'") ==
        Rows{{"Ohvriabi ja ennetusteenuste osakond", "arendustalitus", "tugitiim"}});
  CHECK(last_run(db) == std::vector<std::string>{"10", "0", "0", "0"});
  // One migration per numbered file in schema/, applied in order.
  CHECK(scalar(db, "PRAGMA user_version") == std::to_string(schema_files()));
  CHECK(scalar(db, "PRAGMA journal_mode") == "wal");
  CHECK(query(db, "PRAGMA foreign_key_check").empty());
  CHECK(scalar(db, "SELECT sum(pages) FROM documents") == "36");
  CHECK(scalar(db, "SELECT count(*) FROM documents WHERE length(sha256) = 64 AND pdf_producer IS NOT NULL") == "10");
}

TEST_CASE("store: language requirements and full-text search answer in SQL") {
  auto dir = aj::test::temp_dir("store-languages");
  auto db = import_into(dir, {aj::test::corpus("seeds")});
  CHECK(query(db,
              "SELECT language, level, required, options FROM v_language_requirements "
              "WHERE path LIKE '%004_0473cc471da9172f.a.pdf' ORDER BY position") ==
        Rows{{"et", "C1", "1", "NULL"}, {"foreign", "B1", "1", "en, ru"}});
  CHECK(scalar(db, "SELECT count(DISTINCT record_id) FROM v_language_requirements WHERE language = 'en' AND level = 'B2'") ==
        "2");
  // Substrings inside compounds with the trigram index, whole words with the other.
  CHECK(scalar(db, "SELECT count(*) FROM v_search_trigram WHERE text MATCH 'süsteem' AND text LIKE '%infosüsteemide%'") !=
        "0");
  CHECK(scalar(db, "SELECT count(*) FROM v_search_words WHERE text MATCH 'süsteem' AND text LIKE '%infosüsteemide%'") ==
        "0");
  CHECK(scalar(db, "SELECT count(*) FROM v_search_words WHERE text MATCH 'infosüsteemide'") != "0");
  CHECK(scalar(db, "SELECT count(*) FROM v_search_words WHERE text MATCH 'infosusteemide'") == "0");  // ü is kept
}

TEST_CASE("store: a re-import finds every file unchanged, quickly, and changes nothing") {
  auto dir = aj::test::temp_dir("store-reimport");
  auto db = import_into(dir, {aj::test::corpus("seeds")});
  const Rows before = query(db, "SELECT id, document_id, title FROM records ORDER BY id");
  auto r = run_aj(dir, {"import", "--db", db, aj::test::corpus("seeds")});
  REQUIRE(r.code == 0);
  CHECK(r.seconds < 2.0);
  CHECK(last_run(db) == std::vector<std::string>{"0", "0", "0", "10"});
  CHECK(r.out.find("10 unchanged") != std::string::npos);
  CHECK(r.out.find("ametijuhend report --db " + db) != std::string::npos);
  CHECK(query(db, "SELECT id, document_id, title FROM records ORDER BY id") == before);
  // A touched file (new mtime, same bytes) is read and hashed, but not parsed again.
  const std::string touched = dir + "/touched.pdf";
  aj::test::fs::copy_file(aj::test::seed_pdfs()[0], touched);
  import_into(dir, {touched});
  aj::test::fs::last_write_time(touched, aj::test::fs::last_write_time(touched) + std::chrono::seconds(5));
  import_into(dir, {touched});
  CHECK(last_run(db) == std::vector<std::string>{"0", "0", "0", "1"});
  CHECK(query(db, "SELECT id, document_id, title FROM records ORDER BY id") == before);
}

TEST_CASE("store: a changed grammar file re-parses every document, and so does --force") {
  auto dir = aj::test::temp_dir("store-grammar-change");
  const std::string grammars = dir + "/grammars";
  aj::test::fs::copy(aj::test::grammars(), grammars, aj::test::fs::copy_options::recursive);
  auto db = import_into(dir, {aj::test::corpus("seeds")}, {"--grammars", grammars});
  const std::string fingerprint = scalar(db, "SELECT DISTINCT grammar_fingerprint FROM records");
  import_into(dir, {aj::test::corpus("seeds")}, {"--grammars", grammars});
  CHECK(last_run(db) == std::vector<std::string>{"0", "0", "0", "10"});

  std::ofstream(grammars + "/_common.toml", std::ios::app) << "\n# touched by the test\n";
  import_into(dir, {aj::test::corpus("seeds")}, {"--grammars", grammars});
  CHECK(last_run(db) == std::vector<std::string>{"0", "10", "0", "0"});
  CHECK(scalar(db, "SELECT count(DISTINCT grammar_fingerprint) FROM records") == "1");
  CHECK(scalar(db, "SELECT grammar_fingerprint FROM records LIMIT 1") != fingerprint);
  CHECK(scalar(db, "SELECT count(*) FROM records") == "10");
  CHECK(scalar(db, "SELECT count(*) FROM documents") == "10");

  import_into(dir, {aj::test::corpus("seeds")}, {"--grammars", grammars, "--force"});
  CHECK(last_run(db) == std::vector<std::string>{"0", "10", "0", "0"});
  CHECK(scalar(db, "SELECT count(*) FROM records") == "10");
  CHECK(scalar(db, "SELECT count(*) FROM search_text WHERE record_id NOT IN (SELECT id FROM records)") == "0");
  CHECK(aj::test::search_index_intact(db));
  CHECK(scalar(db, "SELECT count(DISTINCT record_id) FROM v_search_trigram WHERE text MATCH 'süsteem'") == "10");
}

TEST_CASE("store: the same PDF at two paths is one document with two paths") {
  auto dir = aj::test::temp_dir("store-duplicates");
  const auto seed = aj::test::seed_pdfs()[0];
  aj::test::fs::create_directories(dir + "/in/sub");
  aj::test::fs::copy_file(seed, dir + "/in/first.pdf");
  aj::test::fs::copy_file(seed, dir + "/in/sub/second.pdf");
  auto db = import_into(dir, {dir + "/in"});
  CHECK(scalar(db, "SELECT count(*) FROM documents") == "1");
  CHECK(scalar(db, "SELECT count(*) FROM records") == "1");
  CHECK(query(db, "SELECT path FROM files ORDER BY path") == Rows{{dir + "/in/first.pdf"}, {dir + "/in/sub/second.pdf"}});
  CHECK(scalar(db, "SELECT path_count FROM v_positions") == "2");
  CHECK(last_run(db) == std::vector<std::string>{"1", "0", "1", "0"});

  // A third copy later joins the stored document without a parse.
  aj::test::fs::copy_file(seed, dir + "/in/third.pdf");
  import_into(dir, {dir + "/in"});
  CHECK(last_run(db) == std::vector<std::string>{"0", "0", "1", "2"});
  CHECK(scalar(db, "SELECT count(*) FROM files") == "3");

  // When a path's content changes, the path moves to the new document; the old one stays while it has paths.
  aj::test::fs::copy_file(aj::test::seed_pdfs()[2], dir + "/in/first.pdf", aj::test::fs::copy_options::overwrite_existing);
  import_into(dir, {dir + "/in"});
  CHECK(scalar(db, "SELECT count(*) FROM documents") == "2");
  CHECK(scalar(db, "SELECT title FROM v_positions WHERE path = '" + dir + "/in/first.pdf'") == "Talituse juhataja");
}

TEST_CASE("store: files are taken by their %PDF- signature, not by their name") {
  auto dir = aj::test::temp_dir("store-by-content");
  aj::test::fs::create_directories(dir + "/in");
  aj::test::fs::copy_file(aj::test::seed_pdfs()[0], dir + "/in/job description.dat");
  std::ofstream(dir + "/in/notes.txt") << "not a PDF, and not named like one\n";
  std::ofstream(dir + "/in/fake.PDF") << "not a PDF, but named like one\n";
  auto db = import_into(dir, {dir + "/in"});
  CHECK(query(db, "SELECT source_file, status FROM v_positions ORDER BY path") ==
        Rows{{"fake.PDF", "failed"}, {"job description.dat", "ok"}});
  CHECK(scalar(db, "SELECT code FROM v_problems WHERE source_file = 'fake.PDF'") == "not_a_pdf");
  // Reported once: the next run has nothing to say about it.
  auto again = run_aj(dir, {"import", "--db", db, dir + "/in"});
  CHECK(again.err.find("fake.PDF") == std::string::npos);
  CHECK(last_run(db) == std::vector<std::string>{"0", "0", "0", "2"});
}

TEST_CASE("store: bad files are stored as failed with their own problem codes, a scan as partial read by OCR") {
  auto dir = aj::test::temp_dir("store-bad");
  const std::string db = dir + "/db.sqlite";
  auto r = run_aj(dir, {"import", "--db", db, aj::test::corpus("bad")});
  REQUIRE(r.code == 0);
  CHECK(query(db,
              "SELECT source_file, status, (SELECT group_concat(code) FROM problems p WHERE p.record_id = v.record_id "
              "AND severity = 'error') FROM v_positions v WHERE source_file IN "
              "('truncated.pdf', 'encrypted.pdf', 'not-a-pdf.pdf', 'scanned.pdf', 'unknown-layout.pdf') ORDER BY path") ==
        Rows{{"encrypted.pdf", "failed", "pdf_encrypted"},
             {"not-a-pdf.pdf", "failed", "not_a_pdf"},
             {"scanned.pdf", "partial", "NULL"},   // OCR'd (ocr_used, a warning): never ok, not failed
             {"truncated.pdf", "failed", "pdf_damaged"},
             {"unknown-layout.pdf", "failed", "no_grammar_matched"}});
  CHECK(scalar(db, "SELECT pdf_encrypted FROM v_files WHERE path LIKE '%/encrypted.pdf'") == "1");
  CHECK(r.err.find("truncated.pdf: failed") != std::string::npos);
  CHECK(scalar(db, "SELECT count(*) FROM problems p JOIN records r ON r.id = p.record_id "
                   "WHERE r.source_file = 'scanned.pdf' AND p.code = 'ocr_used'") == "1");
  CHECK(r.out.find("9 documents failed") != std::string::npos);
  // --strict turns any failed document into exit code 3, also when nothing was parsed in this run.
  CHECK(run_aj(dir, {"import", "--strict", "--db", db, aj::test::corpus("bad")}).code == 3);
  CHECK(run_aj(dir, {"import", "--strict", "--db", dir + "/seeds.sqlite", aj::test::corpus("seeds")}).code == 0);
}

TEST_CASE("store: import exit codes say whether it could run") {
  auto dir = aj::test::temp_dir("store-exit-codes");
  const std::string seed = aj::test::seed_pdfs()[0];
  CHECK(run_aj(dir, {"import", "--jobs", "0", seed}).code == 2);
  CHECK(run_aj(dir, {"import", "--no-such-option", seed}).code == 2);
  CHECK(run_aj(dir, {"import"}).code == 2);

  auto missing = run_aj(dir, {"import", "--db", dir + "/db.sqlite", dir + "/no-such-folder"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("no-such-folder") != std::string::npos);

  auto grammars = run_aj(dir, {"import", "--db", dir + "/db.sqlite", "--grammars", dir + "/no-grammars", seed});
  CHECK(grammars.code == 1);
  CHECK(grammars.err.find("no-grammars") != std::string::npos);

  aj::test::fs::create_directories(dir + "/a-folder");
  auto unwritable = run_aj(dir, {"import", "--db", dir + "/a-folder", seed});
  CHECK(unwritable.code == 1);
  CHECK(unwritable.err.find("a-folder") != std::string::npos);

  std::ofstream(dir + "/text.sqlite") << "this is not a database, and it is long enough to be read as a header....\n";
  auto not_db = run_aj(dir, {"import", "--db", dir + "/text.sqlite", seed});
  CHECK(not_db.code == 1);
  CHECK(not_db.err.find("text.sqlite") != std::string::npos);
}
