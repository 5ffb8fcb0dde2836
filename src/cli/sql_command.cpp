// sql_command.cpp — `ametijuhend sql [--db FILE] "SELECT …" [--format
// table|csv|json|xlsx] [--out FILE] [--excel]`: one query on a read-only
// connection, with COLLATE et, lower_et() and upper_et() available
// (store/et_functions.h). A statement that would write is refused before it
// runs; a query that is a file's path (`sql FILE.pdf`) is refused as such,
// not handed to SQLite as SQL.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/tabular.h"
#include "cli/xlsx.h"
#include "store/database.h"

namespace aj::cli {
namespace {

// Why `query` is a file's path and not SQL, or "" when it is not one: a
// single word that names an existing file, or ends like a PDF or database.
std::string path_not_query(const std::string& query) {
  if (query.empty() || query.find_first_of(" \t\r\n") != std::string::npos) return "";
  const std::string ext = std::filesystem::path(query).extension().string();
  std::error_code ec;
  const bool exists = std::filesystem::exists(query, ec);
  if (ext == ".pdf" || ext == ".PDF")
    return "'" + query + "' is a PDF file, not an SQL query: `ametijuhend export " + query +
           "` parses it; `ametijuhend sql --db DATABASE \"SELECT …\"` queries a database";
  if (exists || ext == ".sqlite" || ext == ".db")
    return "'" + query + "' is a file's path, not an SQL query: give the database with --db " + query +
           " and the query as the argument, e.g. ametijuhend sql --db " + query +
           " \"SELECT title FROM v_positions\"";
  return "";
}

}  // namespace

void add_sql_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("sql", "Run one read-only SQL query on the database");
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  auto query = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto out_path = std::make_shared<std::string>();
  auto excel = std::make_shared<bool>(false);
  cmd->add_option("query", *query, "one SQL statement (views: v_positions, v_tasks, v_language_requirements, …)")
      ->required();
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  cmd->add_option("--format", *format, "table, csv, json or xlsx (a spreadsheet; needs --out)")
      ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("--out", *out_path, "write to this file instead of stdout");
  cmd->add_flag("--excel", *excel, "csv: start with a UTF-8 byte order mark, so Excel reads õ ä ö ü right");
  cmd->footer(
      "Also available: ORDER BY x COLLATE et (Estonian order: š after s, õ ä ö ü after w), lower_et(x), upper_et(x).\n"
      "The stock sqlite3 shell gets the same with .load libaj_sqlite_et (built beside the program).\n"
      "xlsx: one sheet, 'query', with the result's columns; numbers stay numbers.");
  cmd->callback([=] {
    if (const std::string why = path_not_query(*query); !why.empty())
      throw CLI::ValidationError("query", why);
    if (*format == "xlsx" && out_path->empty())
      throw CLI::ValidationError("--format", "xlsx writes a file: give --out FILE.xlsx");
    if (*excel && *format != "csv") throw CLI::ValidationError("--excel", "--excel is for --format csv");
    std::string error;
    auto db = store::open_readonly(*db_path, &error);
    if (!db) {
      std::cerr << "ametijuhend sql: " << error << "\n";
      set_exit_code(1);
      return;
    }
    std::string_view rest;
    store::Stmt stmt = db->prepare(*query, &rest);
    const bool more = rest.find_first_not_of(" \t\r\n;") != std::string_view::npos;
    if (!db->ok() || !stmt.ok() || more) {
      std::cerr << "ametijuhend sql: "
                << (!db->ok() ? db->error() : more ? "give one statement only (found more after the first)"
                                                   : "the query holds no statement")
                << "\n";
      set_exit_code(1);
      return;
    }
    if (!stmt.readonly()) {
      std::cerr << "ametijuhend sql: the database is opened read-only, and this statement would change it; "
                   "only queries (SELECT, read-only PRAGMA, EXPLAIN) are allowed\n";
      set_exit_code(1);
      return;
    }
    std::vector<std::string> names;
    for (int c = 0; c < stmt.columns(); ++c) names.push_back(stmt.column_name(c));
    std::vector<Row> rows;
    Sheet sheet{"query", names, {}};
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    while (stmt.step()) {
      Row row;
      std::vector<Cell> cells;
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (int c = 0; c < stmt.columns(); ++c) {
        row.push_back(stmt.opt_text(c));
        switch (stmt.column_type(c)) {
          case SQLITE_INTEGER: object[names[c]] = stmt.int64(c); cells.emplace_back(stmt.int64(c)); break;
          case SQLITE_FLOAT: object[names[c]] = stmt.real(c); cells.emplace_back(stmt.real(c)); break;
          case SQLITE_NULL: object[names[c]] = nullptr; cells.emplace_back(); break;
          default: object[names[c]] = stmt.text(c); cells.emplace_back(stmt.text(c));
        }
      }
      if (*format == "json") json.push_back(std::move(object));
      else if (*format == "xlsx") sheet.rows.push_back(std::move(cells));
      else rows.push_back(std::move(row));
    }
    if (!db->ok()) {
      std::cerr << "ametijuhend sql: " << db->error() << "\n";
      set_exit_code(1);
      return;
    }
    if (*format == "xlsx") {
      if (!write_xlsx(*out_path, {sheet}, &error)) {
        std::cerr << "ametijuhend sql: " << error << "\n";
        set_exit_code(1);
      }
      return;
    }
    std::ostringstream text;
    if (*format == "json") text << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else if (*format == "csv") print_csv(text, names, rows, *excel);
    else print_table(text, names, rows);
    if (!write_output(text.str(), *out_path, &error)) {
      std::cerr << "ametijuhend sql: " << error << "\n";
      set_exit_code(1);
    }
  });
}

}  // namespace aj::cli
