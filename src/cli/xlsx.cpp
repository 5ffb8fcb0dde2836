// xlsx.cpp — the workbook writer over libxlsxwriter's C API (xlsx.h).
#include "cli/xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>

namespace aj::cli {
namespace {

constexpr size_t kMaxCellText = 32767;   // Excel's limit on one cell's characters
constexpr double kMaxColumnWidth = 60;   // wider texts wrap

// UTF-8 code points, an estimate of the characters a column must show.
size_t characters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cut at a code point boundary, so the cell stays valid UTF-8.
std::string fit_cell(const std::string& s) {
  if (characters(s) <= kMaxCellText) return s;
  size_t seen = 0, at = 0;
  for (; at < s.size(); ++at)
    if ((static_cast<unsigned char>(s[at]) & 0xC0) != 0x80 && seen++ == kMaxCellText - 1) break;
  return s.substr(0, at);
}

}  // namespace

bool write_xlsx(const std::string& path, const std::vector<Sheet>& sheets, std::string* error) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) {
    *error = "cannot create the workbook " + path;
    return false;
  }
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  lxw_format* wrapped = workbook_add_format(book);
  format_set_text_wrap(wrapped);
  format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
  lxw_error failed = LXW_NO_ERROR;
  auto check = [&](lxw_error e) { failed = failed == LXW_NO_ERROR ? e : failed; };
  for (const Sheet& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
    if (!ws) {
      workbook_close(book);
      *error = "cannot add the sheet '" + sheet.name + "' to " + path;
      return false;
    }
    std::vector<size_t> width(sheet.columns.size());
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.columns[c].c_str(), header));
      width[c] = characters(sheet.columns[c]);
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < sheet.rows[r].size() && c < sheet.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const Cell& cell = sheet.rows[r][c];
        if (const auto* i = std::get_if<int64_t>(&cell)) {
          check(worksheet_write_number(ws, row, col, static_cast<double>(*i), nullptr));
          width[c] = std::max(width[c], std::to_string(*i).size());
        } else if (const auto* d = std::get_if<double>(&cell)) {
          check(worksheet_write_number(ws, row, col, *d, nullptr));
          width[c] = std::max<size_t>(width[c], 10);
        } else if (const auto* s = std::get_if<std::string>(&cell)) {
          const std::string text = fit_cell(*s);
          const bool long_text = characters(text) > kMaxColumnWidth || text.find('\n') != std::string::npos;
          check(worksheet_write_string(ws, row, col, text.c_str(), long_text ? wrapped : nullptr));
          width[c] = std::max(width[c], characters(text));
        }
      }
    }
    for (size_t c = 0; c < width.size(); ++c)
      check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::min(kMaxColumnWidth, static_cast<double>(width[c]) + 2), nullptr));
    worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.columns.empty())
      check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                 static_cast<lxw_col_t>(sheet.columns.size() - 1)));
  }
  const lxw_error closed = workbook_close(book);
  if (failed == LXW_NO_ERROR) failed = closed;
  if (failed != LXW_NO_ERROR) {
    *error = "cannot write the workbook " + path + ": " + lxw_strerror(failed);
    return false;
  }
  return true;
}

}  // namespace aj::cli
