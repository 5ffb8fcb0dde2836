// report.cpp — the failure report's model, read from the database in a
// handful of whole-table queries (an archive of 5,000 files is a few
// thousand rows each) and assembled in memory.
#include "report/report.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/fields.h"
#include "store/record_columns.h"

namespace aj::report {
namespace {

struct FileRow {
  std::string path;
  int64_t size = 0, mtime_ns = 0;
};

// Where the document's PDF is now: the first stored path that exists,
// preferring one whose size and mtime still match the import.
FileState locate(const std::vector<FileRow>& files) {
  FileState best;
  if (files.empty()) return best;
  best.path = files.front().path;
  for (const auto& f : files) {
    struct stat st {};
    if (::stat(f.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    const int64_t mtime = int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
    const bool same = st.st_size == f.size && mtime == f.mtime_ns;
    if (!best.exists || (best.changed && same)) best = FileState{f.path, true, !same};
    if (same) break;
  }
  return best;
}

void count(StatusCounts& c, const std::string& status) {
  if (status == "ok") ++c.ok;
  else if (status == "partial") ++c.partial;
  else ++c.failed;
}

bool worse(const DocumentEntry& a, const DocumentEntry& b) {
  const int ra = status_rank(a.status), rb = status_rank(b.status);
  if (ra != rb) return ra < rb;
  if (a.errors != b.errors) return a.errors > b.errors;
  if (a.warnings != b.warnings) return a.warnings > b.warnings;
  if (a.infos != b.infos) return a.infos > b.infos;
  return a.path() < b.path();
}

int severity_rank(const std::string& s) { return s == "error" ? 0 : s == "warning" ? 1 : s == "info" ? 2 : 0; }

// A field the HTML report lists, and the SQL expression over records r and
// requirements q that gives its value (or its list's length).
struct Listed {
  const fields::Field* field;
  std::string sql;
};

// The registry's labelled fields of the record and its requirements, but
// those the report shows elsewhere: the source (the page's heading and
// pages), the approval (the record's heading), the problems (their own
// list). An object kept in its group's row (education, experience) shows
// its first column, its text.
std::vector<Listed> listed_fields() {
  using fields::Place;
  using fields::Shape;
  std::vector<Listed> out;
  for (const fields::Field& f : fields::all()) {
    if (f.label.empty() || f.group == fields::Group::signatures || f.shape == Shape::source ||
        f.shape == Shape::approval || f.shape == Shape::problems)
      continue;
    const std::string row = f.group == fields::Group::requirements ? "q." : "r.";
    const auto columns = store::row_columns(f);
    if (!columns.empty()) out.push_back({&f, row + std::string(columns.front())});
    else if (f.place == Place::position_list)
      out.push_back({&f, "(SELECT count(*) FROM position_lists x WHERE x.record_id = r.id AND x.list = '" +
                             std::string(f.name) + "')"});
    else
      out.push_back({&f, "(SELECT count(*) FROM " + std::string(f.sql) + " x WHERE x.record_id = r.id)"});
  }
  return out;
}

FieldValue field_value(const Listed& l, const store::Stmt& q, int column, const RecordRow& r) {
  const fields::Field& f = *l.field;
  FieldValue v{&f, std::nullopt, std::nullopt, ""};
  switch (f.kind) {
    case fields::Kind::text_list:
    case fields::Kind::object_list:
      v.count = q.int64(column);
      if (f.shape == fields::Shape::tasks && r.tasks) v.detail = " (" + std::to_string(r.results) + " results)";
      break;
    case fields::Kind::flag:
      if (q.int64(column)) v.text = "yes";
      break;
    case fields::Kind::fraction:
      if (!q.is_null(column)) v.text = fields::as_percent(q.real(column));
      break;
    case fields::Kind::text:
    case fields::Kind::string:
    case fields::Kind::status:
    case fields::Kind::object: v.text = q.opt_text(column); break;
  }
  return v;
}

}  // namespace

bool RecordRow::nothing_extracted() const {
  for (const FieldValue& f : fields)
    if (f.field->contract && (f.text || f.count.value_or(0) > 0)) return false;   // coverage is no field's content
  return true;
}

int status_rank(const std::string& status) { return status == "ok" ? 2 : status == "partial" ? 1 : 0; }

bool is_repeated(const Repeat& r, const ProblemRow& p) { return p.code == r.code && p.message == r.message; }

const DocumentEntry* Report::find(int64_t document_id) const {
  for (const auto& d : documents_with_problems)
    if (d.document_id == document_id) return &d;
  return nullptr;
}

std::string clip(const std::string& s, size_t max) {
  std::string out;
  size_t points = 0;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if ((c & 0xC0) != 0x80) {   // a code point starts here
      if (points + (space ? 1 : 0) >= max) return out + "…";
      if (space) {
        out += ' ';
        ++points;
        space = false;
      }
      ++points;
    }
    out += s[i];
  }
  return out;
}

std::optional<Report> load(store::Db& db, const std::string& database_path, const Options& options,
                           std::string* error) {
  Report report;
  report.database = database_path;
  auto failed = [&](const char* what) {
    *error = std::string("cannot read ") + what + " from " + database_path + ": " +
             (db.ok() ? std::string("query failed") : db.error());
    return std::nullopt;
  };

  {
    store::Stmt q = db.prepare(
        "SELECT coalesce(finished_at, started_at) FROM import_runs ORDER BY id DESC LIMIT 1");
    if (q.step()) report.last_import = q.opt_text(0);
    if (!db.ok()) return failed("the import runs");
  }

  // Documents, and the files each was found at.
  struct Doc {
    std::string sha256;
    int64_t size = 0;
    int pages = 0;
    std::optional<std::string> pdf_title;
    std::vector<FileRow> files;
    std::vector<RecordRow> records;
    std::vector<ProblemRow> problems;
  };
  std::map<int64_t, Doc> docs;
  {
    store::Stmt q = db.prepare("SELECT id, sha256, size, pages, pdf_title FROM documents");
    while (q.step())
      docs[q.int64(0)] = Doc{q.text(1), q.int64(2), static_cast<int>(q.int64(3)), q.opt_text(4), {}, {}, {}};
    store::Stmt f = db.prepare("SELECT document_id, path, size, mtime_ns FROM files ORDER BY path");
    while (f.step())
      if (auto it = docs.find(f.int64(0)); it != docs.end())
        it->second.files.push_back(FileRow{f.text(1), f.int64(2), f.int64(3)});
    if (!db.ok()) return failed("the documents");
  }

  // Records, with what their fields came to.
  std::unordered_map<int64_t, std::pair<int64_t, int>> record_doc;   // record id → document id, source index
  {
    const std::vector<Listed> listed = listed_fields();
    std::string sql =
        "SELECT r.id, r.document_id, r.source_index, r.status, r.grammar, r.title, r.structural_unit, "
        "       r.direct_manager, a.appendix, r.page_first, r.page_last, r.coverage, "
        "       (SELECT count(*) FROM tasks t WHERE t.record_id = r.id), "
        "       (SELECT count(*) FROM task_results tr JOIN tasks t ON t.id = tr.task_id WHERE t.record_id = r.id), "
        "       r.record_key";
    for (const Listed& l : listed) sql += ", " + l.sql;
    sql +=
        " FROM records r LEFT JOIN approvals a ON a.record_id = r.id LEFT JOIN requirements q ON q.record_id = r.id "
        "ORDER BY r.document_id, r.source_index";
    store::Stmt q = db.prepare(sql);
    while (q.step()) {
      RecordRow r;
      r.id = q.int64(0);
      r.index = static_cast<int>(q.int64(2));
      r.status = q.text(3);
      r.grammar = q.text(4);
      r.title = q.opt_text(5);
      r.structural_unit = q.opt_text(6);
      r.direct_manager = q.opt_text(7);
      r.appendix = q.opt_text(8);
      r.page_first = static_cast<int>(q.int64(9));
      r.page_last = static_cast<int>(q.int64(10));
      if (!q.is_null(11)) r.coverage = q.real(11);
      r.tasks = q.int64(12);
      r.results = q.int64(13);
      r.record_key = q.text(14);
      int column = 15;
      for (const Listed& l : listed) r.fields.push_back(field_value(l, q, column++, r));
      count(report.records, r.status);
      record_doc[r.id] = {q.int64(1), r.index};
      if (auto it = docs.find(q.int64(1)); it != docs.end()) it->second.records.push_back(std::move(r));
    }
    if (!db.ok()) return failed("the records");
  }

  // Problems, and the meaning of each code (the database's own table, so a
  // code this program does not know still has its line).
  std::map<std::string, CodeCount> codes;
  {
    store::Stmt m = db.prepare("SELECT code, severity, meaning FROM problem_codes");
    while (m.step()) codes[m.text(0)] = CodeCount{m.text(0), m.text(1), m.text(2), 0, 0};
    store::Stmt q = db.prepare(
        "SELECT record_id, position, code, severity, page, message, excerpt, box_x0, box_y0, box_x1, box_y1 "
        "FROM problems ORDER BY record_id, position");
    while (q.step()) {
      ProblemRow p;
      p.record_id = q.int64(0);
      p.position = static_cast<int>(q.int64(1));
      p.code = q.text(2);
      p.severity = q.text(3);
      p.page = q.opt_int(4).value_or(0);
      p.message = q.text(5);
      p.excerpt = q.text(6);
      if (!q.is_null(7) && !q.is_null(8) && !q.is_null(9) && !q.is_null(10))
        p.box = Box{q.real(7), q.real(8), q.real(9), q.real(10)};
      auto rd = record_doc.find(p.record_id);
      if (rd == record_doc.end()) continue;
      p.record_index = rd->second.second;
      if (auto it = docs.find(rd->second.first); it != docs.end()) it->second.problems.push_back(std::move(p));
    }
    if (!db.ok()) return failed("the problems");

    // A directive's own problems (schema 004 on), unless its records already carry the same.
    if (db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'directive_problems'")) {
      store::Stmt d = db.prepare(
          "SELECT x.document_id, p.position, p.code, p.severity, p.page, p.message "
          "FROM directive_problems p JOIN directives x ON x.id = p.directive_id ORDER BY x.document_id, p.position");
      std::map<int64_t, std::vector<ProblemRow>> own;
      while (d.step()) {
        ProblemRow p;
        p.record_index = 0;
        p.position = static_cast<int>(d.int64(1));
        p.code = d.text(2);
        p.severity = d.text(3);
        p.page = d.opt_int(4).value_or(0);
        p.message = d.text(5);
        auto it = docs.find(d.int64(0));
        if (it == docs.end()) continue;
        bool carried = false;
        for (const auto& q : it->second.problems) carried = carried || (q.code == p.code && q.message == p.message);
        if (!carried) own[it->first].push_back(std::move(p));
      }
      if (!db.ok()) return failed("the directives' problems");
      for (auto& [id, list] : own) {
        auto& problems = docs[id].problems;
        problems.insert(problems.begin(), list.begin(), list.end());
      }
    }
  }

  // Per document: status, counts, and the ranking.
  for (auto& [id, doc] : docs) {
    DocumentEntry e;
    e.document_id = id;
    e.sha256 = doc.sha256;
    e.size = doc.size;
    e.pages = doc.pages;
    if (doc.pdf_title && !doc.pdf_title->empty()) e.pdf_title = doc.pdf_title;
    for (const auto& f : doc.files) e.paths.push_back(f.path);
    if (e.paths.empty()) e.paths.push_back("(no path)");
    e.status = "ok";
    if (doc.records.empty()) e.status = "failed";   // cannot happen: a parse yields a record, even a failed one
    for (const auto& r : doc.records)
      if (status_rank(r.status) < status_rank(e.status)) e.status = r.status;
    count(report.documents, e.status);
    for (size_t i = 0; i < doc.files.size(); ++i) count(report.files, e.status);

    std::set<std::string> seen_codes;
    for (const auto& p : doc.problems) {
      ++report.problems;
      const int s = severity_rank(p.severity);
      (s == 0 ? e.errors : s == 1 ? e.warnings : e.infos)++;
      auto& c = codes[p.code];
      if (c.code.empty()) {   // not in problem_codes: should not happen (a foreign key), but say what we can
        c.code = p.code;
        c.severity = p.severity;
        if (auto known = code_from_name(p.code)) c.meaning = std::string(code_meaning(*known));
      }
      ++c.problems;
      if (seen_codes.insert(p.code).second) ++c.documents;
    }
    report.errors += e.errors;
    report.warnings += e.warnings;
    report.infos += e.infos;
    if (doc.problems.empty() && e.status == "ok") continue;
    e.records = std::move(doc.records);
    e.problems = std::move(doc.problems);
    e.file = locate(doc.files);
    report.documents_with_problems.push_back(std::move(e));
  }
  std::sort(report.documents_with_problems.begin(), report.documents_with_problems.end(), worse);

  for (auto& [name, c] : codes)
    if (c.problems > 0) report.codes.push_back(c);
  std::stable_sort(report.codes.begin(), report.codes.end(), [](const CodeCount& a, const CodeCount& b) {
    if (severity_rank(a.severity) != severity_rank(b.severity))
      return severity_rank(a.severity) < severity_rank(b.severity);
    return a.problems > b.problems;
  });

  // Repeats: the same code and message in several documents, in rank order.
  std::map<std::pair<std::string, std::string>, Repeat> repeats;
  for (const auto& d : report.documents_with_problems)
    for (const auto& p : d.problems) {
      auto& r = repeats[{p.code, p.message}];
      if (r.code.empty()) r = Repeat{p.code, p.severity, p.message, 0, {}};
      ++r.problems;
      if (r.documents.empty() || r.documents.back() != d.document_id) r.documents.push_back(d.document_id);
    }
  for (auto& [key, r] : repeats)
    if (static_cast<int>(r.documents.size()) >= std::max(2, options.repeat_min)) report.repeats.push_back(r);
  std::stable_sort(report.repeats.begin(), report.repeats.end(),
                   [](const Repeat& a, const Repeat& b) { return a.documents.size() > b.documents.size(); });
  // The org chart is a page of its own: when it cannot be read, the report
  // still is, and the page says why.
  if (auto chart = load_org_chart(db, "", &report.org_error)) report.org = std::move(*chart);

  return report;
}

}  // namespace aj::report
