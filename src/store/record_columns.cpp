// record_columns.cpp — a field's columns in its group's row, both ways (see
// record_columns.h). The generic kinds take one column named `sql`; the
// dedicated shapes that live in the row list theirs here.
#include "store/record_columns.h"

namespace aj::store {

using fields::Field;
using fields::Kind;
using fields::Place;
using fields::Shape;

std::vector<std::string_view> row_columns(const Field& f) {
  if (f.place == Place::column) return {f.sql};
  switch (f.shape) {
    case Shape::source: return {"source_file", "source_index", "page_first", "page_last"};
    case Shape::education: return {"education_text", "education_level", "education_fields"};
    case Shape::experience: return {"experience_text", "experience_years_min", "experience_required"};
    case Shape::employer: return {"has_employer", "employer_name", "employer_title"};
    case Shape::employee: return {"has_employee", "employee_name"};
    case Shape::none:
    case Shape::approval:
    case Shape::tasks:
    case Shape::languages:
    case Shape::competencies:
    case Shape::problems:
    case Shape::sections: return {};   // child tables
  }
  return {};
}

std::vector<const Field*> row_fields(fields::Group g) {
  std::vector<const Field*> out;
  for (const Field& f : fields::all())
    if (f.group == g && !row_columns(f).empty()) out.push_back(&f);
  return out;
}

std::string row_column_list(fields::Group g) {
  std::string out;
  for (const Field* f : row_fields(g))
    for (std::string_view c : row_columns(*f)) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

void bind_row_field(Stmt& q, int& i, const Field& f, const Record& r) {
  switch (f.kind) {
    case Kind::text: q.bind(++i, fields::text(f, r)); return;
    case Kind::string: q.bind(++i, fields::string(f, r)); return;
    case Kind::flag: q.bind(++i, fields::flag(f, r)); return;
    case Kind::fraction: q.bind(++i, fields::fraction(f, r)); return;
    case Kind::status: q.bind(++i, status_name(fields::status(f, r))); return;
    case Kind::text_list:
    case Kind::object:
    case Kind::object_list: break;
  }
  switch (f.shape) {
    case Shape::source:
      q.bind(++i, r.source.file);
      q.bind(++i, r.source.index);
      q.bind(++i, r.source.page_first);
      q.bind(++i, r.source.page_last);
      return;
    case Shape::education: {
      const auto& e = r.requirements.education;
      q.bind(++i, e ? Text(e->text) : std::nullopt);
      q.bind(++i, e ? e->level : std::nullopt);
      q.bind(++i, e ? e->fields : std::nullopt);
      return;
    }
    case Shape::experience: {
      const auto& e = r.requirements.experience;
      q.bind(++i, e ? Text(e->text) : std::nullopt);
      q.bind(++i, e ? e->years_min : std::nullopt);
      q.bind(++i, e ? std::optional<bool>(e->required) : std::nullopt);
      return;
    }
    case Shape::employer: {
      const auto& e = r.signatures->employer;
      q.bind(++i, e.has_value());
      q.bind(++i, e ? e->name : std::nullopt);
      q.bind(++i, e ? e->title : std::nullopt);
      return;
    }
    case Shape::employee: {
      const auto& e = r.signatures->employee;
      q.bind(++i, e.has_value());
      q.bind(++i, e ? e->name : std::nullopt);
      return;
    }
    case Shape::none:
    case Shape::approval:
    case Shape::tasks:
    case Shape::languages:
    case Shape::competencies:
    case Shape::problems:
    case Shape::sections: return;
  }
}

void read_row_field(const Stmt& q, int& c, const Field& f, Record& r) {
  switch (f.kind) {
    case Kind::text: f.access.text(r) = q.opt_text(c++); return;
    case Kind::string: f.access.string(r) = q.text(c++); return;
    case Kind::flag: f.access.flag(r) = q.int64(c++) != 0; return;
    case Kind::fraction: f.access.fraction(r) = q.is_null(c) ? 0.0 : q.real(c); ++c; return;
    case Kind::status: f.access.status(r) = status_from_name(q.text(c++)); return;
    case Kind::text_list:
    case Kind::object:
    case Kind::object_list: break;
  }
  switch (f.shape) {
    case Shape::source:
      r.source = Source{q.text(c), int(q.int64(c + 1)), int(q.int64(c + 2)), int(q.int64(c + 3))};
      c += 4;
      return;
    case Shape::education:
      if (!q.is_null(c)) r.requirements.education = Education{q.text(c), q.opt_text(c + 1), q.opt_text(c + 2)};
      c += 3;
      return;
    case Shape::experience:
      if (!q.is_null(c)) r.requirements.experience = Experience{q.text(c), q.opt_int(c + 1), q.int64(c + 2) != 0};
      c += 3;
      return;
    case Shape::employer:
      if (q.int64(c)) r.signatures->employer = Signatures::Employer{q.opt_text(c + 1), q.opt_text(c + 2)};
      c += 3;
      return;
    case Shape::employee:
      if (q.int64(c)) r.signatures->employee = Signatures::Employee{q.opt_text(c + 1)};
      c += 2;
      return;
    case Shape::none:
    case Shape::approval:
    case Shape::tasks:
    case Shape::languages:
    case Shape::competencies:
    case Shape::problems:
    case Shape::sections: return;
  }
}

}  // namespace aj::store
