// layout.cpp — the stage's entry point, and its text and JSON views.
#include "layout/layout.h"

#include <cmath>
#include <cstdio>

#include "layout/internal.h"

namespace aj::layout {

Layout analyse(const extract::Document& doc, const Options& options) {
  Layout out;
  for (const auto& p : doc.pages) out.pages.push_back(PageInfo{p.number, p.width, p.height, {}});
  std::vector<detail::Row> rows;
  for (const auto& p : doc.pages)
    for (auto& r : detail::build_rows(p)) rows.push_back(std::move(r));
  // Furniture first, on whole rows: a footer's row is set aside before it
  // can split a column's river or join a line of text.
  auto furniture = detail::find_furniture(rows, out.pages, options);
  std::vector<detail::Row> content;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!furniture[i]) {
      content.push_back(std::move(rows[i]));
      continue;
    }
    for (const auto& s : rows[i].segs) out.pages[s.page - 1].furniture.push_back(detail::to_line(s));
  }
  detail::split_columns(content);
  detail::build_tables(std::move(content), out);
  return out;
}

std::string cell_text(const Layout& layout, const Cell& cell) {
  std::string out;
  for (int i : cell.lines) out += (out.empty() ? "" : " ") + layout.lines[i].text;
  return out;
}

namespace {

nlohmann::ordered_json line_json(const Line& l) {
  nlohmann::ordered_json j;
  j["page"] = l.page;
  j["box"] = {std::round(l.box.x0 * 10) / 10, std::round(l.box.y0 * 10) / 10, std::round(l.box.x1 * 10) / 10,
              std::round(l.box.y1 * 10) / 10};
  j["text"] = l.text;
  if (l.bullet) j["bullet"] = true;
  if (l.para_start) j["para_start"] = true;
  if (l.bold) j["bold"] = true;
  return j;
}

std::string fmt_box(const Box& b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%5.0f %5.0f", b.x0, b.y0);
  return buf;
}

}  // namespace

nlohmann::ordered_json to_json(const Layout& layout) {
  nlohmann::ordered_json j;
  j["pages"] = nlohmann::ordered_json::array();
  for (const auto& p : layout.pages) {
    nlohmann::ordered_json pj{{"number", p.number}, {"width", p.width}, {"height", p.height}};
    pj["furniture"] = nlohmann::ordered_json::array();
    for (const auto& f : p.furniture) pj["furniture"].push_back(line_json(f));
    j["pages"].push_back(pj);
  }
  // Blocks in reading order: runs of free lines, and tables where they begin.
  j["blocks"] = nlohmann::ordered_json::array();
  nlohmann::ordered_json text_block;
  auto flush_text = [&] {
    if (!text_block.is_null()) j["blocks"].push_back(text_block);
    text_block = nullptr;
  };
  int last_table = -1;
  for (const auto& l : layout.lines) {
    if (l.table < 0) {
      if (text_block.is_null()) text_block = {{"type", "text"}, {"lines", nlohmann::ordered_json::array()}};
      text_block["lines"].push_back(line_json(l));
      continue;
    }
    if (l.table == last_table) continue;
    flush_text();
    last_table = l.table;
    const Table& t = layout.tables[l.table];
    nlohmann::ordered_json tj{{"type", "table"}, {"pages", {t.page_first, t.page_last}}, {"columns", t.columns}};
    tj["rows"] = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
      nlohmann::ordered_json rj = nlohmann::ordered_json::array();
      for (const auto& c : row.cells) {
        nlohmann::ordered_json cj{{"column", c.column}, {"text", cell_text(layout, c)}};
        cj["lines"] = nlohmann::ordered_json::array();
        for (int i : c.lines) cj["lines"].push_back(line_json(layout.lines[i]));
        rj.push_back(cj);
      }
      tj["rows"].push_back({{"cells", rj}});
    }
    j["blocks"].push_back(tj);
  }
  flush_text();
  return j;
}

std::string to_text(const Layout& layout) {
  std::string out;
  int last_table = -1;
  int last_page = 0;
  for (const auto& l : layout.lines) {
    if (l.page != last_page && l.table < 0) {
      out += "── page " + std::to_string(l.page) + " ──\n";
      last_page = l.page;
    }
    if (l.table < 0) {
      out += fmt_box(l.box) + "  " + (l.para_start ? "¶ " : "  ") + (l.bullet ? "• " : "") + l.text + "\n";
      continue;
    }
    if (l.table == last_table) continue;
    last_table = l.table;
    const Table& t = layout.tables[l.table];
    out += "┌ table " + std::to_string(l.table) + " (pages " + std::to_string(t.page_first) + "–" +
           std::to_string(t.page_last) + ", " + std::to_string(t.columns.size()) + " columns)\n";
    for (size_t r = 0; r < t.rows.size(); ++r) {
      out += "├ row " + std::to_string(r + 1) + "\n";
      for (const auto& c : t.rows[r].cells) {
        out += "│  [col " + std::to_string(c.column) + "]\n";
        for (int i : c.lines) {
          const Line& cl = layout.lines[i];
          out += "│    p" + std::to_string(cl.page) + " " + (cl.para_start ? "¶ " : "  ") + (cl.bullet ? "• " : "") +
                 cl.text + "\n";
        }
      }
    }
    out += "└\n";
    last_page = t.page_last;
  }
  for (const auto& p : layout.pages)
    for (const auto& f : p.furniture) out += "(furniture, page " + std::to_string(p.number) + ") " + f.text + "\n";
  return out;
}

}  // namespace aj::layout
