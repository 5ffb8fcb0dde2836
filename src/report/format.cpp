// format.cpp — the failure report as plain text and as JSON.
#include "report/format.h"

#include <algorithm>
#include <sstream>

#include "core/wording.h"
#include "report/remedy.h"

namespace aj::report {
namespace {

std::string counts_line(const StatusCounts& c) {
  return std::to_string(c.total()) + " (ok " + std::to_string(c.ok) + ", partial " + std::to_string(c.partial) +
         ", failed " + std::to_string(c.failed) + ")";
}

int severity_rank(const std::string& s) { return s == "warning" ? 1 : s == "info" ? 2 : 0; }

std::string rpad(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

std::string pad(std::string s, size_t width) {
  size_t points = 0;
  for (unsigned char c : s) points += (c & 0xC0) != 0x80;
  if (points < width) s.append(width - points, ' ');
  return s;
}

// "record 2 (Lisa 2), " when the PDF holds several records.
std::string record_label(const DocumentEntry& d, const ProblemRow& p) {
  if (p.record_id == 0) return "directive, ";
  if (d.records.size() < 2) return "";
  for (const auto& r : d.records)
    if (r.id == p.record_id) return "record " + std::to_string(r.index) + (r.appendix ? ", " + *r.appendix : "") + ", ";
  return "";
}

void problem_line(std::ostream& out, const DocumentEntry& d, const ProblemRow& p, const TextLimits& limits) {
  const std::string where = record_label(d, p) + (p.page ? "p." + std::to_string(p.page) : "");
  out << "  " << pad(p.severity, 7) << " " << p.code << (where.empty() ? "" : " (" + where + ")") << ": "
      << clip(p.message, 200);
  if (!p.excerpt.empty()) out << "  «" << clip(p.excerpt, limits.excerpt) << "»";
  out << "\n";
}

nlohmann::ordered_json opt(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json counts_json(const StatusCounts& c) {
  return {{"total", c.total()}, {"ok", c.ok}, {"partial", c.partial}, {"failed", c.failed}};
}

}  // namespace

std::string format_text(const Report& r, const TextLimits& limits) {
  std::ostringstream out;
  out << "Failure report for " << r.database << (r.last_import ? " (last import " + *r.last_import + ")" : "")
      << "\n\n";
  out << "  files      " << counts_line(r.files) << "\n";
  if (r.documents.total() != r.files.total())
    out << "  documents  " << counts_line(r.documents) << "  (distinct contents)\n";
  out << "  records    " << counts_line(r.records) << "\n";
  out << "  problems   " << r.problems << " (error " << r.errors << ", warning " << r.warnings << ", info "
      << r.infos << ") in " << plural(static_cast<int64_t>(r.documents_with_problems.size()), "file", "files")
      << "\n";
  if (r.documents_with_problems.empty()) {
    out << "\nNothing went wrong: every record is ok and no problem was recorded.\n";
    return out.str();
  }

  out << "\nProblems by code (problems, files):\n";
  size_t code_width = 0;
  for (const auto& c : r.codes) code_width = std::max(code_width, c.code.size());
  for (const auto& c : r.codes)
    out << "  " << pad(c.severity, 7) << " " << pad(c.code, code_width) << " " << rpad(std::to_string(c.problems), 6)
        << " " << rpad(std::to_string(c.documents), 6) << "  " << c.meaning << "\n"
        << "  " << std::string(24 + code_width, ' ') << "what to do: " << what_to_do(c.code, "") << "\n";

  if (!r.repeats.empty()) {
    out << "\nRepeated problems (the same code and message in several files):\n";
    for (const auto& rep : r.repeats) {
      out << "  " << plural(static_cast<int64_t>(rep.documents.size()), "file", "files") << ": " << rep.severity
          << " " << rep.code << ": " << clip(rep.message, 200) << "\n      ";
      const size_t shown = std::min(rep.documents.size(), static_cast<size_t>(std::max(1, limits.repeat_names)));
      for (size_t i = 0; i < shown; ++i)
        if (const auto* d = r.find(rep.documents[i])) out << (i ? ", " : "") << d->path();
      if (rep.documents.size() > shown) out << " … and " << rep.documents.size() - shown << " more";
      out << "\n";
    }
  }

  // A file whose every problem is a repeated one is named in its Repeat (or
  // counted there), not listed again.
  struct Listed {
    const DocumentEntry* d;
    std::vector<const ProblemRow*> own;
    size_t repeated = 0;
  };
  std::vector<Listed> listed;
  size_t only_repeated = 0;
  for (const auto& d : r.documents_with_problems) {
    Listed l{&d, {}, 0};
    for (const auto& p : d.problems) {
      bool rep = false;
      for (const auto& x : r.repeats) rep = rep || is_repeated(x, p);
      if (rep) ++l.repeated;
      else l.own.push_back(&p);
    }
    if (l.own.empty() && l.repeated > 0) ++only_repeated;
    else listed.push_back(std::move(l));
  }
  const size_t total = listed.size();
  const size_t files = limits.max_files > 0 ? std::min(total, static_cast<size_t>(limits.max_files)) : total;
  if (total > 0)
    out << "\nFiles with problems, worst first" << (files < total ? " (the first " + std::to_string(files) + ")" : "")
        << ":\n";
  for (size_t i = 0; i < files; ++i) {
    const DocumentEntry& d = *listed[i].d;
    auto& own = listed[i].own;
    std::string title;
    std::optional<double> coverage;   // the least of its records' that were read at all
    for (const auto& rec : d.records) {
      if (rec.title) title += (title.empty() ? "" : "; ") + *rec.title;
      if (rec.coverage && rec.status != "failed") coverage = std::min(coverage.value_or(1.0), *rec.coverage);
    }
    out << "\n" << d.status << "  " << d.path() << (title.empty() ? "" : "  — " + clip(title, 80))
        << (coverage ? "  (coverage " + fields::as_percent(*coverage) + ")" : "") << "\n";
    if (d.paths.size() > 1)
      out << "  also at " << plural(static_cast<int64_t>(d.paths.size() - 1), "other path", "other paths") << "\n";
    std::string keys;
    for (const auto& rec : d.records) keys += (keys.empty() ? "" : ", ") + rec.record_key;
    if (!keys.empty()) out << "  key " << keys << "  (ametijuhend show KEY)\n";
    // Errors first: when a file has more than max_problems, the worst are shown.
    std::stable_sort(own.begin(), own.end(), [](const ProblemRow* a, const ProblemRow* b) {
      return severity_rank(a->severity) < severity_rank(b->severity);
    });
    const size_t shown =
        limits.max_problems > 0 ? std::min(own.size(), static_cast<size_t>(limits.max_problems)) : own.size();
    for (size_t k = 0; k < shown; ++k) problem_line(out, d, *own[k], limits);
    if (own.size() > shown) out << "  … and " << own.size() - shown << " more\n";
    if (listed[i].repeated)
      out << "  + " << plural(static_cast<int64_t>(listed[i].repeated), "repeated problem", "repeated problems")
          << " (above)\n";
    if (d.problems.empty()) out << "  (status " << d.status << " without a recorded problem)\n";
  }
  if (files < total)
    out << "\n… and " << total - files << " more files with problems (--max-files 0 lists them all; "
        << "--format json or html has every one)\n";
  if (only_repeated)
    out << "\n" << plural(static_cast<int64_t>(only_repeated), "file has", "files have")
        << " only repeated problems; they are counted above, not listed again.\n";
  return out.str();
}

nlohmann::ordered_json to_json(const Report& r) {
  nlohmann::ordered_json j;
  j["database"] = r.database;
  j["last_import"] = opt(r.last_import);
  j["summary"] = {{"files", counts_json(r.files)},
                  {"documents", counts_json(r.documents)},
                  {"records", counts_json(r.records)},
                  {"problems", {{"total", r.problems}, {"error", r.errors}, {"warning", r.warnings}, {"info", r.infos}}},
                  {"files_with_problems", r.documents_with_problems.size()}};
  auto& codes = j["codes"] = nlohmann::ordered_json::array();
  for (const auto& c : r.codes)
    codes.push_back({{"code", c.code}, {"severity", c.severity}, {"meaning", c.meaning}, {"problems", c.problems},
                     {"files", c.documents}});
  auto& repeats = j["repeated"] = nlohmann::ordered_json::array();
  for (const auto& rep : r.repeats) {
    nlohmann::ordered_json paths = nlohmann::ordered_json::array();
    for (auto id : rep.documents)
      if (const auto* d = r.find(id)) paths.push_back(d->path());
    repeats.push_back({{"code", rep.code}, {"severity", rep.severity}, {"message", rep.message},
                       {"problems", rep.problems}, {"files", rep.documents.size()}, {"paths", paths}});
  }
  auto& files = j["files"] = nlohmann::ordered_json::array();
  for (const auto& d : r.documents_with_problems) {
    nlohmann::ordered_json f;
    f["path"] = d.path();
    f["paths"] = d.paths;
    f["status"] = d.status;
    f["errors"] = d.errors;
    f["warnings"] = d.warnings;
    f["infos"] = d.infos;
    f["document_id"] = d.document_id;
    f["sha256"] = d.sha256;
    f["size"] = d.size;
    f["pages"] = d.pages;
    f["pdf_title"] = opt(d.pdf_title);
    f["file"] = {{"path", d.file.path}, {"exists", d.file.exists}, {"changed", d.file.changed}};
    auto& records = f["records"] = nlohmann::ordered_json::array();
    for (const auto& rec : d.records)
      records.push_back({{"record_id", rec.id},
                         {"record_key", rec.record_key},
                         {"index", rec.index},
                         {"status", rec.status},
                         {"grammar", rec.grammar},
                         {"page_first", rec.page_first},
                         {"page_last", rec.page_last},
                         {"appendix", opt(rec.appendix)},
                         {"title", opt(rec.title)},
                         {"structural_unit", opt(rec.structural_unit)},
                         {"direct_manager", opt(rec.direct_manager)},
                         {"tasks", rec.tasks},
                         {"task_results", rec.results}});
    auto& problems = f["problems"] = nlohmann::ordered_json::array();
    for (const auto& p : d.problems) {
      nlohmann::ordered_json pj{{"record_id", p.record_id ? nlohmann::ordered_json(p.record_id) : nlohmann::ordered_json(nullptr)},
                                {"record_index", p.record_index},
                                {"code", p.code},
                                {"severity", p.severity},
                                {"page", p.page ? nlohmann::ordered_json(p.page) : nlohmann::ordered_json(nullptr)},
                                {"message", p.message},
                                {"excerpt", p.excerpt}};
      pj["box"] = p.box ? nlohmann::ordered_json{{"x0", p.box->x0}, {"y0", p.box->y0}, {"x1", p.box->x1}, {"y1", p.box->y1}}
                        : nlohmann::ordered_json(nullptr);
      problems.push_back(std::move(pj));
    }
    files.push_back(std::move(f));
  }
  return j;
}

}  // namespace aj::report
