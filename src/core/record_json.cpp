// record_json.cpp — the contract's JSON shape for Record, both ways, walking
// the field registry (core/fields.h): its order is the contract's key
// order; the generic kinds are written here, the others by their codecs.
#include "core/fields.h"
#include "core/record.h"

namespace aj {
namespace {

using oj = nlohmann::ordered_json;
using fields::Field;
using fields::Kind;

void write_field(const Field& f, const Record& r, oj& into, bool full) {
  const std::string key(f.name);
  switch (f.kind) {
    case Kind::text: {
      const Text& t = fields::text(f, r);
      into[key] = t ? oj(*t) : oj(nullptr);
      break;
    }
    case Kind::text_list: {
      oj a = oj::array();
      for (const auto& s : fields::texts(f, r)) a.push_back(s);
      into[key] = std::move(a);
      break;
    }
    case Kind::string: into[key] = fields::string(f, r); break;
    case Kind::flag: into[key] = fields::flag(f, r); break;
    case Kind::fraction: into[key] = fields::fraction(f, r); break;
    case Kind::status: into[key] = std::string(status_name(fields::status(f, r))); break;
    case Kind::object:
    case Kind::object_list: f.codec.write(r, into, f.name, full); break;
  }
}

void read_field(const Field& f, const nlohmann::json& v, Record& r) {
  switch (f.kind) {
    case Kind::text:
      f.access.text(r) = v.is_null() ? Text() : Text(v.get<std::string>());
      break;
    case Kind::text_list: {
      auto& out = f.access.texts(r);
      out.clear();
      if (v.is_array())
        for (const auto& s : v) out.push_back(s.get<std::string>());
      break;
    }
    case Kind::string: f.access.string(r) = v.is_string() ? v.get<std::string>() : std::string(); break;
    case Kind::flag: f.access.flag(r) = v.is_boolean() && v.get<bool>(); break;
    case Kind::fraction: f.access.fraction(r) = v.is_number() ? v.get<double>() : 0.0; break;
    case Kind::status: f.access.status(r) = status_from_name(v.is_string() ? v.get<std::string>() : ""); break;
    case Kind::object:
    case Kind::object_list:
      if (!v.is_null()) f.codec.read(v, r);
      break;
  }
}

oj record_json(const Record& r, bool full) {
  oj j;
  for (const Field& f : fields::all()) {
    if (!f.contract && !full) continue;
    if (f.group == fields::Group::record) {
      write_field(f, r, j, full);
      continue;
    }
    const std::string group(fields::group_key(f.group));
    if (!fields::group_present(f.group, r)) {
      j[group] = nullptr;
      continue;
    }
    if (!j.contains(group)) j[group] = oj::object();
    write_field(f, r, j[group], full);
  }
  return j;
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::partial: return "partial";
    case Status::failed: return "failed";
  }
  return "failed";
}

Status status_from_name(std::string_view name) {
  return name == "ok" ? Status::ok : name == "partial" ? Status::partial : Status::failed;
}

oj to_json(const Problem& p) {
  oj j;
  j["code"] = std::string(code_name(p.code));
  j["severity"] = std::string(severity_name(p.severity));
  j["page"] = p.page > 0 ? oj(p.page) : oj(nullptr);
  j["message"] = p.message;
  return j;
}

oj to_json(const Record& r) { return record_json(r, false); }
oj to_full_json(const Record& r) { return record_json(r, true); }

Record record_from_json(const nlohmann::json& j) {
  Record r;
  for (const Field& f : fields::all()) {
    const nlohmann::json* in = &j;
    if (f.group != fields::Group::record) {
      const std::string group(fields::group_key(f.group));
      if (!j.contains(group) || !j[group].is_object()) continue;
      fields::group_emplace(f.group, r);
      in = &j[group];
    }
    const std::string key(f.name);
    if (in->contains(key)) read_field(f, (*in)[key], r);
  }
  return r;
}

}  // namespace aj
