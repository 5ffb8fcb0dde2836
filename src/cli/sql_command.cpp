// sql_command.cpp — `ametijuhend sql [--db FILE] "SELECT …" [--format
// table|csv|json]`: one query on a read-only connection, with COLLATE et,
// lower_et() and upper_et() available (store/et_functions.h). A statement
// that would write is refused before it runs.
#include <sqlite3.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "store/database.h"

namespace aj::cli {
namespace {

using Row = std::vector<std::optional<std::string>>;

// Code points, close enough to display columns for NFC text.
size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A line break inside a value is shown as " ↵ ", so each row stays one line.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string(" ↵ ") : std::string(1, c);
  return out;
}

void print_table(const std::vector<std::string>& names, const std::vector<Row>& rows) {
  std::vector<size_t> width(names.size());
  for (size_t c = 0; c < names.size(); ++c) width[c] = display_width(names[c]);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(one_line(row[c].value_or(""))));
  auto cell = [&](const std::string& s, size_t c) {
    std::cout << (c ? " | " : "") << s;
    if (c + 1 < width.size()) std::cout << std::string(width[c] - display_width(s), ' ');
  };
  for (size_t c = 0; c < names.size(); ++c) cell(names[c], c);
  std::cout << "\n";
  for (size_t c = 0; c < names.size(); ++c) std::cout << (c ? "-+-" : "") << std::string(width[c], '-');
  std::cout << "\n";
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) cell(one_line(row[c].value_or("")), c);
    std::cout << "\n";
  }
  std::cout << "(" << rows.size() << (rows.size() == 1 ? " row)\n" : " rows)\n");
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void print_csv(const std::vector<std::string>& names, const std::vector<Row>& rows) {
  for (size_t c = 0; c < names.size(); ++c) std::cout << (c ? "," : "") << csv_field(names[c]);
  std::cout << "\n";
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) std::cout << (c ? "," : "") << csv_field(row[c].value_or(""));
    std::cout << "\n";
  }
}

}  // namespace

void add_sql_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("sql", "Run one read-only SQL query on the database");
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  auto query = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("query", *query, "one SQL statement (views: v_positions, v_tasks, v_language_requirements, …)")
      ->required();
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  cmd->add_option("--format", *format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Also available: ORDER BY x COLLATE et (Estonian order: š after s, õ ä ö ü after w), lower_et(x), upper_et(x).\n"
      "The stock sqlite3 shell gets the same with .load libaj_sqlite_et (built beside the program).");
  cmd->callback([db_path, query, format] {
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
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    while (stmt.step()) {
      Row row;
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (int c = 0; c < stmt.columns(); ++c) {
        row.push_back(stmt.opt_text(c));
        switch (stmt.column_type(c)) {
          case SQLITE_INTEGER: object[names[c]] = stmt.int64(c); break;
          case SQLITE_FLOAT: object[names[c]] = stmt.real(c); break;
          case SQLITE_NULL: object[names[c]] = nullptr; break;
          default: object[names[c]] = stmt.text(c);
        }
      }
      if (*format == "json") json.push_back(std::move(object));
      else rows.push_back(std::move(row));
    }
    if (!db->ok()) {
      std::cerr << "ametijuhend sql: " << db->error() << "\n";
      set_exit_code(1);
      return;
    }
    if (*format == "json") std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else if (*format == "csv") print_csv(names, rows);
    else print_table(names, rows);
  });
}

}  // namespace aj::cli
