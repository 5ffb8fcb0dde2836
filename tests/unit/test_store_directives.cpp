// test_store_directives.cpp — directives in the database, through SQL: their
// facts, their repeals, and which job descriptions are in force.
#include <doctest/doctest.h>

#include "test_store_support.h"

using namespace aj::test;

namespace {

std::string import_directives(const std::string& name, const std::vector<std::string>& pdfs) {
  const std::string dir = temp_dir(name);
  const std::string db = dir + "/db.sqlite";
  std::vector<std::string> args{"import"};
  for (const auto& p : pdfs) args.push_back(corpus("directives/" + p));
  args.insert(args.end(), {"--db", db});
  Ran r = run_aj(dir, args);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  return db;
}

}  // namespace

TEST_CASE("store directives: a directive's facts, list and repeals are queryable in SQL") {
  auto db = import_directives("directives-facts", {"2026-1.pdf"});
  CHECK(query(db, "SELECT issuer, date, number, title, signatory_name, entry_on_signature, retroactive_from "
                  "FROM directives") ==
        Rows{{"Sotsiaalkindlustusamet", "2026-01-07", "1", "Ametijuhendite kinnitamine", "Maret Maripuu", "1",
              "2026-01-01"}});
  CHECK(query(db, "SELECT number, title FROM directive_appendices ORDER BY position") ==
        Rows{{"1", "ekspert (ohvriabi ärianalüüsid)"}, {"2", "talituse juhataja"}, {"3", "ekspert (nõustamismetoodikad)"}});
  CHECK(query(db, "SELECT act_date, act_number, appendix FROM directive_repeals ORDER BY position") ==
        Rows{{"2024-12-23", "192", "1"}, {"2024-12-23", "192", "2"}});
  CHECK(query(db, "SELECT source_index, page_first, page_last, title FROM records ORDER BY source_index") ==
        Rows{{"1", "2", "4", "Ekspert (ohvriabi ärianalüüsid)"},
             {"2", "5", "8", "Talituse juhataja"},
             {"3", "9", "11", "Ekspert (nõustamismetoodikad)"}});
}

TEST_CASE("store directives: after a newer directive repeals an older one, v_in_force lists only the newer") {
  auto db = import_directives("directives-in-force", {"2024-192.pdf", "2026-1.pdf"});
  CHECK(scalar(db, "SELECT count(*) FROM records") == "5");
  CHECK(query(db, "SELECT title, directive_number FROM v_in_force ORDER BY title") ==
        Rows{{"Ekspert (nõustamismetoodikad)", "1"}, {"Ekspert (ohvriabi ärianalüüsid)", "1"},
             {"Talituse juhataja", "1"}});
  // On a day in 2025 the older ones were in force.
  CHECK(query(db, "SELECT title FROM v_record_validity WHERE valid_from <= '2025-06-01' "
                  "AND (valid_to IS NULL OR valid_to > '2025-06-01') ORDER BY title") ==
        Rows{{"Peaspetsialist (kasutaja tugi)"}, {"Teenuse juht (TTTVT)"}});
}

TEST_CASE("store directives: a new version of a job description replaces the old one from its effective date") {
  auto db = import_directives("directives-amend", {"2026-1.pdf", "2026-15.pdf"});
  CHECK(query(db, "SELECT act_number, valid_from, valid_to FROM v_record_validity WHERE title = 'Talituse juhataja' "
                  "ORDER BY valid_from") ==
        Rows{{"1", "2026-01-01", "2026-03-01"}, {"15", "2026-03-01", "NULL"}});
  CHECK(scalar(db, "SELECT count(*) FROM v_in_force WHERE title = 'Talituse juhataja'") == "1");
}

TEST_CASE("store directives: a list that disagrees with the appendices is stored as a problem") {
  auto db = import_directives("directives-mismatch", {"2025-40-mismatch.pdf"});
  CHECK(scalar(db, "SELECT count(*) FROM directive_problems WHERE code = 'directive_mismatch'") == "1");
  CHECK(query(db, "SELECT appendices_listed, appendices_found FROM v_directives") == Rows{{"3", "2"}});
  CHECK(scalar(db, "SELECT count(*) FROM records WHERE status = 'partial'") == "2");
}
