// field_codecs.h — the JSON of the fields whose shape is their own (the
// registry's Kind::object and object_list entries, core/fields.cpp), one
// writer and one reader per shape; defined in field_codecs.cpp. Only the
// registry refers to them: everything else reaches them through its entries.
#pragma once

#include "core/fields.h"

namespace aj::fields::codec {

void write_source(const Record&, ordered_json&, std::string_view key, bool full);
void read_source(const json&, Record&);
void write_approval(const Record&, ordered_json&, std::string_view key, bool full);
void read_approval(const json&, Record&);
void write_tasks(const Record&, ordered_json&, std::string_view key, bool full);
void read_tasks(const json&, Record&);
void write_education(const Record&, ordered_json&, std::string_view key, bool full);
void read_education(const json&, Record&);
void write_experience(const Record&, ordered_json&, std::string_view key, bool full);
void read_experience(const json&, Record&);
void write_languages(const Record&, ordered_json&, std::string_view key, bool full);
void read_languages(const json&, Record&);
void write_competencies(const Record&, ordered_json&, std::string_view key, bool full);
void read_competencies(const json&, Record&);
void write_employer(const Record&, ordered_json&, std::string_view key, bool full);
void read_employer(const json&, Record&);
void write_employee(const Record&, ordered_json&, std::string_view key, bool full);
void read_employee(const json&, Record&);
void write_problems(const Record&, ordered_json&, std::string_view key, bool full);
void read_problems(const json&, Record&);
void write_sections(const Record&, ordered_json&, std::string_view key, bool full);
void read_sections(const json&, Record&);

}  // namespace aj::fields::codec
