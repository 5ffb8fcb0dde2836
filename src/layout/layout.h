// layout.h — the second stage: words → lines → tables, cells and paragraphs.
//
// Job descriptions are Word documents whose content sits in tables, and
// Poppler exposes no ruling lines, only words. The structure is rebuilt from
// geometry alone:
//   1. rows: words whose vertical extents overlap, per page;
//   2. furniture: rows in the top or bottom margin (or a page's first or
//      last row set off by a blank line, near its edge) that match a page
//      number pattern, or whose text, page numbers masked, stands at the same
//      height on most pages, are set aside whole, before anything else;
//   3. segments: a row split where the gap between two words is wider than
//      a column gap (a bullet glyph followed by a tab stays with its item),
//      the gutter's white space followed over page breaks; a justified line
//      whose neighbours run across its wide gap stays whole; a segment is
//      what the rest of the pipeline calls a "line";
//   4. tables: a run of rows in which segments start at the same column
//      positions; a table continues over a page break when the next page
//      starts with rows of the same columns. A single-segment row belongs to
//      the open table when it lies inside one of its columns;
//   5. table rows and cells: a table row starts where the first column
//      starts a new paragraph; a cell holds one column's lines of a row;
//   6. paragraphs: within one column, a line starts a paragraph after a
//      vertical gap wider than line spacing, at a bullet, at a leading item
//      number, or where indentation steps back out.
// Reading order: pages top to bottom; within a table, row by row and, in a
// row, cell by cell, each cell top to bottom.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/problem.h"
#include "extract/pdf.h"

namespace aj::layout {

struct Line {
  int page = 0;           // 1-based
  Box box;
  std::string text;       // cleaned words (normalize::clean) joined by single spaces, bullet removed
  double size = 0;        // font size of the first word
  bool bold = false;      // the first word's font is a bold face
  bool bullet = false;    // the line began with a list bullet glyph
  bool para_start = false;
  double first_word_width = 0;  // for the paragraph-end rule (would it have fitted above?)
  int table = -1;         // index into Layout::tables, or -1 outside tables
  int column = 0;         // column within its table (0 outside tables)
  int row = -1;           // table row within its table, or -1
};

struct Cell {
  int column = 0;
  std::vector<int> lines;   // indices into Layout::lines, top to bottom
};

struct TableRow {
  std::vector<Cell> cells;  // only the columns that hold text, left to right
};

struct Table {
  std::vector<double> columns;   // left edge of each column, in points
  std::vector<TableRow> rows;
  int page_first = 0, page_last = 0;
};

struct PageInfo {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> furniture;   // headers, footers and page numbers set aside
};

struct Layout {
  std::vector<PageInfo> pages;
  std::vector<Line> lines;       // every non-furniture line, in reading order
  std::vector<Table> tables;
};

struct Options {
  // RE2 patterns (full match) for page furniture such as "Lk 1 / 3" or "2":
  // the grammars' _common.toml furniture (pipeline/layout_options.h). With
  // none, only text repeated in the margins of most pages is furniture.
  std::vector<std::string> furniture_patterns;
  double margin_fraction = 0.09;   // top/bottom share of the page where furniture may sit
  // Beyond it, up to this share, only a page's first or last row set off by a
  // blank line may be furniture (a footer set high above the page's edge).
  double outer_fraction = 0.14;
};

Layout analyse(const extract::Document& doc, const Options& options = {});

// The text of a cell's lines joined with single spaces (no hyphen resolution).
std::string cell_text(const Layout& layout, const Cell& cell);

// For `ametijuhend layout`: readable text and JSON for tools.
std::string to_text(const Layout& layout);
nlohmann::ordered_json to_json(const Layout& layout);

}  // namespace aj::layout
