// show_command.cpp — `ametijuhend show KEY|ID|PATH [--db FILE]`: one record
// (or every record of one PDF) from the database, laid out for reading. A
// record is named by its record_key (stable across re-parses), its id (not
// stable), or any stored path or file name of its PDF. Every
// field of the registry (core/fields.h) that has a label, in its order — the
// position, its unit and lists, tasks with results, requirements,
// competencies, rights, responsibilities, signatures, problems, coverage.
#include <cctype>
#include <charconv>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/path_text.h"
#include "core/fields.h"
#include "store/database.h"
#include "store/reader.h"

namespace aj::cli {
namespace {

constexpr int kLabelWidth = 22;

using fields::Field;
using fields::Kind;

std::string line(std::string_view label, const std::string& value) {
  const std::string l(label);
  return "  " + l + std::string(kLabelWidth > int(l.size()) ? kLabelWidth - l.size() : 1, ' ') + value + "\n";
}

std::string joined(const std::vector<std::string>& items, const char* separator = "; ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::string bullets(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += "  – " + s + "\n";
  return out;
}

// A list of the record with a table of its own (tasks, rights, …) is shown
// as a block under its own heading; the requirements stand under theirs;
// every other field is one line, under "Other" once a block came before it.
bool is_block(const Field& f) {
  return f.group == fields::Group::record &&
         (f.kind == Kind::object_list || (f.kind == Kind::text_list && f.place == fields::Place::text_table));
}

std::string heading_of(const Field& f, const std::string& current) {
  if (f.group == fields::Group::requirements) return "Requirements";
  if (is_block(f)) {
    std::string h(f.label);
    if (!h.empty()) h[0] = char(std::toupper(static_cast<unsigned char>(h[0])));
    return h;
  }
  return current.empty() ? "" : "Other";
}

// The lines of a field with a shape of its own; "" when the record has none.
std::string shown_object(const Field& f, const Record& r) {
  const Requirements& q = r.requirements;
  std::string out;
  switch (f.shape) {
    case fields::Shape::source:
      return line(f.label, r.source.file + ", record " + std::to_string(r.source.index) + ", pages " +
                               std::to_string(r.source.page_first) + "–" + std::to_string(r.source.page_last) +
                               (r.grammar.empty() ? "" : ", grammar " + r.grammar));
    case fields::Shape::approval:
      if (!r.approval) return "";
      return line(f.label, joined({r.approval->authority.value_or("?"), r.approval->date.value_or("?"),
                                   "nr " + r.approval->directive_number.value_or("?"), r.approval->appendix.value_or("")},
                                  ", "));
    case fields::Shape::tasks:
      for (const auto& t : r.tasks) {
        out += "  " + (t.number ? *t.number + "  " : "") + t.text + "\n";
        for (const auto& result : t.results) out += "      → " + result + "\n";
      }
      return out;
    case fields::Shape::education:
      if (!q.education) return "";
      return line(f.label, q.education->text + (q.education->level ? "  [" + *q.education->level + "]" : "") +
                               (q.education->fields ? "  (fields: " + *q.education->fields + ")" : ""));
    case fields::Shape::experience:
      if (!q.experience) return "";
      return line(f.label,
                  q.experience->text + "  [" +
                      (q.experience->years_min ? "at least " + std::to_string(*q.experience->years_min) + " years, "
                                               : "") +
                      (q.experience->required ? "required" : "recommended") + "]");
    case fields::Shape::languages: {
      if (q.languages.empty()) return "";
      std::vector<std::string> languages;
      for (const auto& l : q.languages)
        languages.push_back(l.language + (l.level ? " " + *l.level : "") + (l.required ? "" : " (recommended)") +
                            (l.options.empty() ? "" : " (options: " + joined(l.options, ", ") + ")"));
      return line(f.label, joined(languages));
    }
    case fields::Shape::competencies:
      for (const auto& c : r.competencies) {
        out += "  " + (c.group ? *c.group + " / " : "") + c.name + "\n";
        for (const auto& item : c.items) out += "      – " + item + "\n";
      }
      return out;
    case fields::Shape::employer:
      if (!r.signatures->employer) return "";
      return line(f.label, joined({r.signatures->employer->name.value_or("?"),
                                   r.signatures->employer->title.value_or("?")}, ", "));
    case fields::Shape::employee:
      if (!r.signatures->employee) return "";
      return line(f.label, r.signatures->employee->name.value_or("?"));
    case fields::Shape::problems:
      for (const auto& p : r.problems)
        out += "  " + std::string(severity_name(p.severity)) + " " + std::string(code_name(p.code)) +
               (p.page ? " (page " + std::to_string(p.page) + ")" : "") + ": " + p.message +
               (p.excerpt.empty() ? "" : " «" + p.excerpt + "»") + "\n";
      return out;
    case fields::Shape::sections:
    case fields::Shape::none: return "";
  }
  return "";
}

// What `show` prints for a field: "" when the record has nothing there.
std::string shown(const Field& f, const Record& r) {
  switch (f.kind) {
    case Kind::text: {
      const Text& t = fields::text(f, r);
      return t ? line(f.label, *t) : "";
    }
    case Kind::text_list: {
      const auto& items = fields::texts(f, r);
      if (is_block(f)) return bullets(items);
      const Text scope = f.access.scope ? fields::scope(f, r) : std::nullopt;
      if (items.empty() && !scope) return "";
      return line(f.label, joined(items) + (scope ? "  (scope: " + *scope + ")" : ""));
    }
    case Kind::flag: return fields::flag(f, r) ? line(f.label, "yes") : "";
    case Kind::fraction: return line(f.label, fields::as_percent(fields::fraction(f, r)));
    case Kind::string:
    case Kind::status: return "";   // the grammar and the status stand in the heading and the source line
    case Kind::object:
    case Kind::object_list: return shown_object(f, r);
  }
  return "";
}

// The fields in registry order, each with its label; the title and the
// status head the record.
void print_record(const std::string& key, const Record& r, const std::vector<std::string>& paths) {
  static const Field* const title = fields::find("title");
  std::cout << "Record " << key << ": " << r.title.value_or("(no title)") << "  [" << status_name(r.status) << "]\n";
  for (size_t i = 0; i < paths.size(); ++i) std::cout << line(i == 0 ? "file" : "also at", paths[i]);
  std::string heading;
  for (const Field& f : fields::all()) {
    if (f.label.empty() || &f == title || !fields::group_present(f.group, r)) continue;
    const std::string text = shown(f, r);
    if (text.empty()) continue;
    if (const std::string h = heading_of(f, heading); h != heading) {
      heading = h;
      std::cout << heading << "\n";
    }
    std::cout << text;
  }
}

// A record key as schema/007 makes it: 12 hex digits, '-', the index.
bool is_record_key(const std::string& what) {
  const size_t dash = what.find('-');
  return dash == 12 && what.size() > 13 && what.find_first_not_of("0123456789abcdef") == 12 &&
         what.find_first_not_of("0123456789", 13) == std::string::npos;
}

// Record ids for a record key, an id, a stored path, or a file name of any
// stored path (a copy's name too).
std::vector<int64_t> find_records(store::Db& db, const std::string& what) {
  std::vector<int64_t> ids;
  auto collect = [&](store::Stmt& q) {
    while (q.step()) ids.push_back(q.int64(0));
    return ids;
  };
  if (is_record_key(what)) {
    store::Stmt q = db.prepare("SELECT id FROM records WHERE record_key = ?");
    q.bind(1, what);
    return collect(q);
  }
  if (!what.empty() && what.find_first_not_of("0123456789") == std::string::npos) {
    int64_t id = 0;
    std::from_chars(what.data(), what.data() + what.size(), id);
    store::Stmt q = db.prepare("SELECT id FROM records WHERE id = ?");
    q.bind(1, id);
    return collect(q);
  }
  std::error_code ec;
  // Stored paths are path_text(); `what` may be the raw bytes or that form.
  const std::string path = path_text(std::filesystem::absolute(path_bytes(what), ec).lexically_normal().string());
  // The path itself when it is stored; else every stored path with that file name.
  store::Stmt q = db.prepare(
      "SELECT r.id FROM records r WHERE r.document_id IN ("
      "  SELECT document_id FROM files WHERE path = ?1"
      "  UNION SELECT document_id FROM files"
      "  WHERE NOT EXISTS (SELECT 1 FROM files WHERE path = ?1) AND substr(path, -length(?2) - 1) = '/' || ?2) "
      "ORDER BY r.source_file, r.source_index, r.id");
  q.bind(1, path);
  q.bind(2, path_text(std::filesystem::path(path_bytes(what)).filename().string()));
  return collect(q);
}

}  // namespace

void add_show_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("show", "Print one record from the database, readably");
  auto what = std::make_shared<std::string>();
  auto db_path = std::make_shared<std::string>(store::kDefaultDatabase);
  cmd->add_option("record", *what, "a record key (records.record_key, e.g. 3f2a9c01b7de-1), a record id (records.id), a PDF's path, "
                  "or the file name of any of its paths")
      ->required();
  cmd->add_option("--db", *db_path, "the database file")->capture_default_str();
  cmd->callback([what, db_path] {
    std::string error;
    auto db = store::open_readonly(*db_path, &error);
    if (!db) {
      std::cerr << "ametijuhend show: " << error << "\n";
      set_exit_code(1);
      return;
    }
    const auto ids = find_records(*db, *what);
    if (ids.empty()) {
      std::cerr << "ametijuhend show: no record with key, id, path or file name " << path_text(*what) << " in " << *db_path
                << (db->ok() ? "" : ": " + db->error()) << "\n";
      set_exit_code(1);
      return;
    }
    store::RecordReader reader(*db);
    for (size_t i = 0; i < ids.size(); ++i) {
      auto record = reader.read(ids[i]);
      if (!record) {
        std::cerr << "ametijuhend show: cannot read record " << ids[i] << ": " << db->error() << "\n";
        set_exit_code(1);
        return;
      }
      if (i) std::cout << "\n";
      print_record(reader.record_key(ids[i]), *record, reader.paths(ids[i]));
    }
  });
}

}  // namespace aj::cli
