// tabular.cpp — table, CSV and output-file writing (tabular.h).
#include "cli/tabular.h"

#include <algorithm>
#include <fstream>
#include <iostream>

namespace aj::cli {
namespace {

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

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void print_table(std::ostream& out, const std::vector<std::string>& names, const std::vector<Row>& rows) {
  std::vector<size_t> width(names.size());
  for (size_t c = 0; c < names.size(); ++c) width[c] = display_width(names[c]);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(one_line(row[c].value_or(""))));
  auto cell = [&](const std::string& s, size_t c) {
    out << (c ? " | " : "") << s;
    if (c + 1 < width.size()) out << std::string(width[c] - display_width(s), ' ');
  };
  for (size_t c = 0; c < names.size(); ++c) cell(names[c], c);
  out << "\n";
  for (size_t c = 0; c < names.size(); ++c) out << (c ? "-+-" : "") << std::string(width[c], '-');
  out << "\n";
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) cell(one_line(row[c].value_or("")), c);
    out << "\n";
  }
  out << "(" << rows.size() << (rows.size() == 1 ? " row)\n" : " rows)\n");
}

void print_csv(std::ostream& out, const std::vector<std::string>& names, const std::vector<Row>& rows,
               bool excel_bom) {
  if (excel_bom) out << "\xEF\xBB\xBF";
  for (size_t c = 0; c < names.size(); ++c) out << (c ? "," : "") << csv_field(names[c]);
  out << "\n";
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_field(row[c].value_or(""));
    out << "\n";
  }
}

bool write_output(const std::string& text, const std::string& path, std::string* error) {
  if (path.empty()) {
    std::cout << text << std::flush;
    return true;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace aj::cli
